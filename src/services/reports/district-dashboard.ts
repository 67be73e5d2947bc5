// The district dashboard (issue 7 item 3) as of a date: participants by segment, status and
// funding per kecamatan and village, Universal Coverage Jamsostek against the entered workforce,
// monthly trends, arrears ageing and budget use. A village operator sees only their village.
import { arrearsByPayer } from '../../db/arrears.ts';
import { activeByMonth, areaRegions, countsAsOf, moneyByPeriod } from '../../db/report-counts.ts';
import { workforceOf } from '../../db/workforce.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { budgetUseInCheckedScope } from '../budget-use.ts';
import { activeTotal } from './active-count.ts';
import { type Area, buildAreas } from './areas.ts';
import { type NonAsnCounts, nonAsnCounts } from './non-asn.ts';
import { type Freshness, reportReads } from './report-reads.ts';

export interface Ucj {
  year: number;
  workforce: number;
  source: string;
  targetPercent: number;
  covered: number;
  percent: number;
}

export interface DistrictDashboard {
  regencyCode: string;
  regencyName: string;
  asOf: string;
  /** Active participants on asOf in the caller's scope, regency-level ones included (active-count.ts). */
  active: number;
  ucj: Ucj | null;
  areas: Area[];
  trends: { period: string; active: number; invoicedRp: number; paidRp: number }[];
  arrears: { notDueRp: number; d1_30Rp: number; d31_60Rp: number; d61_90Rp: number; over90Rp: number };
  budget: { payerName: string; allocatedRp: number; committedRp: number; usedRp: number }[];
  /** Non-ASN government workers on asOf (non-asn.ts); null for a caller who sees only part of the regency. */
  nonAsn: NonAsnCounts | null;
  /** Read on a replica or the primary, and how stale the figures may be (report-reads.ts). */
  freshness: Freshness;
}

/** covered ÷ workforce in percent with two decimals, rounded half up on the basis points. */
export function coveragePercent(covered: number, workforce: number): number {
  return Math.round((covered * 10_000) / workforce) / 100;
}

async function arrearsTotals(deps: Deps, actor: Actor, regencyCode: string, asOf: string) {
  const rows = await arrearsByPayer(deps.db, { asOf, scopes: actor.regionScopes, regencyCode });
  const sum = (f: 'notDueRp' | 'days1To30Rp' | 'days31To60Rp' | 'days61To90Rp' | 'over90Rp') =>
    rows.reduce((s, r) => s + r[f], 0);
  return {
    notDueRp: sum('notDueRp'),
    d1_30Rp: sum('days1To30Rp'),
    d31_60Rp: sum('days31To60Rp'),
    d61_90Rp: sum('days61To90Rp'),
    over90Rp: sum('over90Rp'),
  };
}

export async function districtDashboard(
  primary: Deps,
  actor: Actor,
  input: { regencyCode: string; asOf: string },
): Promise<DistrictDashboard> {
  requirePermission(actor, 'reports.read');
  if (!isValidDate(input.asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  const { deps, freshness } = await reportReads(primary);
  const regency = await requireInScope(deps.db, actor, 'regency_part', input.regencyCode);
  const q = {
    regencyCode: regency.code,
    asOf: input.asOf,
    scopes: regency.whole ? null : actor.regionScopes,
  };
  const year = Number(input.asOf.slice(0, 4));
  // Independent reads: on PostgreSQL's pool they run side by side (PGlite has one session).
  const [counts, regions, active, money, workforce, budget, arrears, nonAsn] = await Promise.all([
    countsAsOf(deps.db, q),
    areaRegions(deps.db, q),
    activeByMonth(deps.db, q),
    moneyByPeriod(deps.db, q),
    regency.whole ? workforceOf(deps.db, regency.code, year) : null,
    // In scope: requireInScope above checked this actor's reach into the same regency.
    budgetUseInCheckedScope(deps, actor, { regencyCode: regency.code, fiscalYear: year }),
    arrearsTotals(deps, actor, regency.code, input.asOf),
    regency.whole ? nonAsnCounts(deps.db, { regencyCode: regency.code, asOf: input.asOf }) : null,
  ]);
  const covered = activeTotal(counts);
  const ucj = workforce && {
    year,
    workforce: workforce.workforce,
    source: workforce.source,
    targetPercent: workforce.targetPercent,
    covered,
    percent: coveragePercent(covered, workforce.workforce),
  };
  return {
    regencyCode: regency.code,
    regencyName: regency.name,
    asOf: input.asOf,
    active: covered,
    ucj,
    areas: buildAreas(regions, counts),
    trends: active.map((m) => ({
      period: m.period,
      active: m.active,
      invoicedRp: money.get(m.period)?.invoicedRp ?? 0,
      paidRp: money.get(m.period)?.paidRp ?? 0,
    })),
    arrears,
    budget: budget.payers.map((p) => ({
      payerName: p.payerName,
      allocatedRp: p.allocatedRp,
      committedRp: p.committedRp,
      usedRp: p.usedRp,
    })),
    nonAsn,
    freshness,
  };
}
