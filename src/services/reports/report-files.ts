// A report in the format asked for: CSV (one table, `table=` by name, else the first listed),
// XLSX (every table a sheet, or the one named) or PDF (A4, every table or the one named).
import { AppError } from '../../errors.ts';
import { toCsv } from '../exports/csv.ts';
import { CONTENT_TYPES, type CsvSeparator, type ExportFile } from '../exports/table.ts';
import { reportPdf } from './report-pdf.ts';
import type { ReportDocument } from './report-table.ts';
import { reportXlsx } from './report-xlsx.ts';

export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ReportFileOptions {
  format: ReportFormat;
  table?: string | null;
  separator?: CsvSeparator;
}

export async function reportFile(doc: ReportDocument, o: ReportFileOptions): Promise<ExportFile> {
  const chosen = o.table
    ? doc.tables.filter((t) => t.name === o.table)
    : o.format === 'csv'
      ? doc.tables.slice(0, 1)
      : doc.tables.filter((t) => !t.onlyByName);
  if (!chosen.length) {
    const names = doc.tables.map((t) => t.name).join(', ');
    throw new AppError('VALIDATION_FAILED', { detail: `table: one of ${names}` });
  }
  const stem = o.table ? `${doc.stem}-${o.table}` : doc.stem;
  if (o.format === 'csv') {
    return {
      body: toCsv(chosen[0]!.table, o.separator ?? 'comma'),
      contentType: CONTENT_TYPES.csv,
      fileName: `${stem}.csv`,
    };
  }
  if (o.format === 'xlsx') {
    return { body: await reportXlsx(doc, chosen), contentType: CONTENT_TYPES.xlsx, fileName: `${stem}.xlsx` };
  }
  return { body: await reportPdf(doc, chosen), contentType: 'application/pdf', fileName: `${stem}.pdf` };
}
