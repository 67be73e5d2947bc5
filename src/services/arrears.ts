import { type ArrearsRow, arrearsByPayer } from '../db/arrears.ts';
import { AppError } from '../errors.ts';
import { isValidDate } from '../rules/calendar.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { reportReads } from './reports/report-reads.ts';

const BUCKETS = ['notDueRp', 'days1To30Rp', 'days31To60Rp', 'days61To90Rp', 'over90Rp', 'totalRp'] as const;

/**
 * Arrears ageing as of a date: open invoice amounts of the payers in the caller's scope, in
 * buckets not yet due, 1–30, 31–60, 61–90 and more than 90 days past the due date. A report:
 * read through the replica when there is one, with how stale it may be.
 */
export async function arrearsAgeing(
  deps: Deps,
  actor: Actor,
  q: { asOf: string; regencyCode?: string | null },
) {
  requirePermission(actor, 'billing.read');
  if (!isValidDate(q.asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  const reads = await reportReads(deps);
  const payers = await arrearsByPayer(reads.deps.db, {
    asOf: q.asOf,
    scopes: actor.regionScopes,
    regencyCode: q.regencyCode ?? null,
  });
  const totals = Object.fromEntries(BUCKETS.map((b) => [b, payers.reduce((s, r) => s + r[b], 0)])) as Pick<
    ArrearsRow,
    (typeof BUCKETS)[number]
  >;
  return { asOf: q.asOf, payers, totals, freshness: reads.freshness };
}
