// The monthly wage report file of an employer: NIK, Nama, Upah (Rp), Mutasi; and, only for a
// join of someone not yet in the registry, Tanggal Lahir and Jenis Kelamin. XLSX or CSV, told
// apart by content. The readers and value parsers are the enrolment file's.
import { createHash } from 'node:crypto';
import type { WageStageRow } from '../../db/wages.ts';
import { AppError } from '../../errors.ts';
import { decodeCsvText, readCsv } from '../enrolment-file/read-csv.ts';
import { readXlsx, ZIP_MAGIC } from '../enrolment-file/read-xlsx.ts';
import { isEmptyRow, type RawRow, type SheetContent, uncleanCells } from '../enrolment-file/row.ts';
import {
  type Cell,
  cellText,
  collapseSpaces,
  looksScientific,
  normaliseSex,
  parseDateText,
  parseIncomeRp,
} from '../enrolment-file/values.ts';
import { xlsxLimitsFor } from '../enrolment-file/xlsx-limits.ts';

export const WAGE_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
export const WAGE_FILE_MAX_ROWS = 100_000;

export type Mutation = 'join' | 'leave' | 'wage_change' | 'none';

/** A row of the file, as the staging (db/wages.ts) stores it. */
export interface WageFileRow extends WageStageRow {
  mutation: Mutation | null;
}

type Field = 'nik' | 'fullName' | 'wage' | 'mutation' | 'birthDate' | 'sex';

const HEADERS: Record<Field, { labels: string[]; required: boolean }> = {
  nik: { labels: ['NIK'], required: true },
  fullName: { labels: ['Nama', 'Nama Lengkap', 'Name', 'Full Name'], required: true },
  wage: { labels: ['Upah (Rp)', 'Upah', 'Wage (Rp)', 'Wage'], required: true },
  mutation: { labels: ['Mutasi', 'Mutation'], required: true },
  birthDate: { labels: ['Tanggal Lahir', 'Birth Date'], required: false },
  sex: { labels: ['Jenis Kelamin', 'Sex'], required: false },
};

const key = (text: string) => text.toLowerCase().replace(/[\s\u00a0_()]+/g, '');
const FIELD_BY_HEADER = new Map<string, Field>(
  (Object.keys(HEADERS) as Field[]).flatMap((f) => HEADERS[f].labels.map((l) => [key(l), f] as const)),
);

// What employers write in the Mutasi column.
const MUTATIONS = new Map<string, Mutation>([
  ['join', 'join'],
  ['masuk', 'join'],
  ['baru', 'join'],
  ['leave', 'leave'],
  ['keluar', 'leave'],
  ['wagechange', 'wage_change'],
  ['perubahanupah', 'wage_change'],
  ['ubahupah', 'wage_change'],
  ['none', 'none'],
  ['tetap', 'none'],
  ['-', 'none'],
  ['', 'none'],
]);

export function parseMutation(raw: string): Mutation | null {
  return MUTATIONS.get(raw.toLowerCase().replace(/[\s_]+/g, '')) ?? null;
}

type Index = Partial<Record<Field, number>>;

function indexHeaders(cells: readonly (Cell | undefined)[]): Index {
  const index: Index = {};
  cells.forEach((c, col) => {
    const f = FIELD_BY_HEADER.get(key(cellText(c)));
    if (f !== undefined && index[f] === undefined) index[f] = col;
  });
  return index;
}

function buildRow(row: RawRow, index: Index): WageFileRow {
  const cell = (f: Field) => (index[f] === undefined ? undefined : row.cells[index[f]]);
  const text = (f: Field) => cellText(cell(f));
  const nik = text('nik').replace(/[\s\u00a0]/g, '');
  const birth = cell('birthDate');
  const mutationRaw = text('mutation');
  return {
    rowNumber: row.rowNumber,
    nik,
    nikNotText: cell('nik')?.kind === 'number' || looksScientific(nik),
    fullName: collapseSpaces(text('fullName')),
    wageRaw: text('wage'),
    wageRp: parseIncomeRp(cell('wage')),
    mutationRaw,
    mutation: parseMutation(mutationRaw),
    birthRaw: text('birthDate'),
    birthDate: birth?.kind === 'date' ? birth.iso || null : parseDateText(text('birthDate')),
    sex: normaliseSex(text('sex')),
  };
}

async function readSheet(bytes: Uint8Array): Promise<SheetContent> {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return readXlsx(bytes, xlsxLimitsFor(WAGE_FILE_MAX_ROWS));
  const text = bytes[0] === 0x25 ? null : decodeCsvText(bytes); // '%PDF-'
  if (text === null) throw new AppError('FILE_NOT_SPREADSHEET');
  return readCsv(text);
}

/** Reads the whole file or throws; the header is the first row with the most known columns. */
export async function parseWageFile(bytes: Uint8Array) {
  if (bytes.byteLength > WAGE_FILE_LIMIT_BYTES) {
    const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
    throw new AppError('FILE_TOO_LARGE', {
      sizeMb: mb(bytes.byteLength),
      limitMb: mb(WAGE_FILE_LIMIT_BYTES),
    });
  }
  const content = await readSheet(bytes);
  const rows = content.rows.filter((r) => !isEmptyRow(r));
  const indexes = rows.slice(0, 10).map((r) => indexHeaders(r.cells));
  const best = indexes.reduce(
    (b, ix, i) => (Object.keys(ix).length > Object.keys(indexes[b]!).length ? i : b),
    0,
  );
  const index = indexes[best] ?? {};
  const missing = (Object.keys(HEADERS) as Field[]).filter(
    (f) => HEADERS[f].required && index[f] === undefined,
  );
  if (rows.length === 0) throw new AppError('FILE_EMPTY');
  if (missing.length > 0) {
    throw new AppError('FILE_HEADERS_INVALID', {
      missing: missing.map((f) => HEADERS[f].labels[0]).join(', '),
    });
  }
  if (content.formulaCells.length > 0) {
    throw new AppError('FILE_HAS_FORMULAS', { cells: content.formulaCells.slice(0, 5).join(', ') });
  }
  const unclean = uncleanCells(rows);
  if (unclean.length > 0) throw new AppError('FILE_TEXT_INVALID', { cells: unclean.slice(0, 5).join(', ') });
  const data = rows.slice(best + 1);
  if (data.length === 0) throw new AppError('FILE_EMPTY');
  if (data.length > WAGE_FILE_MAX_ROWS) {
    throw new AppError('FILE_TOO_MANY_ROWS', { rows: data.length, limit: WAGE_FILE_MAX_ROWS });
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: data.map((r) => buildRow(r, index)),
  };
}
