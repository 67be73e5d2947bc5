// What claim intake reads before filing (issue 15, 7): the earlier claims of the people found,
// and whether a claim the rules refused by themselves still stands for the same reason.
import type { ClaimStatus } from './claims.ts';
import type { Queryable } from './types.ts';

/**
 * A refusal by the rules, not by a checker: the rejection came at intake (no status before) or
 * when the maker submitted (status 'filed'). A checker rejects from 'submitted' or 'appealed'.
 */
export const AUTOMATIC_REJECTION = `e.action = 'reject' AND coalesce(e.from_status, 'filed') = 'filed'`;

/** No checker ever rejected claim c: its refusal is the rules' own. */
const NO_CHECKER_REJECTION = `NOT EXISTS (SELECT 1 FROM claim_event e WHERE e.claim_id = c.id AND e.action = 'reject'
                         AND NOT (${AUTOMATIC_REJECTION}))`;

export interface EarlierClaimRow {
  id: number;
  number: string;
  participantId: number;
  personId: number;
  program: string;
  kind: string;
  status: ClaimStatus;
  eventDate: string;
  filedAt: string;
  refusalCode: string | null;
  /** Rejected by the rules at intake or submission (not by a checker). */
  automatic: boolean;
}

/** The claims of the persons whose memberships lie in the scopes, newest first. */
export async function claimsOfPersons(
  q: Queryable,
  a: { personIds: readonly number[]; scopes: readonly string[] | null },
): Promise<EarlierClaimRow[]> {
  if (a.personIds.length === 0) return [];
  const r = await q.query<EarlierClaimRow>(
    `SELECT c.id, c.number, c.participant_id AS "participantId", c.person_id AS "personId", c.program, c.kind,
            c.status, c.event_date::text AS "eventDate", c.filed_at AS "filedAt", c.refusal_code AS "refusalCode",
            (c.status = 'rejected' AND ${NO_CHECKER_REJECTION}) AS automatic
     FROM claim c JOIN participant pa ON pa.id = c.participant_id
     WHERE c.person_id = ANY($1::bigint[])
       AND ($2::text[] IS NULL OR region_in_scope(pa.region_code, $2::text[]))
     ORDER BY c.filed_at DESC, c.id DESC LIMIT 200`,
    [a.personIds, a.scopes],
  );
  return r.rows;
}

/**
 * The participant's claim of the programme that the rules refused for this reason and that
 * still stands refused (not appealed), if any: filing again for the same reason is a repeat.
 */
export async function standingAutomaticRefusal(
  q: Queryable,
  a: { participantId: number; program: string; refusalCode: string },
) {
  const r = await q.query<{ id: number; number: string }>(
    `SELECT c.id, c.number FROM claim c
     WHERE c.participant_id = $1 AND c.program = $2 AND c.status = 'rejected' AND c.refusal_code = $3
       AND ${NO_CHECKER_REJECTION}
     ORDER BY c.id LIMIT 1`,
    [a.participantId, a.program, a.refusalCode],
  );
  return r.rows[0] ?? null;
}
