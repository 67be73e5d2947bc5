// A table to export: typed columns over rows, written as CSV or XLSX by the writers beside it.

export type CellKind = 'text' | 'int' | 'rupiah' | 'date';
export type Cell = string | number | null;

export interface ExportColumn<T> {
  /** Heading in Bahasa Indonesia. */
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX). */
  width: number;
  value: (row: T) => Cell;
  /** Summed in the totals row (XLSX: a SUM formula). */
  total?: boolean;
}

export interface ExportTable<T> {
  /** Worksheet name (at most 31 characters). */
  sheet: string;
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
  /** Text in the first column of the totals row (XLSX). */
  totalLabel?: string;
}

export type ExportFormat = 'csv' | 'xlsx';
export type CsvSeparator = 'comma' | 'semicolon';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The sum of a column over the rows (integers only: money is integer rupiah). */
export function columnTotal<T>(column: ExportColumn<T>, rows: readonly T[]): number {
  let sum = 0;
  for (const row of rows) {
    const v = column.value(row);
    if (typeof v === 'number') sum += v;
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError(`total of ${column.header} exceeds the safe range`);
  return sum;
}
