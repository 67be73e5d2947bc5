import { isCleanText, isPersonName } from '../../hygiene.ts';
import type { ColumnField, ColumnIndex, EnrolmentFileRow } from './columns.ts';
import {
  type Cell,
  cellText,
  collapseSpaces,
  looksScientific,
  normalisePhone,
  normaliseSex,
  parseDateText,
  parseIncomeRp,
} from './values.ts';

/** One sheet row as both readers deliver it: cells by 0-based column. */
export interface RawRow {
  rowNumber: number;
  cells: (Cell | undefined)[];
}

export interface SheetContent {
  rows: RawRow[];
  /** Addresses of cells holding a formula, in sheet order. */
  formulaCells: string[];
}

/** `B3` for column 2 (1-based), row 3. */
export function cellAddress(col: number, rowNumber: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${rowNumber}`;
}

/** Addresses of cells holding NUL or a broken (lone surrogate) character, in sheet order. */
export function uncleanCells(rows: readonly RawRow[]): string[] {
  const found: string[] = [];
  for (const row of rows) {
    row.cells.forEach((cell, col) => {
      if (cell && cell.kind !== 'date' && !isCleanText(cell.text))
        found.push(cellAddress(col + 1, row.rowNumber));
    });
  }
  return found;
}

export function isEmptyRow(row: RawRow): boolean {
  return row.cells.every((cell) => cellText(cell) === '');
}

/** Builds the typed row from the cells under the known headers. */
export function buildRow(row: RawRow, index: ColumnIndex): EnrolmentFileRow {
  const cell = (field: ColumnField): Cell | undefined => {
    const col = index[field];
    return col === undefined ? undefined : row.cells[col];
  };
  const text = (field: ColumnField) => cellText(cell(field));
  const nikCell = cell('nik');
  const nik = text('nik').replace(/[\s\u00a0]/g, '');
  const birth = cell('birthDate');
  const birthDateRaw = text('birthDate');
  const fullName = collapseSpaces(text('fullName'));
  return {
    rowNumber: row.rowNumber,
    nik,
    fullName,
    // "=HYPERLINK(…)" or "<b>" is no one's name: the row is refused (NAME_INVALID).
    nameInvalid: fullName !== '' && !isPersonName(fullName),
    birthDateRaw,
    birthDate: birth?.kind === 'date' ? birth.iso || null : parseDateText(birthDateRaw),
    sex: normaliseSex(text('sex')),
    occupation: collapseSpaces(text('occupation')),
    phone: normalisePhone(text('phone')),
    address: collapseSpaces(text('address')),
    villageCode: text('villageCode'),
    incomeRaw: text('incomeRaw'),
    declaredIncomeRp: parseIncomeRp(cell('incomeRaw')),
    // A CSV that Excel opened and saved carries the same damage as a number cell.
    nikNotText: nikCell?.kind === 'number' || looksScientific(nik),
  };
}
