import { api, type Body, call, type Schema } from './client.ts';

// Migrant workers (PMI): registration with the premium of Permenaker 4/2023 Pasal 18, and the list.
// src/http/routes/pmi.ts.

export type PmiPlacement = Schema<'PmiPlacement'>;
export type PmiPeriods = Schema<'PmiPeriods'>;
export type PmiInput = Body<'/api/v1/pmi'>;

export const PMI_PAGE_SIZE = 50;

export function listPmi(cursor: string | null) {
  return call(
    api.GET('/api/v1/pmi', { params: { query: { limit: PMI_PAGE_SIZE, cursor: cursor ?? undefined } } }),
  );
}

export function registerPmi(input: PmiInput) {
  return call(api.POST('/api/v1/pmi', { body: input }));
}
