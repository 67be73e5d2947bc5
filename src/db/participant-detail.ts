// One participant as the staff's participant page shows it (issue 15, point 1): the identity and
// the membership found by KPJ inside the caller's scope, and the person's other memberships in
// that scope. Coverage, contributions, claims and history come from the reads that self-service
// already uses (coverage.ts, self-service.ts), by participant id.
import type { ParticipantListRow } from './participant-list.ts';
import type { Queryable } from './types.ts';

/** A participant-list row with what the page adds: the person, the payer and the regency. */
export interface ParticipantDetailRow extends ParticipantListRow {
  personId: number;
  payerName: string;
  regencyName: string;
}

/** The participant with this KPJ if it lies inside the caller's scopes (null outside: a 404). */
export async function findParticipantDetailInScope(
  q: Queryable,
  kpj: string,
  scopes: readonly string[],
): Promise<ParticipantDetailRow | null> {
  const r = await q.query<ParticipantDetailRow>(
    `SELECT pa.id, pa.person_id AS "personId", pa.kpj, p.nik, p.full_name AS "fullName",
            p.birth_date AS "birthDate", p.sex, pa.segment, pa.programs,
            pa.funding_source AS "fundingSource", pay.name AS "payerName", pa.region_code AS "regionCode",
            v.name AS "villageName", g.name AS "regencyName", pa.status, pa.status_since AS "statusSince"
     FROM participant pa
     JOIN person p ON p.id = pa.person_id
     JOIN region v ON v.code = pa.region_code
     JOIN region g ON g.code = pa.regency_code
     JOIN payer pay ON pay.id = pa.payer_id
     WHERE pa.kpj = $1 AND region_in_scope(pa.region_code, $2::text[])`,
    [kpj, scopes],
  );
  return r.rows[0] ?? null;
}

/** A membership as the page lists it: the list row without the person. */
export type OtherMembershipRow = Omit<ParticipantListRow, 'id' | 'nik' | 'fullName' | 'birthDate' | 'sex'>;

/** The person's other memberships that lie inside the caller's scopes, newest first. */
export async function otherMembershipsInScope(
  q: Queryable,
  a: { personId: number; participantId: number; scopes: readonly string[] },
): Promise<OtherMembershipRow[]> {
  const r = await q.query<OtherMembershipRow>(
    `SELECT pa.kpj, pa.segment, pa.programs, pa.funding_source AS "fundingSource", pa.region_code AS "regionCode",
            v.name AS "villageName", pa.status, pa.status_since AS "statusSince"
     FROM participant pa JOIN region v ON v.code = pa.region_code
     WHERE pa.person_id = $1 AND pa.id <> $2 AND region_in_scope(pa.region_code, $3::text[])
     ORDER BY pa.status_since DESC, pa.id DESC`,
    [a.personId, a.participantId, a.scopes],
  );
  return r.rows;
}

/**
 * The participant's self-service account: none yet, waiting for its activation code (its password
 * hash is still `pendingHash`, activation-code.ts NO_PASSWORD_YET), or in use.
 */
export async function participantAccountState(
  q: Queryable,
  kpj: string,
  pendingHash: string,
): Promise<'none' | 'pending' | 'active'> {
  const r = await q.query<{ pending: boolean }>(
    `SELECT password_hash = $2 AS pending FROM app_user WHERE scope_type = 'participant' AND scope_code = $1`,
    [kpj, pendingHash],
  );
  const row = r.rows[0];
  return row === undefined ? 'none' : row.pending ? 'pending' : 'active';
}
