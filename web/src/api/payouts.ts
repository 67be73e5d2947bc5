import { apiRequest, queryString, uploadRaw } from './client.ts';

// Payout batches of approved claims: make, approve (second person), export for the bank and
// reconcile with the bank's result file (src/http/routes/payouts.ts, docs/payouts.md).

export type PayoutBatchStatus = 'draft' | 'approved' | 'exported' | 'reconciled';
export type PayoutStatus = 'pending' | 'exported' | 'paid' | 'failed' | 'returned';

export interface PayoutBatch {
  id: number;
  number: string;
  regencyCode: string;
  status: PayoutBatchStatus;
  count: number;
  totalRp: number;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  exportedAt: string | null;
  reconciledAt: string | null;
}

export interface PayoutBatchFull extends PayoutBatch {
  declaredCount: number | null;
  declaredTotalRp: number | null;
  exportFileName: string | null;
  exportedBy: string | null;
}

export interface Payout {
  id: number;
  claimId: number;
  claimNumber: string;
  program: string;
  amountRp: number;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  status: PayoutStatus;
  paidOn: string | null;
  failedOn: string | null;
  returnedOn: string | null;
  bankReference: string | null;
}

export interface BankResult {
  paid: number;
  failed: number;
  returned: number;
  unchanged: number;
  batchStatus: PayoutBatchStatus;
  replayed: boolean;
}

export const listPayoutBatches = (status?: PayoutBatchStatus | null) =>
  apiRequest<{ batches: PayoutBatch[] }>('GET', `/payout-batches${queryString({ status })}`);

export const getPayoutBatch = (id: string | number) =>
  apiRequest<{ batch: PayoutBatchFull; payouts: Payout[] }>(
    'GET',
    `/payout-batches/${encodeURIComponent(String(id))}`,
  );

export const createPayoutBatch = (regencyCode: string, claimIds: number[]) =>
  apiRequest<{ id: number; number: string; count: number; totalRp: number }>('POST', '/payout-batches', {
    regencyCode,
    claimIds,
  });

export const approvePayoutBatch = (id: number, declaredCount: number, declaredTotalRp: number) =>
  apiRequest<{ id: number; number: string; count: number; totalRp: number; status: 'approved' }>(
    'POST',
    `/payout-batches/${id}/approve`,
    { declaredCount, declaredTotalRp },
  );

/** The bank transfer CSV: made once on the first download, the same bytes ever after. */
export function payoutExportUrl(id: number): string {
  return `/api/v1/payout-batches/${id}/export`;
}

export const uploadBankResult = (id: number, file: File, onProgress: (fraction: number) => void) =>
  uploadRaw<BankResult>(`/api/v1/payout-batches/${id}/result`, file, onProgress);
