// One person, one active membership per programme (issue 12, point 2; migration 0019): the
// memberships a person holds, the ones an employer's registration takes over, and the branch's
// review queue of duplicates that existed before the rule.
import { appliedExitsSql } from './applied-exits.ts';
import type { Queryable } from './types.ts';

export interface HeldMembership {
  id: number;
  personId: number;
  kpj: string;
  segment: 'PU' | 'BPU' | 'JAKON' | 'PMI';
  fundingSource: 'SELF' | 'EMPLOYER' | 'APBN' | 'APBD' | 'APBDES' | 'CSR';
  programs: string[];
  regionCode: string;
}

/** The active memberships of the person with this NIK. */
export async function activeMembershipsOf(q: Queryable, nik: string): Promise<HeldMembership[]> {
  const r = await q.query<HeldMembership>(
    `SELECT pa.id, pa.person_id AS "personId", pa.kpj, pa.segment, pa.funding_source AS "fundingSource", pa.programs, pa.region_code AS "regionCode"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE p.nik = $1 AND pa.status = 'active' ORDER BY pa.id`,
    [nik],
  );
  return r.rows;
}

export interface EndedMembership {
  id: number;
  kpj: string;
  segment: string;
  fundingSource: string;
  regionCode: string;
  endedOn: string;
}

/**
 * Ends, set-based, the active memberships of these persons whose 'SEGMENT:FUNDING' key is taken
 * over (precedenceTable) and that share a programme with the new one; ended from `onDate`, or from
 * the day their own status began if later. Writes the status history and an applied
 * membership_change (double coverage) for each; returns what ended.
 */
export async function endTakenOverMemberships(
  q: Queryable,
  a: {
    personIds: readonly number[];
    takesOver: readonly string[];
    programs: readonly string[];
    onDate: string;
    reason: string;
    actor: string;
    at: string;
  },
): Promise<EndedMembership[]> {
  if (a.personIds.length === 0 || a.takesOver.length === 0) return [];
  const r = await q.query<EndedMembership>(
    `WITH ended AS (
       UPDATE participant pa SET status = 'ended', status_since = greatest($4::date, pa.status_since)
       WHERE pa.person_id = ANY ($1::bigint[]) AND pa.status = 'active'
         AND pa.segment || ':' || pa.funding_source = ANY ($2::text[]) AND pa.programs && $3::text[]
       RETURNING pa.id, pa.kpj, pa.segment, pa.funding_source, pa.region_code, pa.regency_code, pa.status_since),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'ended', status_since, $5, $6, $7 FROM ended),
     -- The same event as every other end (0017): one applied change, reason double coverage.
     ch AS (
       ${appliedExitsSql(
         `SELECT id AS participant_id, regency_code, region_code, 'double_coverage' AS reason,
                 status_since AS effective_date, $5::text AS note, 'active' AS status_before, NULL::bigint AS claim_id
          FROM ended`,
         { actor: '$6', at: '$7' },
       )})
     SELECT id, kpj, segment, funding_source AS "fundingSource", region_code AS "regionCode",
            status_since AS "endedOn"
     FROM ended ORDER BY id`,
    [a.personIds, a.takesOver, a.programs, a.onDate, a.reason, a.actor, a.at],
  );
  return r.rows;
}

export interface ConflictRow {
  personId: number;
  nik: string;
  fullName: string;
  memberships: {
    kpj: string;
    segment: string;
    fundingSource: string;
    programs: string[];
    regionCode: string;
    statusSince: string;
  }[];
}

/**
 * Persons holding two active memberships that may not be held both (membership_may_hold_both),
 * at least one of them in scope; each with its active memberships in scope, keyset-paged by person.
 */
export async function listMembershipConflicts(
  q: Queryable,
  f: { scopes: readonly string[]; limit: number; afterPersonId: number | null },
): Promise<ConflictRow[]> {
  const r = await q.query<ConflictRow>(
    `WITH pairs AS (
       SELECT DISTINCT a.person_id
       FROM participant a
       JOIN participant b ON b.person_id = a.person_id AND b.id > a.id AND b.status = 'active'
       WHERE a.status = 'active' AND NOT membership_may_hold_both(a.segment, a.programs, b.segment, b.programs)
         AND (region_in_scope(a.region_code, $1::text[]) OR region_in_scope(b.region_code, $1::text[]))
         AND a.person_id > coalesce($3::bigint, 0)
       ORDER BY a.person_id LIMIT $2)
     SELECT p.id AS "personId", p.nik, p.full_name AS "fullName",
            json_agg(json_build_object('kpj', pa.kpj, 'segment', pa.segment, 'fundingSource', pa.funding_source,
              'programs', pa.programs, 'regionCode', pa.region_code, 'statusSince', pa.status_since)
              ORDER BY pa.id) AS memberships
     FROM pairs JOIN person p ON p.id = pairs.person_id
     JOIN participant pa ON pa.person_id = p.id AND pa.status = 'active' AND region_in_scope(pa.region_code, $1::text[])
     GROUP BY p.id ORDER BY p.id`,
    [f.scopes, f.limit, f.afterPersonId],
  );
  return r.rows;
}
