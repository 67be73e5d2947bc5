// JHT money leaving (and coming back to) the account follows the bank: a withdrawal when the
// bank reports the payout paid, a reversal when it reports the money returned.
import type { Queryable } from '../../db/types.ts';

/** One withdrawal per paid JHT payout among payoutIds (dated its paid_on); idempotent. */
export async function recordJhtWithdrawals(
  q: Queryable,
  payoutIds: readonly number[],
  actor: string,
  at: string,
) {
  await q.query(
    `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, claim_id, payout_id, actor, at)
     SELECT c.participant_id, p.regency_code, 'withdrawal', -p.amount_rp, p.paid_on, extract(year FROM p.paid_on)::int,
            p.claim_id, p.id, $2, $3
     FROM payout p JOIN claim c ON c.id = p.claim_id
     WHERE p.id = ANY($1::bigint[]) AND p.program = 'JHT' AND p.status = 'paid'
     ON CONFLICT DO NOTHING`,
    [payoutIds, actor, at],
  );
}

/** Puts back what a returned JHT payout had withdrawn (dated its returned_on); idempotent. */
export async function recordJhtWithdrawalReversals(
  q: Queryable,
  payoutIds: readonly number[],
  actor: string,
  at: string,
) {
  await q.query(
    `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, claim_id, payout_id, actor, at)
     SELECT w.participant_id, w.regency_code, 'withdrawal_reversal', -w.amount_rp, p.returned_on,
            extract(year FROM p.returned_on)::int, w.claim_id, p.id, $2, $3
     FROM payout p JOIN jht_entry w ON w.payout_id = p.id AND w.kind = 'withdrawal'
     WHERE p.id = ANY($1::bigint[]) AND p.status = 'returned'
     ON CONFLICT DO NOTHING`,
    [payoutIds, actor, at],
  );
}
