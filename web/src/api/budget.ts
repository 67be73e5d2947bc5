import { apiRequest, queryString } from './client.ts';
import type { Batch } from './types.ts';

// Budget use of the funding parties and a batch's effect on it (the district's verification).

export type BudgetReason = 'OVER_BUDGET' | 'OVER_QUOTA';

export interface BudgetWarning {
  fiscalYear: number;
  payerId: number | null;
  payerKind: string;
  payerRegion: string;
  payerName: string | null;
  allocatedRp: number;
  committedRp: number;
  overRp: number;
  quotaWorkers: number | null;
  workers: number;
  reasons: BudgetReason[];
}

export interface BudgetLine {
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string;
  allocatedRp: number;
  quotaWorkers: number | null;
  workers: number;
  invoicedRp: number;
  projectedRp: number;
  committedRp: number;
  usedRp: number;
  remainingRp: number;
}

export interface BudgetUse {
  regencyCode: string;
  fiscalYear: number;
  projectedFrom: string | null;
  payers: BudgetLine[];
  totals: { allocatedRp: number; committedRp: number; usedRp: number; remainingRp: number };
  warnings: BudgetWarning[];
}

export interface BatchBudgetCheck {
  batchId: number;
  fiscalYear: number;
  projectedFrom: string | null;
  budgetRecorded: boolean;
  payer: {
    payerId: number | null;
    payerName: string | null;
    payerKind: string;
    payerRegion: string;
    allocatedRp: number;
    quotaWorkers: number | null;
    workersBefore: number;
    workers: number;
    committedBeforeRp: number;
    committedRp: number;
    usedRp: number;
    remainingRp: number;
    batchRp: number;
  };
  warnings: BudgetWarning[];
}

export function getBudgetUse(regency: string, year: number): Promise<BudgetUse> {
  return apiRequest('GET', `/budget-use${queryString({ regency, year })}`);
}

export function getBatchBudgetCheck(id: Batch['id']): Promise<BatchBudgetCheck> {
  return apiRequest('GET', `/enrolment/batches/${encodeURIComponent(String(id))}/budget-check`);
}
