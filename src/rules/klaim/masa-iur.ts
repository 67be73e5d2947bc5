// Masa iur of a claim: months of cover, counted from the participant's cover ranges.
import { addDays, type IsoDate, monthsBetween } from '../calendar.ts';

/** One range of cover (kepesertaan aktif); `to` null while it runs on. */
export interface CoverRange {
  from: IsoDate;
  to: IsoDate | null;
}

/** Months covered within [from, to] (masa iur as months of cover; arrears do not count as cover). */
export function coveredMonths(ranges: readonly CoverRange[], from: IsoDate, to: IsoDate): number {
  return ranges.reduce((sum, r) => {
    const a = r.from > from ? r.from : from;
    const end = r.to === null || r.to > to ? to : r.to;
    return end < a ? sum : sum + monthsBetween(a, addDays(end, 1));
  }, 0);
}

/** The months of cover in a row up to `date`: from the start of the last range begun by then. */
export function consecutiveMonths(ranges: readonly CoverRange[], date: IsoDate): number {
  const started = ranges.filter((r) => r.from <= date);
  return coveredMonths(started, started.at(-1)?.from ?? date, date);
}
