// A report as one workbook, a sheet per table, formatted as src/services/exports/xlsx.ts formats
// a single table: bold frozen header, autofilter, id-ID number formats (#,##0 shows 201.600 in an
// Indonesian Excel), real dates, and a totals row of SUM formulas. Above each table's header
// nothing is added, so every sheet reads back as a plain table.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { styleHeader } from '../enrolment-file/styles.ts';
import { type CellKind, columnTotal, type ExportTable } from '../exports/table.ts';
import { columnLetter, excelSerial } from '../exports/xlsx.ts';
import type { ReportDocument } from './report-table.ts';

const NUM_FMT: Record<CellKind, string> = { text: '@', int: '#,##0', rupiah: '#,##0', date: 'dd/mm/yyyy' };

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ExportTable<unknown>): void {
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: { numFmt: NUM_FMT[c.kind] } }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  styleHeader(header);
  header.commit();
  for (const row of table.rows) {
    const values = table.columns.map((c) => {
      const v = c.value(row);
      return c.kind === 'date' && typeof v === 'string' ? excelSerial(v) : v;
    });
    sheet.addRow(values).commit();
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1 + table.rows.length, column: table.columns.length },
  };
  if (table.columns.some((c) => c.total)) {
    const last = table.rows.length + 1;
    const totals = table.columns.map((c, i): ExcelJS.CellValue => {
      if (!c.total) return null;
      const result = columnTotal(c, table.rows);
      if (table.rows.length === 0) return result;
      const col = columnLetter(i + 1);
      return { formula: `SUM(${col}2:${col}${last})`, result };
    });
    if (!table.columns[0]?.total) totals[0] = table.totalLabel ?? 'Jumlah';
    const row = sheet.addRow(totals);
    row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
}

export async function reportXlsx(doc: ReportDocument, tables: ReportDocument['tables']): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'lindung';
  workbook.title = `${doc.title} · ${doc.regencyName} · ${doc.periodLine}`;
  workbook.created = new Date(doc.generatedAt);
  workbook.modified = new Date(doc.generatedAt);
  // No line above a sheet's header (each reads back as a plain table): the replica note is a property.
  if (doc.dataNote) workbook.subject = doc.dataNote;
  for (const t of tables) addSheet(workbook, t.table);
  await workbook.commit();
  return Buffer.concat(chunks);
}
