import { type Answer, api, call, type Query, type Schema, uploadRaw } from './client.ts';

// Payout batches of approved claims: make, approve (second person), export for the bank and
// reconcile with the bank's result file (src/http/routes/payouts.ts, docs/payouts.md).

export type PayoutBatch = Schema<'PayoutBatch'>;
export type PayoutBatchStatus = NonNullable<Query<'/api/v1/payout-batches'>['status']>;
export type Payout = Schema<'Payout'>;
export type PayoutStatus = Payout['status'];
export type PayoutBatchFull = Answer<'/api/v1/payout-batches/{id}'>['batch'];
export type BankResult = Answer<'/api/v1/payout-batches/{id}/result', 'post'>;

export const listPayoutBatches = (status?: PayoutBatchStatus | null) =>
  call(api.GET('/api/v1/payout-batches', { params: { query: { status: status ?? undefined } } }));

export const getPayoutBatch = (id: string | number) =>
  call(api.GET('/api/v1/payout-batches/{id}', { params: { path: { id: Number(id) } } }));

export const createPayoutBatch = (regencyCode: string, claimIds: number[]) =>
  call(api.POST('/api/v1/payout-batches', { body: { regencyCode, claimIds } }));

export const approvePayoutBatch = (id: number, declaredCount: number, declaredTotalRp: number) =>
  call(
    api.POST('/api/v1/payout-batches/{id}/approve', {
      params: { path: { id } },
      body: { declaredCount, declaredTotalRp },
    }),
  );

export type BankFileFormat = 'csv' | 'mandiri-mcm';
/** The layout and, for Mandiri MCM, the header's debit account and instruction date. */
export interface BankFileParams {
  format: BankFileFormat;
  debitAccount?: string;
  date?: string;
}

/** The bank transfer file; downloading it does not mark the batch sent. */
export function payoutExportUrl(id: number, params: BankFileParams): string {
  const q = new URLSearchParams({ format: params.format });
  if (params.debitAccount !== undefined) q.set('debitAccount', params.debitAccount);
  if (params.date !== undefined) q.set('date', params.date);
  return `/api/v1/payout-batches/${id}/export?${q}`;
}

/** The deliberate "sent to the bank" step, naming the downloaded file by its SHA-256. */
export const markPayoutBatchSent = (id: number, body: BankFileParams & { sha256: string }) =>
  call(api.POST('/api/v1/payout-batches/{id}/sent', { params: { path: { id } }, body }));

export const uploadBankResult = (id: number, file: File, onProgress: (fraction: number) => void) =>
  uploadRaw<Answer<'/api/v1/payout-batches/{id}/result', 'post'>>(
    `/api/v1/payout-batches/${id}/result`,
    file,
    onProgress,
  );
