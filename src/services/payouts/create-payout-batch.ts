import { recordAudit } from '../../db/audit.ts';
import { AppError, isAppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { regencyInScope } from './batch-queries.ts';

export interface CreatePayoutBatchInput {
  regencyCode: string;
  /** The approved claims to pay; all of the regency's approved claims when omitted. */
  claimIds?: number[];
}

const MAX_CLAIMS = 5_000;

/**
 * A draft batch of payouts for approved claims of one regency (the maker's step). The claims
 * are locked and moved to 'batched' in the same transaction, so a second clerk batching the
 * same claims at the same moment waits and then finds them gone; the unique index on live
 * payouts per claim is the last line of defence. JHT claims may not exceed the account balance
 * less what is already on its way to the participant.
 */
export async function createPayoutBatch(deps: Deps, actor: Actor, input: CreatePayoutBatchInput) {
  if (!actor.permissions.includes('payouts.manage')) throw new AppError('FORBIDDEN');
  const ids = input.claimIds;
  if (ids !== undefined) {
    if (!ids.length || ids.length > MAX_CLAIMS || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
      throw new AppError('VALIDATION_FAILED', { detail: `claimIds: 1–${MAX_CLAIMS} claim ids` });
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION_FAILED', { detail: 'claimIds: each claim once' });
  }
  if (!(await regencyInScope(deps.db, input.regencyCode, actor.regionScopes)))
    throw new AppError('REGION_NOT_FOUND', { code: input.regencyCode });
  try {
    return await deps.db.transaction(async (tx) => {
      const picked = (
        await tx.query<{ id: number }>(
          `SELECT id FROM claim
           WHERE regency_code = $1 AND status = 'approved' AND amount_rp > 0
             AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
           ORDER BY id FOR UPDATE`,
          [input.regencyCode, ids ?? null],
        )
      ).rows.map((r) => r.id);
      if (ids) {
        const got = new Set(picked);
        const missing = ids.filter((id) => !got.has(id));
        if (missing.length) throw new AppError('CLAIM_NOT_PAYABLE', { claims: missing.join(', ') });
      }
      if (!picked.length) throw new AppError('PAYOUT_NOTHING_TO_BATCH', { regency: input.regencyCode });
      const short = await tx.query<{ number: string }>(
        `WITH want AS (
           SELECT participant_id, sum(amount_rp) AS amount_rp, string_agg(number, ', ' ORDER BY number) AS numbers
           FROM claim WHERE id = ANY($1::bigint[]) AND program = 'JHT' GROUP BY participant_id)
         SELECT w.numbers AS number FROM want w
         WHERE w.amount_rp > coalesce((SELECT sum(e.amount_rp) FROM jht_entry e WHERE e.participant_id = w.participant_id), 0)
                           - coalesce((SELECT sum(p.amount_rp) FROM payout p JOIN claim c ON c.id = p.claim_id
                                       WHERE c.participant_id = w.participant_id AND p.program = 'JHT'
                                         AND p.status IN ('pending', 'exported')), 0)`,
        [picked],
      );
      if (short.rowCount > 0)
        throw new AppError('JHT_BALANCE_INSUFFICIENT', {
          claims: short.rows.map((r) => r.number).join(', '),
        });
      const at = deps.clock.now();
      const batch = (
        await tx.query<{ id: number; number: string; count: number; totalRp: number }>(
          `INSERT INTO payout_batch (number, regency_code, status, count, total_rp, created_by, created_at)
           SELECT 'BYR-' || replace($1, '.', '') || '-' || $2 || '-' || lpad(nextval('payout_batch_serial')::text, 5, '0'),
                  $1, 'draft', count(*), sum(amount_rp), $3, $4
           FROM claim WHERE id = ANY($5::bigint[])
           RETURNING id, number, count, total_rp AS "totalRp"`,
          [input.regencyCode, officeDate(at).slice(0, 4), actor.username, at, picked],
        )
      ).rows[0]!;
      await tx.query(
        `INSERT INTO payout (batch_id, claim_id, regency_code, program, amount_rp, bank_code, bank_account, account_holder,
           status, updated_at)
         SELECT $1, c.id, c.regency_code, c.program, c.amount_rp, c.bank_code, c.bank_account, c.account_holder, 'pending', $2
         FROM claim c WHERE c.id = ANY($3::bigint[]) ORDER BY c.id`,
        [batch.id, at, picked],
      );
      await tx.query(
        `INSERT INTO claim_event (claim_id, regency_code, action, from_status, to_status, note, amount_rp, actor, at)
         SELECT id, regency_code, 'batch', status, 'batched', $2, amount_rp, $3, $4 FROM claim WHERE id = ANY($1::bigint[])`,
        [picked, `payout batch ${batch.number}`, actor.username, at],
      );
      await tx.query(`UPDATE claim SET status = 'batched', updated_at = $2 WHERE id = ANY($1::bigint[])`, [
        picked,
        at,
      ]);
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'payout_batch.create',
        entity: 'payout_batch',
        entityId: String(batch.id),
        regionCode: input.regencyCode,
        after: { number: batch.number, count: batch.count, totalRp: batch.totalRp, claimIds: picked },
      });
      return { id: batch.id, number: batch.number, count: batch.count, totalRp: batch.totalRp };
    });
  } catch (e) {
    // Lost a race the row lock did not catch (a claim batched by another path): same answer.
    if (isAppError(e) && e.code === 'DUPLICATE' && e.params.detail === 'payout_one_live_per_claim')
      throw new AppError('CLAIM_NOT_PAYABLE', { claims: (ids ?? []).join(', ') || input.regencyCode });
    throw e;
  }
}
