// The one definition of "active on a date" (issue 15 point 6): the participants whose status on
// that date is 'active', wherever they are registered in the regency — a village, a kecamatan or
// the regency itself (the Non-ASN staff of a government employer are registered at regency level,
// and the district headline once left them out: 60,991 against 64,139). Every figure of active
// participants (the district headline, UCJ, the branch report) sums the rows of one query,
// db/report-counts.ts countsAsOf, through this function; the trend's months come from
// activeByMonth, which reads the same snapshot and delta tables with the same status and scope
// test (test/integration/active-figures.test.ts compares them all on one day).
import type { CountRow } from '../../db/report-counts.ts';

/** Active participants among the grouped counts, optionally of one segment only. */
export function activeTotal(rows: readonly CountRow[], segment?: string): number {
  return rows
    .filter((c) => c.status === 'active' && (!segment || c.segment === segment))
    .reduce((s, c) => s + c.n, 0);
}
