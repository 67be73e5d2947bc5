import { recordAudit } from '../../db/audit.ts';
import { approveBatch } from '../../db/payout-batches.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export interface ApprovalInput {
  /** What the checker counted on the batch list, independently of the system's total. */
  declaredCount: number;
  declaredTotalRp: number;
}

/**
 * The checker's step: a branch supervisor other than the batch's maker approves it by declaring
 * the number of payouts and the total they checked; both must match the batch exactly.
 */
export async function approvePayoutBatch(deps: Deps, actor: Actor, batchId: number, input: ApprovalInput) {
  requirePermission(actor, 'payouts.approve');
  if (!Number.isSafeInteger(input.declaredCount) || input.declaredCount < 0)
    throw new AppError('VALIDATION_FAILED', { detail: 'declaredCount: a whole number' });
  if (!Number.isSafeInteger(input.declaredTotalRp) || input.declaredTotalRp < 0)
    throw new AppError('VALIDATION_FAILED', { detail: 'declaredTotalRp: whole rupiah' });
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'payout_batch', batchId, { lock: true });
    if (batch.status !== 'draft')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'draft',
      });
    if (batch.createdBy === actor.username) throw new AppError('PAYOUT_SAME_PERSON');
    if (input.declaredCount !== batch.count || input.declaredTotalRp !== batch.totalRp) {
      throw new AppError('PAYOUT_DECLARATION_MISMATCH', {
        declaredCount: input.declaredCount,
        declaredTotalRp: input.declaredTotalRp,
        count: batch.count,
        totalRp: batch.totalRp,
      });
    }
    const at = deps.clock.now();
    await approveBatch(tx, {
      batchId: batch.id,
      declaredCount: input.declaredCount,
      declaredTotalRp: input.declaredTotalRp,
      approvedBy: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payout_batch.approve',
      entity: 'payout_batch',
      entityId: String(batch.id),
      regionCode: batch.regencyCode,
      before: { status: 'draft' },
      after: {
        status: 'approved',
        declaredCount: input.declaredCount,
        declaredTotalRp: input.declaredTotalRp,
      },
    });
    return {
      id: batch.id,
      number: batch.number,
      status: 'approved' as const,
      count: batch.count,
      totalRp: batch.totalRp,
    };
  });
}
