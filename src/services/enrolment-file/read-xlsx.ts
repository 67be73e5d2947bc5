// Reads the one sheet an upload is about, streaming: each part is unpacked and parsed piece by
// piece, and the caps of xlsx-limits.ts are checked on every piece, so a zip bomb is refused within
// the first megabytes it unpacks (issue 14, B2). exceljs's reader built every cell of a workbook
// before any limit could be checked.
import type yauzl from 'yauzl';
import { AppError } from '../../errors.ts';
import { cellAddress, type RawRow, type SheetContent } from './row.ts';
import { type Cell, isoFromExcelDate, numberText } from './values.ts';
import { claim, openZip, readXml, tooMuch, type XlsxLimits, type Zip } from './xlsx-limits.ts';
import { readStyles } from './xlsx-styles.ts';

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

interface Workbook {
  sheetPath: string;
  sharedStringsPath: string | null;
  stylesPath: string | null;
  date1904: boolean;
}

const REL_SHEET = /\/worksheet$/;
const REL_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

function resolvePart(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function part(zip: Zip, path: string | null): yauzl.Entry | null {
  return path === null ? null : (zip.entries.get(path) ?? null);
}

/** workbook.xml and its relationships: the sheet `Peserta`, else the first, and the parts beside it. */
async function readWorkbook(zip: Zip, limits: XlsxLimits): Promise<Workbook> {
  const book = part(zip, 'xl/workbook.xml');
  const rels = part(zip, 'xl/_rels/workbook.xml.rels');
  if (!book || !rels) throw new AppError('FILE_NOT_SPREADSHEET');
  claim(zip, [book, rels], limits.maxUncompressedBytes);
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  await readXml(zip, book, {
    open(tag) {
      if (tag.name === 'sheet')
        sheets.push({ name: tag.attributes.name ?? '', rid: tag.attributes['r:id'] ?? '' });
      if (tag.name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
    },
    text() {},
    close() {},
  });
  const targets = new Map<string, { type: string; target: string }>();
  await readXml(zip, rels, {
    open(tag) {
      if (tag.name === 'Relationship')
        targets.set(tag.attributes.Id ?? '', {
          type: tag.attributes.Type ?? '',
          target: tag.attributes.Target ?? '',
        });
    },
    text() {},
    close() {},
  });
  const chosen = sheets.find((s) => s.name === 'Peserta') ?? sheets[0];
  const sheet = chosen && targets.get(chosen.rid);
  if (!sheet || !REL_SHEET.test(sheet.type)) throw new AppError('FILE_NOT_SPREADSHEET');
  const byType = (re: RegExp) => {
    const rel = [...targets.values()].find((t) => re.test(t.type));
    return rel ? resolvePart(rel.target) : null;
  };
  return {
    sheetPath: resolvePart(sheet.target),
    sharedStringsPath: byType(REL_STRINGS),
    stylesPath: byType(REL_STYLES),
    date1904,
  };
}

/** The shared-string table: plain and rich text as one string each (phonetic runs left out). */
async function readSharedStrings(zip: Zip, entry: yauzl.Entry, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let text = '';
  let inPhonetic = false;
  let inText = false;
  await readXml(zip, entry, {
    open(tag) {
      if (tag.name === 'si') text = '';
      else if (tag.name === 'rPh') inPhonetic = true;
      else if (tag.name === 't') inText = !inPhonetic;
    },
    text(t) {
      if (inText) text += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings)
          throw tooMuch('shared strings', limits.maxSharedStrings);
        strings.push(text);
      }
    },
  });
  return strings;
}

/** exceljs's serial-to-date (1900 system, or 1904), as the reader had it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface CellContext {
  strings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

interface RawCell {
  type: string;
  style: number;
  value: string | null;
  inline: string | null;
}

function toCell(c: RawCell, ctx: CellContext): Cell | undefined {
  if (c.type === 'inlineStr') return c.inline === null ? undefined : { kind: 'text', text: c.inline };
  if (c.value === null) return undefined;
  switch (c.type) {
    case 's': {
      const text = ctx.strings[Number.parseInt(c.value, 10)];
      return text === undefined ? undefined : { kind: 'text', text };
    }
    case 'str':
    case 'e':
      return { kind: 'text', text: c.value };
    case 'b':
      return { kind: 'text', text: Number.parseInt(c.value, 10) !== 0 ? 'TRUE' : 'FALSE' };
    default: {
      const value = Number.parseFloat(c.value);
      if (ctx.dateStyles.has(c.style))
        return { kind: 'date', iso: isoFromExcelDate(excelDate(value, ctx.date1904)) };
      return { kind: 'number', value, text: numberText(value) };
    }
  }
}

const COLUMN_LETTERS = /^([A-Z]{1,3})\d*$/;
// Columns past this one hold nothing an upload reads; a value there is refused rather than kept
// (each row's cells are an array as long as its last column).
const MAX_COLUMN = 256;

function columnOf(ref: string | undefined, previous: number): number {
  const m = ref?.match(COLUMN_LETTERS) ?? null;
  if (!m) return previous + 1;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** The sheet's rows that hold a value, counting rows and cells as they come. */
async function readSheet(
  zip: Zip,
  entry: yauzl.Entry,
  ctx: CellContext,
  limits: XlsxLimits,
): Promise<SheetContent> {
  const rows: RawRow[] = [];
  const formulaCells: string[] = [];
  let row: RawRow | null = null;
  let rowNumber = 0;
  let rowElements = 0;
  let cellCount = 0;
  let col = 0;
  let inCell = false;
  let formula = false;
  const cell: RawCell = { type: 'n', style: 0, value: null, inline: null };
  let capture: 'value' | 'inline' | null = null;
  await readXml(zip, entry, {
    open(tag) {
      const a = tag.attributes;
      if (tag.name === 'c') {
        if (++cellCount > limits.maxCells) throw tooMuch('cells', limits.maxCells);
        col = columnOf(a.r, col);
        inCell = true;
        formula = false;
        cell.type = a.t ?? 'n';
        cell.style = a.s ? Number.parseInt(a.s, 10) : 0;
        cell.value = null;
        cell.inline = null;
      } else if (tag.name === 'row') {
        if (++rowElements > limits.maxRowElements) throw tooMuch('rows', limits.maxRowElements);
        const r = a.r ? Number.parseInt(a.r, 10) : Number.NaN;
        rowNumber = Number.isFinite(r) ? r : rowNumber + 1;
        row = null;
        col = 0;
      } else if (inCell) {
        if (tag.name === 'f') formula = true;
        else if (tag.name === 'v') capture = 'value';
        else if (tag.name === 't' && cell.type === 'inlineStr') capture = 'inline';
      }
    },
    text(t) {
      if (capture === 'value') cell.value = (cell.value ?? '') + t;
      else if (capture === 'inline') cell.inline = (cell.inline ?? '') + t;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'c' && inCell) {
        inCell = false;
        if (formula) formulaCells.push(cellAddress(col, rowNumber));
        const value = toCell(cell, ctx);
        if (value === undefined) return;
        if (col > MAX_COLUMN) throw tooMuch('columns', MAX_COLUMN);
        if (!row) {
          row = { rowNumber, cells: [] };
          rows.push(row);
        }
        row.cells[col - 1] = value;
      }
    },
  });
  return { rows, formulaCells };
}

/** Reads the sheet `Peserta`, else the first sheet, into plain rows, within `limits`. */
export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits): Promise<SheetContent> {
  const zip = await openZip(bytes, limits);
  try {
    const book = await readWorkbook(zip, limits);
    const sheet = part(zip, book.sheetPath);
    if (!sheet) throw new AppError('FILE_NOT_SPREADSHEET');
    const strings = part(zip, book.sharedStringsPath);
    const styles = part(zip, book.stylesPath);
    // Every part's declared size is claimed before any is unpacked.
    claim(
      zip,
      [sheet, ...(strings ? [strings] : []), ...(styles ? [styles] : [])],
      limits.maxUncompressedBytes,
    );
    const ctx: CellContext = {
      strings: strings ? await readSharedStrings(zip, strings, limits) : [],
      dateStyles: styles ? await readStyles(zip, styles) : new Set(),
      date1904: book.date1904,
    };
    return await readSheet(zip, sheet, ctx, limits);
  } finally {
    zip.file.close();
  }
}
