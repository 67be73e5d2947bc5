// Payout batches: what other services may call.
export { type ApprovalInput, approvePayoutBatch } from './approve-payout-batch.ts';
export { BENEFIT_PROGRAMS, type BenefitProgram, benefitsPaid, type CountAmount } from './benefits-paid.ts';
export { type CreatePayoutBatchInput, createPayoutBatch } from './create-payout-batch.ts';
export { exportPayoutBatch } from './export-payout-batch.ts';
export { type BankResultInput, importBankResult } from './import-bank-result.ts';
export { getPayoutBatch, listPayoutBatches } from './list-payout-batches.ts';
