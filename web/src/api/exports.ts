import type { MessageKey } from '../i18n/id.ts';
import { queryString } from './client.ts';

// Billing downloads (src/http/routes/billing-exports.ts): plain links, the browser saves the file.

export type ExportFormat = 'csv' | 'xlsx';

interface InvoiceExport {
  format: ExportFormat;
  label: MessageKey;
  url: (filter: { period: string | null; status: 'open' | 'paid' | null }) => string;
}

export const BILLING_EXPORTS: readonly InvoiceExport[] = (['xlsx', 'csv'] as const).map(
  (format): InvoiceExport => ({
    format,
    label: format === 'xlsx' ? 'export.xlsx' : 'export.csv',
    url: (filter) =>
      `/api/v1/invoices.${format}${queryString({ period: filter.period, status: filter.status })}`,
  }),
);

export function payersExportUrl(format: ExportFormat): string {
  return `/api/v1/payers.${format}`;
}

export function invoiceLinesExportUrl(id: number, format: ExportFormat): string {
  return `/api/v1/invoices/${encodeURIComponent(String(id))}/lines.${format}`;
}
