import { currentLanguage } from '../i18n/language.ts';
import type { BudgetWarning } from './budget.ts';
import { ApiError, apiErrorFromText, apiRequest, queryString } from './client.ts';
import type { Batch, BatchDetail, BatchStatus, UploadResult } from './types.ts';

// Village enrolment: template, uploads, batches and their review steps.

export const TEMPLATE_XLSX_URL = '/api/v1/enrolment/template.xlsx';
export const TEMPLATE_CSV_URL = '/api/v1/enrolment/template.csv';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function batchReportUrl(id: Batch['id']): string {
  return `/api/v1/enrolment/batches/${encodeURIComponent(String(id))}/report.xlsx`;
}

export async function listBatches(status?: BatchStatus): Promise<Batch[]> {
  const { batches } = await apiRequest<{ batches: Batch[] }>(
    'GET',
    `/enrolment/batches${queryString({ status })}`,
  );
  return batches;
}

export function getBatch(id: Batch['id']): Promise<BatchDetail> {
  return apiRequest<BatchDetail>('GET', `/enrolment/batches/${encodeURIComponent(String(id))}`);
}

async function batchAction<T>(id: Batch['id'], action: string, body?: unknown): Promise<T> {
  return apiRequest<T>('POST', `/enrolment/batches/${encodeURIComponent(String(id))}/${action}`, body);
}

export async function submitBatch(id: Batch['id']): Promise<Batch> {
  return (await batchAction<{ batch: Batch }>(id, 'submit')).batch;
}

/** Budget/quota warnings must be acknowledged, or the API answers 409 BUDGET_WARNING_UNACKNOWLEDGED. */
export function verifyBatch(
  id: Batch['id'],
  acknowledgeWarnings = false,
): Promise<{ batch: Batch; warnings: BudgetWarning[] }> {
  return batchAction(id, 'verify', { acknowledgeWarnings });
}

export function activateBatch(id: Batch['id']): Promise<{ batch: Batch; participantsCreated: number }> {
  return batchAction(id, 'activate');
}

export async function rejectBatch(id: Batch['id'], reason: string): Promise<Batch> {
  return (await batchAction<{ batch: Batch }>(id, 'reject', { reason })).batch;
}

/**
 * Sends the file's raw bytes to the village's draft batch. XMLHttpRequest rather than fetch
 * because only it reports upload progress (0–1), which matters on a slow village connection.
 */
export function uploadEnrolmentFile(
  file: File,
  village: string,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/enrolment/uploads${queryString({ village, dryRun: false })}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as UploadResult);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', ''));
        }
        return;
      }
      reject(apiErrorFromText(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onabort = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.send(file);
  });
}
