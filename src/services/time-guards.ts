// The one place a service asks whether a business date may be written: never after today in the
// office time zone (WITA, clock.ts officeDate), and — for kinds that are refused rather than
// adjusted — never inside a month the branch has closed for the regency (docs/periods.md).
import { closedThrough } from '../db/period-close.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { type Clock, officeDate } from './clock.ts';

/** Today's calendar date in the office (Belu: Asia/Makassar). */
export function officeToday(clock: Clock): string {
  return officeDate(clock.now());
}

/** DATE_IN_FUTURE unless `date` (YYYY-MM-DD) is on or before today in the office time zone. */
export function requireNotFuture(clock: Clock, field: string, date: string): void {
  const today = officeToday(clock);
  if (date > today) throw new AppError('DATE_IN_FUTURE', { field, value: date, today });
}

/** DATE_IN_FUTURE unless the period (YYYY-MM) has begun: the current month or earlier. */
export function requirePeriodNotFuture(clock: Clock, field: string, period: string): void {
  const today = officeToday(clock);
  if (period > today.slice(0, 7)) throw new AppError('DATE_IN_FUTURE', { field, value: period, today });
}

/**
 * PERIOD_CLOSED when the date (YYYY-MM-DD) or period (YYYY-MM) lies in a month the regency's
 * books are closed through: the kinds the branch refuses (payments, billing runs, coverage runs).
 */
export async function requireOpenPeriod(
  q: Queryable,
  regencyCode: string,
  field: string,
  dateOrPeriod: string,
): Promise<void> {
  const through = await closedThrough(q, regencyCode);
  if (through && dateOrPeriod.slice(0, 7) <= through) {
    throw new AppError('PERIOD_CLOSED', { field, value: dateOrPeriod, regency: regencyCode, through });
  }
}
