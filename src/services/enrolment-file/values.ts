import { MONEY_CEILINGS_RP } from '../../hygiene.ts';

// Turning what operators type into the row's fields. Lenient on form (separators, case, "Rp"),
// strict on meaning: anything ambiguous becomes null/raw and the validator reports it.

/** A cell as read from either format. XLSX keeps numbers and dates apart; CSV is all text. */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'date'; iso: string };

export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.kind === 'date' ? cell.iso : cell.text.trim();
}

/** Digits as Excel stores them, without the 5.30401E+15 a String() of a big float may give. */
export function numberText(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const SEX_ALIASES = new Map<string, 'L' | 'P'>([
  ['L', 'L'],
  ['LK', 'L'],
  ['LAKILAKI', 'L'],
  ['PRIA', 'L'],
  ['M', 'L'],
  ['P', 'P'],
  ['PR', 'P'],
  ['PEREMPUAN', 'P'],
  ['WANITA', 'P'],
  ['F', 'P'],
]);

/** 'L' | 'P' when recognisable, else the upper-cased text ('' if blank). */
export function normaliseSex(raw: string): string {
  const upper = collapseSpaces(raw).toUpperCase();
  return SEX_ALIASES.get(upper.replace(/[\s.-]/g, '')) ?? upper;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoIfReal(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as Indonesians write it; the separator must be the same twice.
const DMY_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;

/** 'YYYY-MM-DD' for YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY or D/M/YYYY naming a real date, else null. */
export function parseDateText(raw: string): string | null {
  const text = raw.trim();
  const iso = text.match(ISO_DATE);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = text.match(DMY_DATE);
  if (dmy) return isoIfReal(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  return null;
}

/** exceljs gives a date cell as a JS Date at UTC midnight: read the UTC parts, never the local ones. */
export function isoFromExcelDate(date: Date): string {
  return isoIfReal(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ?? '';
}

// Thousands grouped by dots (Indonesian) or commas (English), optionally with zero cents.
const GROUPED_DOT = /^\d{1,3}(?:\.\d{3})+(?:,0{1,2})?$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.0{1,2})?$/;
const PLAIN = /^\d+(?:[.,]0{1,2})?$/;

/** A monthly wage or income above this is no one's (src/hygiene.ts). */
const MONTHLY_RP_MAX = MONEY_CEILINGS_RP.wageRp;

/**
 * Integer rupiah from "1.500.000", "Rp 1,500,000", "Rp1.500.000,-" or 1500000; null if blank,
 * unclear, or above the monthly ceiling.
 */
export function parseIncomeRp(cell: Cell | undefined): number | null {
  if (cell?.kind === 'number') {
    return Number.isSafeInteger(cell.value) && cell.value >= 0 && cell.value <= MONTHLY_RP_MAX
      ? cell.value
      : null;
  }
  const text = cellText(cell)
    .replace(/^rp\.?/i, '')
    .replace(/,-$/, '')
    .replace(/[\s\u00a0]/g, '');
  let digits: string | null = null;
  if (GROUPED_DOT.test(text)) digits = text.replace(/,.*$/, '').replace(/\./g, '');
  else if (GROUPED_COMMA.test(text)) digits = text.replace(/\..*$/, '').replace(/,/g, '');
  else if (PLAIN.test(text)) digits = text.replace(/[.,].*$/, '');
  if (digits === null) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value <= MONTHLY_RP_MAX ? value : null;
}

/** Digits, keeping a leading + (international form); '' if blank. */
export function normalisePhone(raw: string): string {
  const text = raw.trim();
  const digits = text.replace(/\D/g, '');
  return text.startsWith('+') && digits !== '' ? `+${digits}` : digits;
}

/** 5.30401E+15: a NIK that went through a number once (CSV saved by Excel) has lost its digits. */
export function looksScientific(text: string): boolean {
  return /^\d(?:[.,]\d+)?e\+?\d+$/i.test(text);
}
