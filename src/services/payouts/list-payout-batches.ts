import { listBatchesInScope, type PayoutBatchRow, payoutsOfBatch } from '../../db/payout-batches.ts';
import { maskAccount, maskName } from '../../privacy/mask.ts';
import { requireInScope, requirePermission } from '../access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from '../actor.ts';

function requireRead(actor: Actor): void {
  requirePermission(actor, 'payouts.read');
}

const summary = (b: PayoutBatchRow) => ({
  id: b.id,
  number: b.number,
  regencyCode: b.regencyCode,
  status: b.status,
  count: b.count,
  totalRp: b.totalRp,
  createdBy: b.createdBy,
  createdAt: b.createdAt,
  approvedBy: b.approvedBy,
  approvedAt: b.approvedAt,
  exportedAt: b.exportedAt,
  reconciledAt: b.reconciledAt,
});

export async function listPayoutBatches(
  deps: Deps,
  actor: Actor,
  f: { regencyCode?: string | null; status?: string | null; limit?: number },
) {
  requireRead(actor);
  const rows = await listBatchesInScope(deps.db, {
    scopes: actor.regionScopes,
    regencyCode: f.regencyCode ?? null,
    status: f.status ?? null,
    limit: Math.min(f.limit ?? 100, 500),
  });
  return { batches: rows.map(summary) };
}

/** A batch with its payouts; bank account and holder masked for roles that do not pay people. */
export async function getPayoutBatch(deps: Deps, actor: Actor, id: number) {
  requireRead(actor);
  const batch = await requireInScope(deps.db, actor, 'payout_batch', id);
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  const payouts = (await payoutsOfBatch(deps.db, id)).map((p) => ({
    ...p,
    bankAccount: unmasked ? p.bankAccount : maskAccount(p.bankAccount),
    accountHolder: unmasked ? p.accountHolder : maskName(p.accountHolder),
  }));
  return {
    batch: {
      ...summary(batch),
      declaredCount: batch.declaredCount,
      declaredTotalRp: batch.declaredTotalRp,
      exportFileName: batch.exportFileName,
      exportedBy: batch.exportedBy,
    },
    payouts,
  };
}
