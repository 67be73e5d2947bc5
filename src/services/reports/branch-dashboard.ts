// The branch dashboard for a year (issue 7 item 3): claims paid by programme and month, benefits
// paid, service-level compliance of claim decisions, and the payout batches.

import { type PayoutBatchRow, paidByMonth, payoutBatchesOfYear, slaOfYear } from '../../db/report-claims.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { type Freshness, reportReads } from './report-reads.ts';

export interface BranchDashboard {
  regencyCode: string;
  regencyName: string;
  year: number;
  claimsByMonth: { period: string; program: string; count: number; amountRp: number }[];
  benefitsPaidRp: number;
  /** percent = withinSla / decided; automatic (rule) refusals are outside both, counted apart. */
  sla: {
    decided: number;
    withinSla: number;
    percent: number;
    overdueOpen: number;
    automaticRefusals: number;
  };
  payoutBatches: PayoutBatchRow[];
  /** Read on a replica or the primary, and how stale the figures may be (report-reads.ts). */
  freshness: Freshness;
}

export async function branchDashboard(
  primary: Deps,
  actor: Actor,
  input: { regencyCode: string; year: number },
): Promise<BranchDashboard> {
  requirePermission(actor, 'reports.read');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  const { deps, freshness } = await reportReads(primary);
  const regency = await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  const q = { regencyCode: regency.code, year: input.year };
  const [claimsByMonth, sla, payoutBatches] = await Promise.all([
    paidByMonth(deps.db, q),
    slaOfYear(deps.db, { ...q, now: deps.clock.now() }),
    payoutBatchesOfYear(deps.db, q),
  ]);
  return {
    regencyCode: regency.code,
    regencyName: regency.name,
    year: input.year,
    claimsByMonth,
    benefitsPaidRp: claimsByMonth.reduce((s, r) => s + r.amountRp, 0),
    // Nothing decided yet reads 0%, with decided = 0 beside it.
    sla: { ...sla, percent: sla.decided ? Math.round((sla.withinSla * 10_000) / sla.decided) / 100 : 0 },
    payoutBatches,
    freshness,
  };
}
