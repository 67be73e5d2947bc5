// Payout batches: what other services may call.
export { approvePayoutBatch } from './approve-payout-batch.ts';
export { benefitsPaid } from './benefits-paid.ts';
export { createPayoutBatch } from './create-payout-batch.ts';
export {
  BANK_FILE_FORMATS,
  type BankFileFormat,
  exportPayoutBatch,
  markPayoutBatchSent,
} from './export-payout-batch.ts';
export { importBankResult } from './import-bank-result.ts';
export { getPayoutBatch, listPayoutBatches } from './list-payout-batches.ts';
