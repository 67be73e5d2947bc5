import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';
import { cellAddress, type RawRow, type SheetContent } from './row.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a CSV file, or null when the bytes are not UTF-8 text (a PDF, an image, an .exe). */
export function decodeCsvText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes); // drops a leading BOM
  } catch {
    return null;
  }
}

export function isCommentRecord(record: readonly string[]): boolean {
  return (record[0] ?? '').trimStart().startsWith('#');
}

/** `;` when the header line has more of them than commas (Excel with Indonesian regional settings). */
function detectDelimiter(text: string): ',' | ';' {
  const header = text
    .split(/\r\n|\n|\r/)
    .find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (!header) return ',';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

// What a spreadsheet would run as a formula when the CSV is opened (CSV injection).
const FORMULA_LIKE = /^[=+\-@][A-Za-z(]/;

export const CSV_PARSE_OPTIONS = {
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
};

/**
 * The records of CSV text without a quote character, exactly as csv-parse gives them with
 * CSV_PARSE_OPTIONS (a test holds the two together): with no quote, a record is a line and a field
 * is what lies between delimiters. Five times faster on a 100,000-row file.
 */
export function unquotedRecords(text: string, delimiter: string): string[][] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop(); // a final line break ends the last record
  return lines.map((line) => line.split(delimiter));
}

/** Parses CSV text into rows numbered as Excel would show them (comment lines keep their number). */
export function readCsv(text: string): SheetContent {
  let records: string[][];
  try {
    const delimiter = detectDelimiter(text);
    records = text.includes('"')
      ? parse(text, { ...CSV_PARSE_OPTIONS, delimiter })
      : unquotedRecords(text, delimiter);
  } catch {
    // An unclosed quote: the file cannot be split into rows reliably.
    throw new AppError('FILE_NOT_SPREADSHEET');
  }
  const rows: RawRow[] = [];
  const formulaCells: string[] = [];
  records.forEach((record, i) => {
    if (isCommentRecord(record)) return;
    const rowNumber = i + 1;
    record.forEach((value, col) => {
      if (FORMULA_LIKE.test(value)) formulaCells.push(cellAddress(col + 1, rowNumber));
    });
    rows.push({ rowNumber, cells: record.map((value) => ({ kind: 'text', text: value })) });
  });
  return { rows, formulaCells };
}
