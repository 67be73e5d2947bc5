// The branch report for a period (issue 7 item 2): claims paid by programme, benefits paid,
// active participants by segment on the last day, and the vulnerable village workers with the
// number of villages they are in — all computed from the records.

import { CLAIM_PROGRAMS, type ClaimProgram, paidByProgram } from '../../db/report-claims.ts';
import { countsAsOf } from '../../db/report-counts.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { activeTotal } from './active-count.ts';
import { type NonAsnCounts, nonAsnCounts } from './non-asn.ts';
import { type Freshness, reportReads } from './report-reads.ts';

export interface CountAmount {
  count: number;
  amountRp: number;
}

export interface BranchReport {
  regencyCode: string;
  regencyName: string;
  from: string;
  to: string;
  generatedAt: string;
  claims: Record<ClaimProgram, CountAmount>;
  claimsTotal: CountAmount;
  benefitsPaidRp: number;
  activeParticipants: { formal: number; informal: number; construction: number; total: number };
  villageWorkers: number;
  villagesWithWorkers: number;
  /** Non-ASN government workers on the last day, part of the formal figure (non-asn.ts). */
  nonAsn: NonAsnCounts;
  /** Read on a replica or the primary, and how stale the figures may be (report-reads.ts). */
  freshness: Freshness;
}

export interface BranchReportInput {
  regencyCode: string;
  from: string;
  to: string;
}

export function checkPeriod(from: string, to: string): void {
  if (!isValidDate(from) || !isValidDate(to))
    throw new AppError('VALIDATION_FAILED', { detail: 'from, to: YYYY-MM-DD' });
  if (from > to) throw new AppError('VALIDATION_FAILED', { detail: 'from must not be after to' });
}

export async function branchReport(
  primary: Deps,
  actor: Actor,
  input: BranchReportInput,
): Promise<BranchReport> {
  requirePermission(actor, 'reports.read');
  checkPeriod(input.from, input.to);
  const { deps, freshness } = await reportReads(primary);
  const regency = await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  // Independent reads: on PostgreSQL's pool they run side by side (PGlite has one session).
  const [paid, counts, nonAsn] = await Promise.all([
    paidByProgram(deps.db, input),
    countsAsOf(deps.db, { regencyCode: regency.code, asOf: input.to, scopes: null }),
    nonAsnCounts(deps.db, { regencyCode: regency.code, asOf: input.to }),
  ]);
  const claims = Object.fromEntries(
    CLAIM_PROGRAMS.map((p) => {
      const row = paid.find((r) => r.program === p);
      return [p, { count: row?.count ?? 0, amountRp: row?.amountRp ?? 0 }];
    }),
  ) as Record<ClaimProgram, CountAmount>;
  const claimsTotal = {
    count: paid.reduce((s, r) => s + r.count, 0),
    amountRp: paid.reduce((s, r) => s + r.amountRp, 0),
  };
  const active = (segment?: string) => activeTotal(counts, segment);
  const villageRows = counts.filter((c) => c.status === 'active' && c.viaVillageBatch);
  const villages = new Set(villageRows.filter((c) => c.n > 0).map((c) => c.regionCode));
  return {
    regencyCode: regency.code,
    regencyName: regency.name,
    from: input.from,
    to: input.to,
    generatedAt: deps.clock.now(),
    claims,
    claimsTotal,
    benefitsPaidRp: claimsTotal.amountRp,
    activeParticipants: {
      formal: active('PU'),
      informal: active('BPU'),
      construction: active('JAKON'),
      total: active(),
    },
    villageWorkers: villageRows.reduce((s, c) => s + c.n, 0),
    villagesWithWorkers: villages.size,
    nonAsn,
    freshness,
  };
}

/** The programmes in the report's order (JHT first), also served to the web as a catalog. */
export { CLAIM_PROGRAMS as REPORT_PROGRAMS };
