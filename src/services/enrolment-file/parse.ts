import { createHash } from 'node:crypto';
import { AppError } from '../../errors.ts';
import {
  type EnrolmentFileRow,
  indexHeaders,
  knownHeaderCount,
  missingRequired,
  type ParsedEnrolmentFile,
} from './columns.ts';
import { decodeCsvText, readCsv } from './read-csv.ts';
import { readXlsx, ZIP_MAGIC } from './read-xlsx.ts';
import { buildRow, isEmptyRow, type RawRow, type SheetContent, uncleanCells } from './row.ts';
import { cellText } from './values.ts';
import { xlsxLimitsFor } from './xlsx-limits.ts';

export const ENROLMENT_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
export const ENROLMENT_FILE_MAX_ROWS = 200_000;

export interface EnrolmentFileLimits {
  maxBytes: number;
  maxRows: number;
}

/** Rows above the header that may hold a title (a re-uploaded report has one). */
const HEADER_SEARCH_ROWS = 10;
const FORMULA_CELLS_SHOWN = 5;

// A PDF may be pure ASCII and so pass as text; every other format we refuse holds NUL bytes or
// invalid UTF-8.
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Detects the format by content: a renamed .exe or a legacy .xls must not pass as CSV. */
async function readSheet(
  bytes: Uint8Array,
  maxRows: number,
): Promise<{ format: 'xlsx' | 'csv'; content: SheetContent }> {
  if (startsWith(bytes, ZIP_MAGIC))
    return { format: 'xlsx', content: await readXlsx(bytes, xlsxLimitsFor(maxRows)) };
  const text = startsWith(bytes, PDF_MAGIC) ? null : decodeCsvText(bytes);
  if (text === null) throw new AppError('FILE_NOT_SPREADSHEET');
  return { format: 'csv', content: readCsv(text) };
}

/** The row among the first few with the most known headers; the first non-empty row if none. */
function findHeader(nonEmpty: readonly RawRow[]): number {
  let best = 0;
  let bestCount = 0;
  nonEmpty.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const count = knownHeaderCount(row.cells.map(cellText));
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

function sizeMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** Builds all rows or throws: nothing is ever half-read. */
export async function parseEnrolmentFileWithin(
  bytes: Uint8Array,
  limits: EnrolmentFileLimits,
): Promise<ParsedEnrolmentFile> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new AppError('FILE_TOO_LARGE', {
      sizeMb: sizeMb(bytes.byteLength),
      limitMb: sizeMb(limits.maxBytes),
    });
  }
  if (bytes.byteLength === 0) throw new AppError('FILE_EMPTY');
  const { format, content } = await readSheet(bytes, limits.maxRows);
  const nonEmpty = content.rows.filter((row) => !isEmptyRow(row));
  if (nonEmpty.length === 0) throw new AppError('FILE_EMPTY');

  const headerAt = findHeader(nonEmpty);
  const index = indexHeaders(nonEmpty[headerAt]!.cells.map(cellText));
  const missing = missingRequired(index);
  if (missing.length > 0) throw new AppError('FILE_HEADERS_INVALID', { missing: missing.join(', ') });

  if (content.formulaCells.length > 0) {
    throw new AppError('FILE_HAS_FORMULAS', {
      cells: content.formulaCells.slice(0, FORMULA_CELLS_SHOWN).join(', '),
    });
  }
  const unclean = uncleanCells(nonEmpty);
  if (unclean.length > 0) {
    throw new AppError('FILE_TEXT_INVALID', { cells: unclean.slice(0, FORMULA_CELLS_SHOWN).join(', ') });
  }
  const dataRows = nonEmpty.slice(headerAt + 1);
  if (dataRows.length > limits.maxRows) {
    throw new AppError('FILE_TOO_MANY_ROWS', { rows: dataRows.length, limit: limits.maxRows });
  }
  if (dataRows.length === 0) throw new AppError('FILE_EMPTY');
  const rows: EnrolmentFileRow[] = dataRows.map((row) => buildRow(row, index));
  return { format, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}

/**
 * Reads an uploaded enrolment file (XLSX or CSV, told apart by content; the name is not trusted)
 * into typed rows. Validation of each row is the import service's job.
 */
export async function parseEnrolmentFile(bytes: Uint8Array, _fileName: string): Promise<ParsedEnrolmentFile> {
  return parseEnrolmentFileWithin(bytes, {
    maxBytes: ENROLMENT_FILE_LIMIT_BYTES,
    maxRows: ENROLMENT_FILE_MAX_ROWS,
  });
}
