import {
  type BudgetRow,
  budgetRows,
  budgetYears,
  lastBilledPeriod,
  pendingBatch,
  projectionKeys,
} from '../db/budget.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { formatPeriod, monthIndex } from '../rules/calendar.ts';
import { requireInScope, requirePermission } from './access.ts';
import { VILLAGE_WORKER_PROGRAMS } from './activate-enrolment-batch.ts';
import type { Actor, Deps } from './actor.ts';
import { calculateContribution } from './calculate.ts';
import { reportReads } from './reports/report-reads.ts';

export interface BudgetUseOptions {
  /** First month to project (e.g. the month of a verification); never before the month after the last billing run. */
  fromPeriod?: string | null;
}

/** Month index of the first projected month: the fiscal year's January, after the last billed period, after fromPeriod. */
async function projectionStart(
  q: Queryable,
  regencyCode: string,
  fiscalYear: number,
  opts: BudgetUseOptions,
) {
  const last = await lastBilledPeriod(q, regencyCode);
  let start = fiscalYear * 12;
  if (last) start = Math.max(start, monthIndex(last) + 1);
  if (opts.fromPeriod) start = Math.max(start, monthIndex(opts.fromPeriod));
  return start;
}

function periodAt(index: number): string {
  return formatPeriod(Math.floor(index / 12), (index % 12) + 1);
}

/** The current monthly contribution of one input, by the rules (as the billing run computes it). */
function monthlyRp(
  period: string,
  key: { segment: string; incomeRp: number; fundingSource: string; programs: string[] },
) {
  return calculateContribution({
    segment: key.segment,
    period,
    wageRp: key.incomeRp,
    programs: key.programs,
    fundingSource: key.fundingSource,
  }).totalRp;
}

async function computeBudget(
  q: Queryable,
  a: { regencyCode: string; fiscalYear: number; scopes: readonly string[] } & BudgetUseOptions,
) {
  // Independent reads, side by side: the dashboard waits on this chain of round trips.
  const [start, keys] = await Promise.all([
    projectionStart(q, a.regencyCode, a.fiscalYear, a),
    projectionKeys(q, a.regencyCode),
  ]);
  const lastMonth = a.fiscalYear * 12 + 11;
  const period = periodAt(Math.min(start, lastMonth));
  const tariff = keys.map((key) => ({ key, monthlyRp: monthlyRp(period, key) }));
  const payers = await budgetRows(q, {
    regencyCode: a.regencyCode,
    fiscalYear: a.fiscalYear,
    startMonthIndex: start,
    scopes: a.scopes,
    tariff,
  });
  return { payers, projectedFrom: start <= lastMonth ? periodAt(start) : null, start };
}

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
  /** NO_BUDGET: money committed while the payer's pagu for the year is Rp 0 (not entered yet), not "over". */
  reasons: ('OVER_BUDGET' | 'NO_BUDGET' | 'OVER_QUOTA')[];
}

function warningOf(
  fiscalYear: number,
  r: Omit<BudgetRow, 'payerId' | 'payerName'> & {
    payerId: number | null;
    payerName: string | null;
  },
): BudgetWarning | null {
  const reasons: BudgetWarning['reasons'] = [];
  if (r.committedRp > r.allocatedRp) reasons.push(r.allocatedRp === 0 ? 'NO_BUDGET' : 'OVER_BUDGET');
  if (r.quotaWorkers !== null && r.workers > r.quotaWorkers) reasons.push('OVER_QUOTA');
  if (reasons.length === 0) return null;
  return {
    fiscalYear,
    payerId: r.payerId,
    payerKind: r.payerKind,
    payerRegion: r.payerRegion,
    payerName: r.payerName,
    allocatedRp: r.allocatedRp,
    committedRp: r.committedRp,
    overRp: Math.max(0, r.committedRp - r.allocatedRp),
    quotaWorkers: r.quotaWorkers,
    workers: r.workers,
    reasons,
  };
}

/** Adds a not-yet-activated batch to its payer's row (a row with no payer yet when the village has none). */
async function withPendingBatch(
  q: Queryable,
  rows: BudgetRow[],
  batchId: number,
  period: string,
  months: number,
) {
  const pending = await pendingBatch(q, batchId);
  const out = rows.map((r) => ({ ...r })) as (Omit<BudgetRow, 'payerId' | 'payerName'> & {
    payerId: number | null;
    payerName: string | null;
  })[];
  for (const p of pending) {
    const add =
      p.workers * months * monthlyRp(period, { ...p, segment: 'BPU', programs: VILLAGE_WORKER_PROGRAMS });
    let row = out.find((r) => r.payerKind === p.payerKind && r.payerRegion === p.payerRegion);
    if (!row) {
      row = {
        payerId: null,
        payerName: null,
        payerKind: p.payerKind,
        payerRegion: p.payerRegion,
        agreementIds: [],
        allocatedRp: 0,
        quotaWorkers: null,
        workers: 0,
        invoicedRp: 0,
        projectedRp: 0,
        committedRp: 0,
        usedRp: 0,
        remainingRp: 0,
      };
      out.push(row);
    }
    row.workers += p.workers;
    row.projectedRp += add;
    row.committedRp += add;
    row.remainingRp -= add;
  }
  return out;
}

/**
 * The payers a district verification or a billing run pushes over their budget (or worker quota)
 * for a fiscal year: a warning, never a refusal. With pendingBatchId, the batch being verified
 * counts as if activated (its workers projected from fromPeriod, or the month after the last run).
 */
export async function budgetWarnings(
  deps: { db: Queryable },
  regencyCode: string,
  fiscalYear: number,
  opts: BudgetUseOptions & { pendingBatchId?: number | null } = {},
): Promise<BudgetWarning[]> {
  const { payers } = await budgetLines(deps, regencyCode, fiscalYear, opts);
  return payers.map((r) => warningOf(fiscalYear, r)).filter((w): w is BudgetWarning => w !== null);
}

export type BudgetLineRow = Awaited<ReturnType<typeof withPendingBatch>>[number];

/**
 * Every payer's budget line of a regency for a fiscal year (all regions), with the pending batch
 * counted as if activated when given: what a verification shows before and after.
 */
export async function budgetLines(
  deps: { db: Queryable },
  regencyCode: string,
  fiscalYear: number,
  opts: BudgetUseOptions & { pendingBatchId?: number | null } = {},
): Promise<{ payers: BudgetLineRow[]; projectedFrom: string | null }> {
  const b = await computeBudget(deps.db, { regencyCode, fiscalYear, scopes: ['*'], ...opts });
  const lastMonth = fiscalYear * 12 + 11;
  const payers = opts.pendingBatchId
    ? await withPendingBatch(
        deps.db,
        b.payers,
        opts.pendingBatchId,
        periodAt(Math.min(b.start, lastMonth)),
        Math.max(0, lastMonth + 1 - b.start),
      )
    : b.payers;
  return { payers, projectedFrom: b.projectedFrom };
}

/** The warning of one budget line, or null (committed within allocated, workers within quota). */
export function budgetWarningOf(fiscalYear: number, line: BudgetLineRow): BudgetWarning | null {
  return warningOf(fiscalYear, line);
}

/**
 * Budget use of a regency's funding parties for a fiscal year, as the caller may see it: the
 * district and branch every payer, a village operator its own village's line.
 */
export async function budgetUse(deps: Deps, actor: Actor, q: { regencyCode: string; fiscalYear: number }) {
  checkBudgetRead(actor, q.fiscalYear);
  await requireInScope(deps.db, actor, 'regency_part', q.regencyCode);
  return budgetFigures(deps, actor, q);
}

/**
 * budgetUse for a caller whose reach into the regency ('regency_part') the caller of this function
 * has just checked with requireInScope, as the district dashboard has: the same figures without
 * looking the scope up a second time on the dashboard's longest chain of round trips.
 */
export async function budgetUseInCheckedScope(
  deps: Deps,
  actor: Actor,
  q: { regencyCode: string; fiscalYear: number },
) {
  checkBudgetRead(actor, q.fiscalYear);
  return budgetFigures(deps, actor, q);
}

function checkBudgetRead(actor: Actor, fiscalYear: number): void {
  requirePermission(actor, 'billing.read');
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2015 || fiscalYear > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2015–2100' });
}

async function budgetFigures(deps: Deps, actor: Actor, q: { regencyCode: string; fiscalYear: number }) {
  const [b, years] = await Promise.all([
    computeBudget(deps.db, { ...q, scopes: actor.regionScopes }),
    budgetYears(deps.db, q.regencyCode),
  ]);
  const sum = (f: keyof BudgetRow) => b.payers.reduce((s, r) => s + (r[f] as number), 0);
  return {
    regencyCode: q.regencyCode,
    fiscalYear: q.fiscalYear,
    projectedFrom: b.projectedFrom,
    /** Every fiscal year the regency's agreements cover or allocate for: the years worth choosing. */
    years,
    payers: b.payers,
    totals: {
      allocatedRp: sum('allocatedRp'),
      committedRp: sum('committedRp'),
      usedRp: sum('usedRp'),
      remainingRp: sum('remainingRp'),
    },
    warnings: b.payers.map((r) => warningOf(q.fiscalYear, r)).filter((w): w is BudgetWarning => w !== null),
  };
}

/**
 * Budget use as a report of its own (GET /budget-use): read through the replica when there is
 * one, with how stale it may be. budgetUse itself reads the primary, for the services that
 * answer with it right after a write.
 */
export async function budgetUseReport(
  deps: Deps,
  actor: Actor,
  q: { regencyCode: string; fiscalYear: number },
) {
  requirePermission(actor, 'billing.read');
  const reads = await reportReads(deps);
  return { ...(await budgetUse(reads.deps, actor, q)), freshness: reads.freshness };
}
