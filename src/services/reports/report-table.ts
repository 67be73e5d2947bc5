// A report as files: its tables (each an ExportTable of src/services/exports) with a title for
// the PDF and the XLSX sheet, and the heading every file carries (district, period, generated).
import type { ExportTable } from '../exports/table.ts';

export interface ReportTable<T = unknown> {
  /** The `table=` name of the CSV (areas, trends, …). */
  name: string;
  title: string;
  table: ExportTable<T>;
  /** Only when asked for by name (the combined areas: the split sheets hold the same rows). */
  onlyByName?: boolean;
}

export interface ReportDocument {
  /** File name without extension, e.g. laporan-cabang-53.04-2023-01-01-2023-05-22. */
  stem: string;
  title: string;
  /** The district (regency) the report is about. */
  regencyName: string;
  /** "1 Januari 2023 s.d. 22 Mei 2023", "per 22 Mei 2023", "Tahun 2026". */
  periodLine: string;
  /** Lines printed under the heading of the PDF (figures that are not a table). */
  notes: string[];
  tables: ReportTable[];
  /** ISO instant of the caller's clock. */
  generatedAt: string;
  /** Figures read on a replica: how stale (report-reads.ts freshnessNote), in the PDF footer. */
  dataNote?: string | null;
}

/** A typed table as the untyped list the writers take. */
export function reportTable<T>(
  name: string,
  title: string,
  table: ExportTable<T>,
  opts: { onlyByName?: boolean } = {},
): ReportTable {
  return { name, title, table: table as unknown as ExportTable<unknown>, ...opts };
}

/** A percentage as printed in reports: two decimals with the Indonesian decimal comma (12,34). */
export function percentId(percent: number): string {
  return percent.toFixed(2).replace('.', ',');
}
