import { type Answer, api, call, queryString, uploadRaw } from './client.ts';
import type { Batch, BatchStatus, RowFields } from './types.ts';

// Village enrolment: template, uploads, batches and their review steps.

export const TEMPLATE_XLSX_URL = '/api/v1/enrolment/template.xlsx';
export const TEMPLATE_CSV_URL = '/api/v1/enrolment/template.csv';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

type BatchId = Batch['id'] | string;
const inPath = (id: BatchId) => ({ params: { path: { id: Number(id) } } });

export function batchReportUrl(id: BatchId): string {
  return `/api/v1/enrolment/batches/${encodeURIComponent(String(id))}/report.xlsx`;
}

export async function listBatches(status?: BatchStatus) {
  const { batches } = await call(api.GET('/api/v1/enrolment/batches', { params: { query: { status } } }));
  return batches;
}

export function getBatch(id: BatchId) {
  return call(api.GET('/api/v1/enrolment/batches/{id}', inPath(id)));
}

export async function submitBatch(id: BatchId) {
  return (await call(api.POST('/api/v1/enrolment/batches/{id}/submit', inPath(id)))).batch;
}

/** Budget/quota warnings must be acknowledged, or the API answers 409 BUDGET_WARNING_UNACKNOWLEDGED. */
export function verifyBatch(id: BatchId, acknowledgeWarnings = false) {
  return call(
    api.POST('/api/v1/enrolment/batches/{id}/verify', { ...inPath(id), body: { acknowledgeWarnings } }),
  );
}

export function activateBatch(id: BatchId) {
  return call(api.POST('/api/v1/enrolment/batches/{id}/activate', inPath(id)));
}

export async function rejectBatch(id: BatchId, reason: string) {
  return (await call(api.POST('/api/v1/enrolment/batches/{id}/reject', { ...inPath(id), body: { reason } })))
    .batch;
}

/**
 * Sends the file's raw bytes to the village's draft batch. XMLHttpRequest rather than fetch
 * because only it reports upload progress (0–1), which matters on a slow village connection.
 */
export function uploadEnrolmentFile(file: File, village: string, onProgress: (fraction: number) => void) {
  return uploadRaw<Answer<'/api/v1/enrolment/uploads', 'post'>>(
    `/api/v1/enrolment/uploads${queryString({ village, dryRun: false })}`,
    file,
    onProgress,
  );
}

type RowIds = { batchId: BatchId; rowId: number };
const rowPath = ({ batchId, rowId }: RowIds) => ({ params: { path: { id: Number(batchId), rowId } } });

/** A draft batch's row as entered, for the correction form (the server audits the view). */
export async function getBatchRow(ids: RowIds) {
  return (await call(api.GET('/api/v1/enrolment/batches/{id}/rows/{rowId}', rowPath(ids)))).row;
}

/** Replaces the row with the corrected values; the answer is the new row, validated like a file row. */
export function correctBatchRow(ids: RowIds, body: RowFields) {
  return call(api.PUT('/api/v1/enrolment/batches/{id}/rows/{rowId}', { ...rowPath(ids), body }));
}

export function removeBatchRow(ids: RowIds) {
  return call(api.DELETE('/api/v1/enrolment/batches/{id}/rows/{rowId}', rowPath(ids)));
}
