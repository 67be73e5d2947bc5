import type { Queryable } from './types.ts';

export interface EnrolmentPolicy {
  ageMinYears: number;
  ageMaxYears: number;
  villageWorkersMin: number;
  villageWorkersMax: number | null;
}

/** The policy the district set, or null while it has set none. */
export async function findEnrolmentPolicy(
  q: Queryable,
  regencyCode: string,
): Promise<EnrolmentPolicy | null> {
  const r = await q.query<EnrolmentPolicy>(
    `SELECT age_min_years AS "ageMinYears", age_max_years AS "ageMaxYears",
            village_workers_min AS "villageWorkersMin", village_workers_max AS "villageWorkersMax"
     FROM enrolment_policy WHERE regency_code = $1`,
    [regencyCode],
  );
  return r.rows[0] ?? null;
}

export async function upsertEnrolmentPolicy(
  q: Queryable,
  p: EnrolmentPolicy & { regencyCode: string; at: string; by: string },
): Promise<void> {
  await q.query(
    `INSERT INTO enrolment_policy (regency_code, age_min_years, age_max_years, village_workers_min, village_workers_max,
       updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (regency_code) DO UPDATE SET age_min_years = $2, age_max_years = $3, village_workers_min = $4,
       village_workers_max = $5, updated_at = $6, updated_by = $7`,
    [p.regencyCode, p.ageMinYears, p.ageMaxYears, p.villageWorkersMin, p.villageWorkersMax, p.at, p.by],
  );
}
