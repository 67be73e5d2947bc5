// Calendar dates are 'YYYY-MM-DD' strings and periods 'YYYY-MM'; arithmetic is on integers,
// never on JS Date (no time zones, no clock).
import { AppError } from '../errors.ts';
import type { Explainer } from './explanation.ts';

export type IsoDate = string;
export type Period = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(\d{4})-(\d{2})$/;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidDate(s: string): boolean {
  const g = DATE_RE.exec(s);
  if (!g) return false;
  const [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isValidPeriod(s: string): boolean {
  const g = PERIOD_RE.exec(s);
  return g !== null && Number(g[2]) >= 1 && Number(g[2]) <= 12;
}

export function parseDate(s: IsoDate): Ymd {
  if (!isValidDate(s)) throw new AppError('VALIDATION_FAILED', { detail: `tanggal/date ${s}` });
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export function formatDate({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parsePeriod(p: Period): { y: number; m: number } {
  if (!isValidPeriod(p)) throw new AppError('VALIDATION_FAILED', { detail: `periode/period ${p}` });
  const [y, m] = p.split('-').map(Number) as [number, number];
  return { y, m };
}

export function formatPeriod(y: number, m: number): Period {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Month index (months since year 0) — for month differences. */
export function monthIndex(p: Period): number {
  const { y, m } = parsePeriod(p);
  return y * 12 + (m - 1);
}

export function addMonthsToPeriod(p: Period, n: number): Period {
  const i = monthIndex(p) + n;
  return formatPeriod(Math.floor(i / 12), (i % 12) + 1);
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

export function lastDayOf(p: Period): IsoDate {
  const { y, m } = parsePeriod(p);
  return formatDate({ y, m, d: daysInMonth(y, m) });
}

/** Same day n months later; a day past the month's end is clamped to its last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { d } = parseDate(date);
  const p = addMonthsToPeriod(periodOf(date), n);
  const { y, m } = parsePeriod(p);
  return formatDate({ y, m, d: Math.min(d, daysInMonth(y, m)) });
}

export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, n * 12);
}

/** Days since 1970-01-01 (civil calendar, Howard Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const { y: y0, m, d } = parseDate(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  const z0 = dayNumber(date) + n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatDate({ y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d });
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Whether a date is a day off besides the weekend (a national holiday or a cuti bersama). */
export type HolidayTest = (date: IsoDate) => boolean;

/** A year's days off as the parameter book holds them (params/hari_libur.yaml). */
interface DayOff {
  readonly date: IsoDate;
}

const HARI_LIBUR = 'hari_libur.daftar';

/**
 * The days off of the parameter book, read per year through the Explainer (so every result cites
 * the yearly joint decree it used). Before the first list (2015) no holiday is known: weekends only.
 */
export function hariLibur(ex: Explainer): HolidayTest {
  const years = new Map<string, ReadonlySet<IsoDate>>();
  const first = ex.book.firstDate(HARI_LIBUR);
  return (date) => {
    if (date < first) return false;
    const year = date.slice(0, 4);
    let days = years.get(year);
    if (!days) {
      days = new Set(ex.value<DayOff[]>(HARI_LIBUR, `${year}-01-01`).map((d) => d.date));
      years.set(year, days);
    }
    return days.has(date);
  };
}
/**
 * The one working-day calendar (due dates, claim service levels): Saturday, Sunday and the days
 * off of the yearly joint decree (hariLibur) are not working days.
 */
export function isWorkingDay(date: IsoDate, holidays: HolidayTest): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !holidays(date);
}

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDay(date: IsoDate, holidays: HolidayTest): IsoDate {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** The n-th working day after `date` (the date itself not counted). */
export function addWorkingDays(date: IsoDate, n: number, holidays: HolidayTest): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** Whole months from a to b (a + n months ≤ b); 0 when b is before a. */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (b < a) return 0;
  let n =
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  while (n > 0 && addMonths(a, n) > b) n--;
  return n;
}

/** Completed years of age on `on` (a 29 Feb birthday is reached on 1 Mar in common years). */
export function ageOnDate(birthDate: IsoDate, on: IsoDate): number {
  const b = parseDate(birthDate);
  const o = parseDate(on);
  const hadBirthday = o.m > b.m || (o.m === b.m && o.d >= b.d);
  return o.y - b.y - (hadBirthday ? 0 : 1);
}

/** The date someone born on `birthDate` reaches `years` of age. */
export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  const b = parseDate(birthDate);
  const y = b.y + years;
  if (b.m === 2 && b.d === 29 && daysInMonth(y, 2) === 28) return formatDate({ y, m: 3, d: 1 });
  return formatDate({ y, m: b.m, d: b.d });
}
