// What a claim needs to know about its participant: who it is (in the caller's scope), the
// person's other claims, how a coverage ended, and the contributions a JP lump sum returns.
import type { Queryable } from './types.ts';

export interface ClaimParticipant {
  id: number;
  kpj: string;
  personId: number;
  nik: string;
  fullName: string;
  birthDate: string;
  segment: string;
  programs: string[];
  status: string;
  regionCode: string;
  regencyCode: string;
  officeCode: string | null;
  /** Last reported wage (PU: employment) or declared income (BPU); null when neither is known. */
  wageRp: number | null;
}

/** The participant by KPJ or id, only when the region lies in the caller's scopes. */
export async function findClaimParticipant(
  q: Queryable,
  a: { kpj?: string; participantId?: number; scopes: string[] | null },
): Promise<ClaimParticipant | null> {
  const r = await q.query<ClaimParticipant>(
    `SELECT pa.id, pa.kpj, pa.person_id AS "personId", p.nik, p.full_name AS "fullName",
            p.birth_date::text AS "birthDate", pa.segment, pa.programs, pa.status,
            pa.region_code AS "regionCode", pa.regency_code AS "regencyCode",
            (SELECT o.office_code FROM office_region o JOIN office f ON f.code = o.office_code AND f.level = 'branch'
             WHERE o.region_code = pa.regency_code ORDER BY o.office_code LIMIT 1) AS "officeCode",
            coalesce(e.wage_rp, pa.declared_income_rp) AS "wageRp"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     LEFT JOIN employment e ON e.participant_id = pa.id
     WHERE ($1::text IS NULL OR pa.kpj = $1) AND ($2::bigint IS NULL OR pa.id = $2)
       AND ($3::text[] IS NULL OR region_in_scope(pa.region_code, $3::text[]))`,
    [a.kpj ?? null, a.participantId ?? null, a.scopes],
  );
  return r.rows[0] ?? null;
}

/** Claims of the same person that are not rejected, for the duplicate and once-only checks. */
export async function openClaimsOfPerson(q: Queryable, personId: number) {
  const r = await q.query<{
    id: number;
    number: string;
    participantId: number;
    program: string;
    kind: string;
  }>(
    `SELECT id, number, participant_id AS "participantId", program, kind FROM claim
     WHERE person_id = $1 AND status <> 'rejected' ORDER BY id`,
    [personId],
  );
  return r.rows;
}

/** The non-active status (and its reason) that took effect on a day, if any: how coverage ended. */
export async function coverageEndOn(q: Queryable, participantId: number, date: string) {
  const r = await q.query<{ status: string; reason: string }>(
    `SELECT status, reason FROM participant_status
     WHERE participant_id = $1 AND effective_date = $2 AND status <> 'active' ORDER BY id DESC LIMIT 1`,
    [participantId, date],
  );
  return r.rows[0] ?? null;
}

/** The participant's billed JP contributions (contribution and adjustment lines). */
export async function jpContributionsRp(q: Queryable, participantId: number): Promise<number> {
  const r = await q.query<{ rp: number }>(
    `SELECT coalesce(sum(amount_rp), 0)::bigint AS rp FROM invoice_line
     WHERE participant_id = $1 AND program = 'JP' AND kind IN ('contribution', 'adjustment')`,
    [participantId],
  );
  return r.rows[0]?.rp ?? 0;
}

/**
 * The participant's employment as the employer reported it (start, and end when a leave was
 * reported): full JHT for resignation/PHK and JKP need the employment to have ended.
 */
export async function employmentOfParticipant(q: Queryable, participantId: number) {
  const r = await q.query<{ startDate: string; endDate: string | null }>(
    `SELECT start_date::text AS "startDate", end_date::text AS "endDate" FROM employment
     WHERE participant_id = $1`,
    [participantId],
  );
  return r.rows[0] ?? null;
}

/** The person behind each participant id (a person may hold several memberships). */
export async function findPersonIds(q: Queryable, participantIds: readonly number[]) {
  if (participantIds.length === 0) return new Map<number, number>();
  const r = await q.query<{ id: number; personId: number }>(
    'SELECT id, person_id AS "personId" FROM participant WHERE id = ANY($1::bigint[])',
    [participantIds],
  );
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.personId)]));
}
