import { type Language, localeOf } from './i18n/language.ts';

// Display helpers for money, counts and calendar dates: the one place the web formats them.
// Money is integer rupiah (number or bigint), shown as `Rp 28.700.000.000` in both languages —
// the rupiah's own notation, and the one the server writes in explanations and documents
// (src/rules/format.ts), so a page never shows two (issue 15 point 6). Calendar dates are
// `YYYY-MM-DD` strings, periods `YYYY-MM`; they are never parsed by the local clock, so no time
// zone can shift a day.

const numberFormats = new Map<Language, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: Language): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0, useGrouping: true });
    numberFormats.set(language, format);
  }
  return format;
}

function dateFormat(language: Language, withDay: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(key, format);
  }
  return format;
}

function assertWhole(amountRp: number | bigint): void {
  if (typeof amountRp === 'number' && !Number.isSafeInteger(amountRp)) {
    throw new RangeError(`Not a whole number: ${amountRp}`);
  }
}

/** `28700000000` → `28.700.000.000` (id) / `28,700,000,000` (en). */
export function formatCount(value: number | bigint, language: Language): string {
  assertWhole(value);
  return numberFormat(language).format(value);
}

/**
 * `28700000000` → `Rp 28.700.000.000`; negative amounts → `-Rp 5.000`. The same in English: the
 * language is taken so call sites read alike, and money does not change with it.
 */
export function formatRupiah(amountRp: number | bigint, _language: Language): string {
  assertWhole(amountRp);
  const negative = amountRp < 0;
  const magnitude = negative ? -amountRp : amountRp;
  return `${negative ? '-' : ''}Rp ${numberFormat('id').format(magnitude)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

/** `2023-05-22` → `22 Mei 2023` (id) / `22 May 2023` (en). */
export function formatDate(date: string, language: Language): string {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [, year, month, day] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day));
  if (new Date(utc).getUTCDate() !== Number(day)) throw new RangeError(`No such date: ${date}`);
  return dateFormat(language, true).format(utc);
}

/** `2023-05-22` → `22/05/2023`: the compact form for narrow table cells, in both languages. */
export function formatDateShort(date: string): string {
  formatDate(date, 'id'); // the same checks: a real calendar date or a RangeError
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** A date for display that never throws while rendering: formatted, `–` when absent, else as it came. */
export function displayDate(date: string | null | undefined, language: Language, compact = false): string {
  if (!date) return '–';
  try {
    return compact ? formatDateShort(date.slice(0, 10)) : formatDate(date.slice(0, 10), language);
  } catch {
    return date;
  }
}

/** `2023-05` → `Mei 2023` (id) / `May 2023` (en). */
export function formatPeriod(period: string, language: Language): string {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Not a YYYY-MM period: ${period}`);
  const [, year, month] = match;
  const monthIndex = Number(month) - 1;
  if (monthIndex < 0 || monthIndex > 11) throw new RangeError(`No such month: ${period}`);
  return dateFormat(language, false).format(Date.UTC(Number(year), monthIndex, 1));
}

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * An ISO UTC instant shown in WITA (Asia/Makassar, the time of NTT): `22 Mei 2023 14.05` (id),
 * `22 May 2023 14:05` (en). Built from parts so that no locale inserts "pukul" or "at".
 */
export function formatDateTime(iso: string, language: Language): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO timestamp: ${iso}`);
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(language), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Makassar',
    });
    dateTimeFormats.set(language, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const separator = language === 'id' ? '.' : ':';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}${separator}${part('minute')}`;
}

/**
 * What someone types for an amount of rupiah: `1.500.000`, `1,500,000`, `1500000` or
 * `Rp 1.500.000` → 1500000. Null for anything that is not a whole, safe number of rupiah
 * (decimals, letters, a misplaced separator).
 */
export function parseRupiahInput(text: string): number | null {
  const cleaned = text.replace(/^\s*rp\.?\s*/i, '').replace(/\s+/g, '');
  if (!/^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/[.,]/g, ''));
  return Number.isSafeInteger(value) ? value : null;
}

/** Today's calendar date in WITA (Asia/Makassar), `YYYY-MM-DD`: the date the district lives by. */
export function todayWita(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Makassar',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** `12.34` (a percentage, 0–100) → `12,34%` (id) / `12.34%` (en); two decimals at most. */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 2 }).format(
    percent / 100,
  );
}

/** Short figures for chart axes: `1200000` → `1,2 jt` (id) / `1.2M` (en). */
export function formatCompact(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}
