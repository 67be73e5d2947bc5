// Input hygiene, in one place: what no text, date, number or personal name may be, whatever route,
// file or command it comes through. The HTTP guard (src/http/input-guard.ts) applies it to every
// request; the zod schemas take PersonName from here; the spreadsheet readers use the same
// predicates. Pure: no I/O, no clock.
import { z } from 'zod';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Neither NUL (PostgreSQL refuses it in text: 22021) nor a lone UTF-16 surrogate (not Unicode). */
export function isCleanText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;

// YYYY-MM-DD, YYYY-MM, or a timestamp YYYY-MM-DDThh:mm…; any string of this shape is taken as a date.
const DATE_SHAPE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T.*)?$/s;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * For a string shaped like a date: null if it names a real day (or month) in 1900–2100, else why
 * not. For any other string: null (it is not a date).
 */
export function dateProblem(text: string): 'out-of-range' | 'not-a-date' | null {
  const m = DATE_SHAPE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < YEAR_MIN || year > YEAR_MAX) return 'out-of-range';
  if (month < 1 || month > 12) return 'not-a-date';
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, month)) return 'not-a-date';
  }
  return null;
}

/** The largest count, quantity or year any input may carry: PostgreSQL's int4. */
export const INT4_MAX = 2_147_483_647;

/**
 * Ceilings of money inputs in whole rupiah, per field name (every money field ends in `Rp`), far
 * above any real value and far below 2^53 (9,007,199,254,740,991), so that no sum of them loses
 * precision. docs/http-protection.md lists them.
 */
export const MONEY_CEILINGS_RP = {
  /** A monthly wage or declared income (employee, wage report, enrolment file, calculator). */
  wageRp: 1_000_000_000,
  declaredIncomeRp: 1_000_000_000,
  averageIndexedWageRp: 1_000_000_000,
  transportRp: 1_000_000_000,
  /** A JHT balance (calculator) or an opening balance brought in. */
  balanceRp: 100_000_000_000,
  /** A construction project's contract value. */
  contractValueRp: 10_000_000_000_000,
  /** A payment, a budget allocation, a JHT opening amount, a payout total. */
  amountRp: 1_000_000_000_000,
  declaredTotalRp: 1_000_000_000_000,
} as const;
/** Any other money field. */
export const MONEY_CEILING_DEFAULT_RP = 1_000_000_000_000;

export function moneyCeilingRp(field: string): number {
  return (MONEY_CEILINGS_RP as Record<string, number>)[field] ?? MONEY_CEILING_DEFAULT_RP;
}

/** Money fields are named `…Rp` (house style: units last). */
export function isMoneyField(field: string): boolean {
  return /Rp$/.test(field);
}

/** Ids may be any safe integer (bigint keys); every other number fits int4. */
export function isIdField(field: string): boolean {
  return field === 'id' || /Id$/.test(field);
}

/** The largest magnitude a number in field `field` may have. */
export function numberCeiling(field: string): number {
  if (isMoneyField(field)) return moneyCeilingRp(field);
  return isIdField(field) ? Number.MAX_SAFE_INTEGER : INT4_MAX;
}

/** Whether a number in field `field` is out of range (or not finite). */
export function numberOutOfRange(field: string, value: number): boolean {
  return !Number.isFinite(value) || Math.abs(value) > numberCeiling(field);
}

/** A whole number as a path or query string writes it: decimal digits, no sign, no leading zero. */
export function isCanonicalDecimal(text: string): boolean {
  return /^(?:0|[1-9]\d{0,15})$/.test(text);
}

/**
 * A personal name as people write them in Indonesia: letters of any script (with their marks),
 * spaces, and the apostrophe, period, comma and hyphen inside a name ("Ni Luh Putu Ayu", "Yohanis
 * Da-Costa", "H. Abd. Rahman, S.Pd."). It starts with a letter, so nothing a spreadsheet would run
 * (=, +, -, @) and no brackets, digits, quotes, slashes or control characters ever enter.
 */
const PERSON_NAME = /^\p{L}[\p{L}\p{M}' .,’-]*$/u;
export const PERSON_NAME_MAX = 100;

export function isPersonName(text: string): boolean {
  return text.length <= PERSON_NAME_MAX && isCleanText(text) && PERSON_NAME.test(text);
}

/** The zod schema of every personal name an API body carries. */
export const PersonName = z
  .string()
  .trim()
  .min(1)
  .max(PERSON_NAME_MAX)
  .refine(isPersonName, "a person’s name: letters, spaces and . , ' - only, starting with a letter")
  .describe("A person’s name: letters of any script, spaces and . , ' - ; starts with a letter; at most 100");
