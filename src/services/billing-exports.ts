// Billing exports as CSV or XLSX: the invoices in the caller's scope, the payers with invoiced,
// paid and balance, and the lines of one invoice. Names in the lines export are masked unless the
// caller's role sees personal data (those who enter or pay for the person).
import { invoiceLinesWithParticipants, listInvoicesInScope, listPayersInScope } from '../db/invoices.ts';
import { AppError } from '../errors.ts';
import { maskName } from '../privacy/mask.ts';
import { requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { INVOICE_COLUMNS, LINE_COLUMNS, PAYER_COLUMNS } from './exports/billing-tables.ts';
import { toCsv } from './exports/csv.ts';
import {
  CONTENT_TYPES,
  type CsvSeparator,
  type ExportFile,
  type ExportFormat,
  type ExportTable,
} from './exports/table.ts';
import { toXlsx } from './exports/xlsx.ts';
import { invoiceFileStem } from './invoice-pdf.ts';

/** More invoices than this in one export is refused (EXPORT_TOO_LARGE), never cut silently. */
export const EXPORT_ROWS_MAX = 50_000;

export interface ExportOptions {
  format: ExportFormat;
  /** CSV only: ';' for Excel set to Indonesian. */
  separator?: CsvSeparator;
}

export interface InvoiceExportFilter {
  payerId?: number | null;
  period?: string | null;
  status?: 'open' | 'paid' | null;
}

function requireRead(actor: Actor): void {
  requirePermission(actor, 'billing.read');
}

async function render<T>(
  deps: Deps,
  table: ExportTable<T>,
  stem: string,
  opts: ExportOptions,
): Promise<ExportFile> {
  const body =
    opts.format === 'xlsx' ? await toXlsx(table, deps.clock.now()) : toCsv(table, opts.separator ?? 'comma');
  return { body, contentType: CONTENT_TYPES[opts.format], fileName: `${stem}.${opts.format}` };
}

/** Invoices of the payers in scope, newest due date first, with the same filters as the list. */
export async function exportInvoices(
  deps: Deps,
  actor: Actor,
  filter: InvoiceExportFilter,
  opts: ExportOptions,
): Promise<ExportFile> {
  requireRead(actor);
  const rows = await listInvoicesInScope(deps.db, {
    scopes: actor.regionScopes,
    ...filter,
    limit: EXPORT_ROWS_MAX + 1,
  });
  if (rows.length > EXPORT_ROWS_MAX) throw new AppError('EXPORT_TOO_LARGE', { max: EXPORT_ROWS_MAX });
  const stem = ['tagihan', filter.period, filter.status].filter(Boolean).join('-');
  return render(deps, { sheet: 'Tagihan', columns: INVOICE_COLUMNS, rows, totalLabel: 'Jumlah' }, stem, opts);
}

/** Payers in scope with what was invoiced, what they paid and their balance (from the ledger). */
export async function exportPayers(deps: Deps, actor: Actor, opts: ExportOptions): Promise<ExportFile> {
  requireRead(actor);
  const rows = await listPayersInScope(deps.db, actor.regionScopes);
  return render(
    deps,
    { sheet: 'Pembayar', columns: PAYER_COLUMNS, rows, totalLabel: 'Jumlah' },
    'pembayar',
    opts,
  );
}

/** The lines of one invoice in scope (404 outside it), one per participant × programme. */
export async function exportInvoiceLines(
  deps: Deps,
  actor: Actor,
  invoiceId: number,
  opts: ExportOptions,
): Promise<ExportFile> {
  requireRead(actor);
  const invoice = await requireInScope(deps.db, actor, 'invoice', invoiceId);
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  const rows = (await invoiceLinesWithParticipants(deps.db, invoiceId)).map((r) =>
    unmasked || r.fullName === null ? r : { ...r, fullName: maskName(r.fullName) },
  );
  return render(
    deps,
    { sheet: 'Rincian tagihan', columns: LINE_COLUMNS, rows, totalLabel: 'Jumlah' },
    `rincian-${invoiceFileStem(invoice.number)}`,
    opts,
  );
}
