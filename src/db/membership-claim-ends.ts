// The ends paid claims write by themselves (issue 12, 1; docs/membership.md): what the end rules
// need of the claims paid now, and the end of every membership they end, in one statement.
import { appliedExitsSql } from './applied-exits.ts';
import type { Queryable } from './types.ts';

export interface PaidClaimFacts {
  claimId: number;
  participantId: number;
  personId: number;
  program: string;
  kind: string;
  eventDate: string;
  reason: string | null;
  terminationDate: string | null;
}

/** What the end rules need of the claims paid now. */
export async function paidClaimFacts(q: Queryable, claimIds: readonly number[]) {
  const r = await q.query<PaidClaimFacts>(
    `SELECT id AS "claimId", participant_id AS "participantId", person_id AS "personId", program, kind,
            event_date AS "eventDate", event_detail->>'reason' AS reason,
            event_detail->>'terminationDate' AS "terminationDate"
     FROM claim WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [claimIds],
  );
  return r.rows;
}

export interface ClaimEnd {
  claimId: number;
  /** The claim's membership, or every membership of the person (personId set). */
  participantId: number;
  personId: number | null;
  reason: string;
  effectiveDate: string;
}

/**
 * Ends, in one statement, every membership the paid claims end that is not ended yet: one
 * applied membership_change per membership (the earliest end wins when two claims meet one),
 * the participant, and its 'ended' status on the event date. Returns the changes written.
 */
export async function endMembershipsByClaims(
  q: Queryable,
  ends: readonly ClaimEnd[],
  a: { actor: string; at: string },
) {
  const r = await q.query<{
    id: number;
    participantId: number;
    kpj: string;
    regionCode: string;
    reason: string;
    effectiveDate: string;
    claimId: number;
    statusBefore: string;
  }>(
    `WITH e AS (
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::date[])
         AS e (claim_id, participant_id, person_id, reason, effective_date)),
     t AS (
       -- Never before the last recorded status change, so the end is the history's last word.
       SELECT DISTINCT ON (pa.id) pa.id, pa.kpj, pa.regency_code, pa.region_code, pa.status, e.claim_id, e.reason,
              greatest(e.effective_date, pa.status_since) AS effective_date
       FROM e JOIN participant pa ON pa.id = e.participant_id OR pa.person_id = e.person_id
       WHERE pa.status <> 'ended'
       ORDER BY pa.id, e.effective_date, e.claim_id),
     up AS (
       UPDATE participant pa SET status = 'ended', status_since = t.effective_date FROM t WHERE pa.id = t.id),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT t.id, t.regency_code, 'ended', t.effective_date, 'claim ' || c.number || ' paid: ' || t.reason, $6, $7
       FROM t JOIN claim c ON c.id = t.claim_id)
     ${appliedExitsSql(
       `SELECT t.id AS participant_id, t.regency_code, t.region_code, t.reason, t.effective_date,
               'claim ' || c.number || ' paid' AS note, t.status AS status_before, t.claim_id
        FROM t JOIN claim c ON c.id = t.claim_id`,
       { actor: '$6', at: '$7' },
     )}
     RETURNING id, participant_id AS "participantId", (SELECT kpj FROM t WHERE t.id = participant_id) AS kpj,
               region_before AS "regionCode", reason, effective_date AS "effectiveDate", claim_id AS "claimId",
               status_before AS "statusBefore"`,
    [
      ends.map((x) => x.claimId),
      ends.map((x) => x.participantId),
      ends.map((x) => x.personId),
      ends.map((x) => x.reason),
      ends.map((x) => x.effectiveDate),
      a.actor,
      a.at,
    ],
  );
  return r.rows;
}
