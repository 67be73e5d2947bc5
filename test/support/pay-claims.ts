import type { Actor, Deps } from '../../src/services/actor.ts';
import {
  approvePayoutBatch,
  createPayoutBatch,
  exportPayoutBatch,
  importBankResult,
  markPayoutBatchSent,
} from '../../src/services/payouts/index.ts';

/** Batches every approved claim of the regency, approves, exports and reports them all PAID on paidOn. */
export async function payApprovedClaims(
  deps: Deps,
  who: { officer: Actor; supervisor: Actor },
  regencyCode: string,
  paidOn: string,
) {
  const batch = await createPayoutBatch(deps, who.officer, { regencyCode });
  await approvePayoutBatch(deps, who.supervisor, batch.id, {
    declaredCount: batch.count,
    declaredTotalRp: batch.totalRp,
  });
  const file = await sendPayoutBatch(deps, who.officer, batch.id);
  const lines = file.body.toString('utf8').trim().split('\r\n').slice(1);
  const result = lines.map((l) => {
    const f = l.split(',');
    return `${batch.number},${f[1]},PAID,${paidOn},TRX-${f[1]},${f[5]}`;
  });
  const bytes = Buffer.from(
    `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${result.join('\r\n')}\r\n`,
  );
  return importBankResult(deps, who.officer, batch.id, { fileName: 'result.csv', bytes });
}

/** Downloads the generic CSV of an approved batch and marks that file sent to the bank (two steps since issue 15). */
export async function sendPayoutBatch(deps: Deps, officer: Actor, batchId: number) {
  const file = await exportPayoutBatch(deps, officer, batchId);
  await markPayoutBatchSent(deps, officer, batchId, { format: 'csv', sha256: file.sha256 });
  return file;
}
