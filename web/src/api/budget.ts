import { api, call, type Schema } from './client.ts';
import type { Batch } from './types.ts';

// Budget use of the funding parties and a batch's effect on it (the district's verification).

export type BudgetWarning = Schema<'BudgetWarning'>;
export type BudgetLine = Schema<'BudgetLine'>;
export type BatchBudgetCheck = Schema<'BatchBudgetCheck'>;

export function getBudgetUse(regency: string, year: number) {
  return call(api.GET('/api/v1/budget-use', { params: { query: { regency, year } } }));
}

export function getBatchBudgetCheck(id: Batch['id'] | string) {
  return call(
    api.GET('/api/v1/enrolment/batches/{id}/budget-check', { params: { path: { id: Number(id) } } }),
  );
}

export type BudgetRenewal = Schema<'BudgetRenewal'>;

/** Renews a cohort into the next fiscal year; `confirm: false` answers only the preview counts. */
export function renewBudgetYear(input: {
  regencyCode: string;
  villageCode: string | null;
  fromYear: number;
  confirm: boolean;
}) {
  return call(api.POST('/api/v1/budget-renewals', { body: input }));
}
