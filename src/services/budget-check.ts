import { budgetRecorded } from '../db/budget.ts';
import type { BatchRow } from '../db/enrolment-batches.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { can, requireInScope } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { type BudgetWarning, budgetLines, budgetWarningOf, budgetWarnings } from './budget-use.ts';
import { officeDate } from './clock.ts';

/** The payer a batch is billed to: the village (APBDes) or the regency (APBD). */
function batchPayer(batch: BatchRow) {
  return batch.fundingSource === 'APBDES'
    ? { payerKind: 'village', payerRegion: batch.villageCode }
    : { payerKind: 'regency', payerRegion: batch.regencyCode };
}

/**
 * The batch's effect on its payer's budget for the fiscal year of `at` (office date): the line
 * before and with the batch counted as if activated this month, and the warnings that line raises.
 * An activated or rejected batch no longer counts as pending (it is in the figures, or never will be).
 */
export async function batchBudget(q: Queryable, batch: BatchRow, at: string) {
  const today = officeDate(at);
  const fiscalYear = Number(today.slice(0, 4));
  const fromPeriod = today.slice(0, 7);
  const pending = batch.status === 'activated' || batch.status === 'rejected' ? null : batch.id;
  const recorded = await budgetRecorded(q, batch.regencyCode, fiscalYear);
  const before = await budgetLines({ db: q }, batch.regencyCode, fiscalYear, { fromPeriod });
  const after = await budgetLines({ db: q }, batch.regencyCode, fiscalYear, {
    fromPeriod,
    pendingBatchId: pending,
  });
  const who = batchPayer(batch);
  const find = (rows: typeof before.payers) =>
    rows.find((r) => r.payerKind === who.payerKind && r.payerRegion === who.payerRegion) ?? null;
  const was = find(before.payers);
  const line = find(after.payers);
  const warning = recorded && line ? budgetWarningOf(fiscalYear, line) : null;
  return {
    batchId: batch.id,
    fiscalYear,
    projectedFrom: after.projectedFrom,
    budgetRecorded: recorded,
    payer: {
      payerId: line?.payerId ?? was?.payerId ?? null,
      payerName: line?.payerName ?? was?.payerName ?? null,
      ...who,
      allocatedRp: line?.allocatedRp ?? 0,
      quotaWorkers: line?.quotaWorkers ?? null,
      workersBefore: was?.workers ?? 0,
      workers: line?.workers ?? 0,
      committedBeforeRp: was?.committedRp ?? 0,
      committedRp: line?.committedRp ?? 0,
      usedRp: line?.usedRp ?? 0,
      remainingRp: line?.remainingRp ?? 0,
      batchRp: (line?.committedRp ?? 0) - (was?.committedRp ?? 0),
    },
    warnings: warning ? [warning] : ([] as BudgetWarning[]),
  };
}

export type BatchBudget = Awaited<ReturnType<typeof batchBudget>>;

/** GET …/batches/:id/budget-check: what verifying the batch does to its payer's budget and quota. */
export async function batchBudgetCheck(deps: Deps, actor: Actor, batchId: number): Promise<BatchBudget> {
  if (!can(actor, 'enrolment.verify') && !can(actor, 'billing.read')) throw new AppError('FORBIDDEN');
  const batch = await requireInScope(deps.db, actor, 'enrolment_batch', batchId);
  return batchBudget(deps.db, batch, deps.clock.now());
}

/**
 * After a billing run: the payers whose committed exceeds allocated (or workers the quota) in the
 * period's fiscal year; none where the regency recorded no budget for that year.
 */
export async function billingBudgetWarnings(q: Queryable, regencyCode: string, period: string) {
  const fiscalYear = Number(period.slice(0, 4));
  if (!(await budgetRecorded(q, regencyCode, fiscalYear))) return [] as BudgetWarning[];
  return budgetWarnings({ db: q }, regencyCode, fiscalYear);
}
