import { arrearsByPayer } from '../src/db/arrears.ts';
import { activeByMonth, areaRegions, countsAsOf, moneyByPeriod } from '../src/db/report-counts.ts';
import { workforceOf } from '../src/db/workforce.ts';
import type { Actor, Deps } from '../src/services/actor.ts';
import { budgetUseInCheckedScope } from '../src/services/budget-use.ts';
import { nonAsnCounts } from '../src/services/reports/non-asn.ts';
import { percentiles } from './targets.ts';

// The regency dashboard's eight reads (services/reports/district-dashboard.ts), each alone and one
// after the other: the dashboard runs them side by side, so its time is its slowest chain, and a
// p95 over the whole says nothing of which read grows with the data.

export interface ReadTime {
  read: string;
  p50: number;
  p95: number;
}

export async function dashboardReads(
  deps: Deps,
  actor: Actor,
  a: { regencyCode: string; asOf: string },
  runs: number,
): Promise<ReadTime[]> {
  const q = { regencyCode: a.regencyCode, asOf: a.asOf, scopes: null };
  const year = Number(a.asOf.slice(0, 4));
  const reads: [string, () => Promise<unknown>][] = [
    ['counts as of the date', () => countsAsOf(deps.db, q)],
    ['areas', () => areaRegions(deps.db, q)],
    ['active at 12 month ends', () => activeByMonth(deps.db, q)],
    ['invoiced and paid by month', () => moneyByPeriod(deps.db, q)],
    ['workforce (UCJ)', () => workforceOf(deps.db, a.regencyCode, year)],
    [
      'budget use',
      () => budgetUseInCheckedScope(deps, actor, { regencyCode: a.regencyCode, fiscalYear: year }),
    ],
    [
      'arrears ageing',
      () => arrearsByPayer(deps.db, { asOf: a.asOf, scopes: actor.regionScopes, regencyCode: a.regencyCode }),
    ],
    ['Non-ASN', () => nonAsnCounts(deps.db, { regencyCode: a.regencyCode, asOf: a.asOf })],
  ];
  const out: ReadTime[] = [];
  for (const [read, fn] of reads) out.push({ read, ...(await percentiles(fn, runs)) });
  return out;
}
