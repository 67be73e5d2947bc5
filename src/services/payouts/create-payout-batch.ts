import { recordAudit } from '../../db/audit.ts';
import { transitionClaims } from '../../db/claims.ts';
import {
  approvedWithoutAmount,
  insertPayoutBatch,
  jhtClaimsOverBalance,
  lockPayableClaims,
} from '../../db/payout-batches.ts';
import { AppError, isAppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';

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
  requirePermission(actor, 'payouts.manage');
  const ids = input.claimIds;
  if (ids !== undefined) {
    if (!ids.length || ids.length > MAX_CLAIMS || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
      throw new AppError('VALIDATION_FAILED', { detail: `claimIds: 1–${MAX_CLAIMS} claim ids` });
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION_FAILED', { detail: 'claimIds: each claim once' });
  }
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  try {
    return await deps.db.transaction(async (tx) => {
      const payable = await lockPayableClaims(tx, input.regencyCode, ids ?? null);
      const picked = payable.map((r) => r.id);
      if (ids) {
        const got = new Set(picked);
        const missing = ids.filter((id) => !got.has(id));
        if (missing.length) throw new AppError('CLAIM_NOT_PAYABLE', { claims: missing.join(', ') });
      }
      if (!picked.length) throw new AppError('PAYOUT_NOTHING_TO_BATCH', { regency: input.regencyCode });
      const short = await jhtClaimsOverBalance(tx, picked);
      if (short.length > 0) throw new AppError('JHT_BALANCE_INSUFFICIENT', { claims: short.join(', ') });
      const at = deps.clock.now();
      const batch = await insertPayoutBatch(tx, {
        regencyCode: input.regencyCode,
        year: officeDate(at).slice(0, 4),
        claimIds: picked,
        createdBy: actor.username,
        at,
      });
      await transitionClaims(
        tx,
        payable.map((c) => ({
          claimId: c.id,
          action: 'batch' as const,
          to: 'batched',
          note: `payout batch ${batch.number}`,
          amountRp: c.amountRp,
        })),
        { actor: actor.username, at },
      );
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'payout_batch.create',
        entity: 'payout_batch',
        entityId: String(batch.id),
        regionCode: input.regencyCode,
        after: { number: batch.number, count: batch.count, totalRp: batch.totalRp, claimIds: picked },
      });
      // Approved at Rp 0 (issue 13, 7): not paid, but named so the maker sees them.
      const zero = await approvedWithoutAmount(tx, input.regencyCode);
      return {
        id: batch.id,
        number: batch.number,
        count: batch.count,
        totalRp: batch.totalRp,
        approvedWithoutAmount: zero,
      };
    });
  } catch (e) {
    // Lost a race the row lock did not catch (a claim batched by another path): same answer.
    if (isAppError(e) && e.code === 'DUPLICATE' && e.params.detail === 'payout_one_live_per_claim')
      throw new AppError('CLAIM_NOT_PAYABLE', { claims: (ids ?? []).join(', ') || input.regencyCode });
    throw e;
  }
}
