// The columns of the billing exports, headed in Bahasa Indonesia.
import type { InvoiceLineRow, InvoiceRow } from '../../db/invoices.ts';
import {
  INVOICE_KIND_NAMES,
  invoiceStatus,
  LINE_KIND_NAMES,
  label,
  PAYER_KIND_NAMES,
  PAYER_ROLE_NAMES,
  STATUS_NAMES,
  witaDate,
} from '../invoice-pdf/labels.ts';
import type { ExportColumn } from './table.ts';

export interface PayerBalanceRow {
  id: number;
  kind: string;
  name: string;
  regionCode: string;
  invoicedRp: number;
  paidRp: number;
  balanceRp: number;
}

export const INVOICE_COLUMNS: readonly ExportColumn<InvoiceRow>[] = [
  { header: 'Nomor tagihan', kind: 'text', width: 28, value: (r) => r.number },
  { header: 'Pembayar', kind: 'text', width: 30, value: (r) => r.payerName },
  { header: 'Jenis pembayar', kind: 'text', width: 20, value: (r) => label(PAYER_KIND_NAMES, r.payerKind) },
  { header: 'Kode wilayah', kind: 'text', width: 15, value: (r) => r.payerRegion },
  { header: 'Periode', kind: 'text', width: 10, value: (r) => r.period },
  { header: 'Jenis tagihan', kind: 'text', width: 14, value: (r) => label(INVOICE_KIND_NAMES, r.kind) },
  { header: 'Tanggal terbit', kind: 'date', width: 13, value: (r) => witaDate(r.issuedAt) },
  { header: 'Jatuh tempo', kind: 'date', width: 13, value: (r) => r.dueDate },
  { header: 'Jumlah baris', kind: 'int', width: 12, value: (r) => r.lines, total: true },
  { header: 'Tagihan (Rp)', kind: 'rupiah', width: 16, value: (r) => r.totalRp, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 16, value: (r) => r.paidRp, total: true },
  { header: 'Sisa (Rp)', kind: 'rupiah', width: 16, value: (r) => r.totalRp - r.paidRp, total: true },
  { header: 'Status', kind: 'text', width: 12, value: (r) => STATUS_NAMES[invoiceStatus(r)] },
];

export const PAYER_COLUMNS: readonly ExportColumn<PayerBalanceRow>[] = [
  { header: 'Pembayar', kind: 'text', width: 32, value: (r) => r.name },
  { header: 'Jenis pembayar', kind: 'text', width: 20, value: (r) => label(PAYER_KIND_NAMES, r.kind) },
  { header: 'Kode wilayah', kind: 'text', width: 15, value: (r) => r.regionCode },
  { header: 'Ditagihkan (Rp)', kind: 'rupiah', width: 17, value: (r) => r.invoicedRp, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 17, value: (r) => r.paidRp, total: true },
  { header: 'Saldo (Rp)', kind: 'rupiah', width: 17, value: (r) => r.balanceRp, total: true },
];

/** Lines with the participant's name already masked (or not) by the service. */
export const LINE_COLUMNS: readonly ExportColumn<InvoiceLineRow>[] = [
  { header: 'KPJ', kind: 'text', width: 14, value: (r) => r.kpj },
  { header: 'Nama peserta', kind: 'text', width: 28, value: (r) => r.fullName },
  { header: 'Program', kind: 'text', width: 9, value: (r) => r.program },
  { header: 'Penanggung', kind: 'text', width: 14, value: (r) => label(PAYER_ROLE_NAMES, r.payerRole) },
  { header: 'Jenis', kind: 'text', width: 20, value: (r) => label(LINE_KIND_NAMES, r.kind) },
  { header: 'Periode', kind: 'text', width: 10, value: (r) => r.period },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 14, value: (r) => r.amountRp, total: true },
  { header: 'Dasar perhitungan', kind: 'text', width: 48, value: (r) => r.basis },
  { header: 'Tagihan asal (denda)', kind: 'text', width: 28, value: (r) => r.sourceInvoice },
];
