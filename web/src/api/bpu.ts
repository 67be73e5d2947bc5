import { ApiError, api, type Body, call, type Schema } from './client.ts';
import { keysetPage } from './keyset.ts';

// Self-paying informal workers (BPU mandiri, issue 13): the list of the caller's scope, one
// member with their payments, registration (one person or a CSV file) and payment by code.
// src/http/routes/bpu.ts.

export type BpuListItem = Schema<'BpuListItem'>;
export type BpuRegistration = Schema<'BpuRegistration'>;
export type BpuPayment = Schema<'BpuPayment'>;
export type BpuInput = Body<'/api/v1/bpu'>;
export type BpuFileInput = Body<'/api/v1/bpu/files'>;
export type BpuPaymentInput = Body<'/api/v1/bpu/payments'>;

export const BPU_PAGE_SIZE = 50;
export const BPU_FREQUENCIES = [1, 3, 6, 12] as const;

/** One page of BPU registrations; `cursor` is the previous page's nextCursor (null: the first page). */
export function listBpu(q: string, cursor: string | null) {
  return keysetPage('/api/v1/bpu', BPU_PAGE_SIZE, cursor, { q: q || undefined });
}

export function showBpu(key: string) {
  return call(api.GET('/api/v1/bpu/{key}', { params: { path: { key } } }));
}

export function registerBpu(input: BpuInput) {
  return call(api.POST('/api/v1/bpu', { body: input }));
}

export function uploadBpuFile(input: BpuFileInput) {
  return call(api.POST('/api/v1/bpu/files', { body: input }));
}

export function payBpu(input: BpuPaymentInput) {
  return call(api.POST('/api/v1/bpu/payments', { body: input }));
}

/** One field the server refused and its catalog code (VALIDATION_FAILED details). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The fields an API error names, or none. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    const p = d as Partial<FieldProblem> | null;
    return typeof p?.field === 'string' && typeof p.code === 'string'
      ? [{ field: p.field, code: p.code, message: typeof p.message === 'string' ? p.message : '' }]
      : [];
  });
}
