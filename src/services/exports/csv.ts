// CSV by hand (RFC 4180 quoting): UTF-8 with a byte-order mark so Excel reads the accents, and a
// semicolon separator on request, which Excel set to Indonesian (decimal comma) expects.
import type { Cell, CsvSeparator, ExportTable } from './table.ts';

const BOM = '\uFEFF';

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a
 * leading apostrophe (OWASP "CSV injection"); numbers are written as plain digits.
 */
function guardFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvField(value: Cell, sep: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const s = guardFormula(value);
  return s.includes(sep) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(table: ExportTable<T>, separator: CsvSeparator = 'comma'): Buffer {
  const sep = separator === 'semicolon' ? ';' : ',';
  const lines = [table.columns.map((c) => csvField(c.header, sep)).join(sep)];
  for (const row of table.rows) {
    lines.push(table.columns.map((c) => csvField(c.value(row), sep)).join(sep));
  }
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
