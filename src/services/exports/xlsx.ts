// XLSX with exceljs's streaming writer: a bold frozen header, an autofilter over the data,
// rupiah as whole numbers with a thousands separator (#,##0 shows 201.600 in an Indonesian
// Excel), dates as real dates, and a totals row whose sums are formulas.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { styleHeader } from '../enrolment-file/styles.ts';
import { type CellKind, columnTotal, type ExportColumn, type ExportTable } from './table.ts';

const NUM_FMT: Record<CellKind, string> = {
  text: '@',
  int: '#,##0',
  rupiah: '#,##0',
  date: 'dd/mm/yyyy',
};

/** 'YYYY-MM-DD' → the Excel serial day number (days since 1899-12-30), no time zone involved. */
export function excelSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "A", "B", … "AA" for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellValue<T>(column: ExportColumn<T>, row: T): ExcelJS.CellValue {
  const v = column.value(row);
  if (v === null) return null;
  if (column.kind === 'date' && typeof v === 'string') return excelSerial(v);
  return v;
}

function addTotals<T>(sheet: ExcelJS.Worksheet, table: ExportTable<T>): void {
  const last = table.rows.length + 1;
  const values = table.columns.map((c, i): ExcelJS.CellValue => {
    if (!c.total) return null;
    const result = columnTotal(c, table.rows);
    // With no data rows the range would reach the header and the totals cell itself.
    if (table.rows.length === 0) return result;
    const col = columnLetter(i + 1);
    return { formula: `SUM(${col}2:${col}${last})`, result };
  });
  if (!table.columns[0]?.total) values[0] = table.totalLabel ?? 'Jumlah';
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.commit();
}

/** The table as one worksheet; `createdAt` (the caller's clock) is stored as the file's dates. */
export async function toXlsx<T>(table: ExportTable<T>, createdAt: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'lindung';
  workbook.created = new Date(createdAt);
  workbook.modified = new Date(createdAt);
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: { numFmt: NUM_FMT[c.kind] } }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  styleHeader(header);
  header.commit();
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => cellValue(c, row))).commit();
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + table.rows.length, column: table.columns.length },
  };
  if (table.columns.some((c) => c.total)) addTotals(sheet, table);
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
