import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import { markBatchExported, payoutsOfBatch, storedExport } from '../../db/payout-batches.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { transferCsv } from './bank-files.ts';

/**
 * The bank transfer file of an approved batch. It is produced once: the bytes are stored with
 * the batch and every later download returns exactly those bytes (and is audited), so the bank
 * can never receive two different instructions for one batch.
 */
export async function exportPayoutBatch(deps: Deps, actor: Actor, batchId: number) {
  requirePermission(actor, 'payouts.manage');
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'payout_batch', batchId, { lock: true });
    if (batch.status === 'draft')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'approved',
      });
    const at = deps.clock.now();
    if (batch.status !== 'approved') {
      const s = await storedExport(tx, batch.id);
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'payout_batch.export_again',
        entity: 'payout_batch',
        entityId: String(batch.id),
        regionCode: batch.regencyCode,
        after: { fileName: s.fileName, sha256: s.sha256 },
      });
      return { fileName: s.fileName, body: Buffer.from(s.body), sha256: s.sha256, firstExport: false };
    }
    const payouts = await payoutsOfBatch(tx, batch.id);
    const body = transferCsv(
      batch.number,
      payouts.map((p) => ({
        payoutId: p.id,
        bankCode: p.bankCode,
        bankAccount: p.bankAccount,
        accountHolder: p.accountHolder,
        amountRp: p.amountRp,
        description: `${p.program} ${p.claimNumber}`,
      })),
    );
    const sha256 = createHash('sha256').update(body).digest('hex');
    const fileName = `${batch.number}.csv`;
    await markBatchExported(tx, {
      batchId: batch.id,
      fileName,
      body,
      sha256,
      exportedBy: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payout_batch.export',
      entity: 'payout_batch',
      entityId: String(batch.id),
      regionCode: batch.regencyCode,
      before: { status: 'approved' },
      after: { status: 'exported', fileName, sha256, count: payouts.length },
    });
    return { fileName, body, sha256, firstExport: true };
  });
}
