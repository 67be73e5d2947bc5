import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';
import { cellAddress, type RawRow, type SheetContent } from './row.ts';
import { type Cell, isoFromExcelDate, numberText } from './values.ts';

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

// Parts of a sheet the parser never looks at; skipping them keeps a filled template (whose
// validations cover 200,000 rows) fast to load.
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'legacyDrawing'];

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // exceljs's types name an older Buffer than @types/node's; the runtime takes any Buffer.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    // A zip that is not a workbook (docx, ods, a broken download).
    throw new AppError('FILE_NOT_SPREADSHEET');
  }
  return workbook;
}

function isFormula(value: object): boolean {
  return 'formula' in value || 'sharedFormula' in value;
}

/** Text of rich-text, hyperlink and formula-result objects. */
function objectText(value: object): string {
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: string }) => run.text ?? '').join('');
  }
  if ('text' in value)
    return typeof value.text === 'object' && value.text ? objectText(value.text) : String(value.text);
  if ('result' in value) return value.result === undefined ? '' : String(value.result);
  if ('error' in value) return String(value.error);
  return '';
}

function toCell(value: ExcelJS.CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value, text: numberText(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', iso: isoFromExcelDate(value) };
  return { kind: 'text', text: objectText(value) };
}

/** Reads the sheet `Peserta`, else the first sheet, into plain rows. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetContent> {
  const workbook = await loadWorkbook(bytes);
  const sheet = workbook.getWorksheet('Peserta') ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('FILE_NOT_SPREADSHEET');
  const rows: RawRow[] = [];
  const formulaCells: string[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: (Cell | undefined)[] = [];
    // row.values is 1-based and sparse.
    for (let col = 1; col < values.length; col++) {
      const value = values[col];
      if (value && typeof value === 'object' && !(value instanceof Date) && isFormula(value)) {
        formulaCells.push(cellAddress(col, rowNumber));
      }
      cells[col - 1] = toCell(value);
    }
    rows.push({ rowNumber, cells });
  });
  return { rows, formulaCells };
}
