import type { Queryable } from '../db/types.ts';

export interface EnrolmentPolicy {
  ageMinYears: number;
  ageMaxYears: number;
  villageWorkersMin: number;
  villageWorkersMax: number | null;
}

/**
 * Used until the district sets its own (enrolment_policy). Age ≤ 65: the village programmes'
 * limit (issue 4); ≥ 17: BPJS counts KTP holders from 17 (fact sheet §5, status S);
 * ≥ 10 workers per village batch: the district rule named in issue 4. All configurable.
 */
export const DEFAULT_ENROLMENT_POLICY: EnrolmentPolicy = {
  ageMinYears: 17,
  ageMaxYears: 65,
  villageWorkersMin: 10,
  villageWorkersMax: null,
};

export async function enrolmentPolicy(q: Queryable, regencyCode: string): Promise<EnrolmentPolicy> {
  const r = await q.query<EnrolmentPolicy>(
    `SELECT age_min_years AS "ageMinYears", age_max_years AS "ageMaxYears",
            village_workers_min AS "villageWorkersMin", village_workers_max AS "villageWorkersMax"
     FROM enrolment_policy WHERE regency_code = $1`,
    [regencyCode],
  );
  return r.rows[0] ?? DEFAULT_ENROLMENT_POLICY;
}
