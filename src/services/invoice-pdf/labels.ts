// The words invoices and billing exports print, in Bahasa Indonesia (English where a second
// line is shown). Numbers are formatted by hand so documents do not depend on Node's ICU data.
import { formatRp } from '../../rules/format.ts';
import { PROGRAM_NAMES } from '../card-pdf/card-text.ts';

export { PROGRAM_NAMES };

export const ISSUER = {
  name: 'BPJS Ketenagakerjaan',
  office: 'Kantor Cabang Belu Atambua',
} as const;

export const PAYER_KIND_NAMES: Record<string, string> = {
  regency: 'Pemerintah kabupaten',
  village: 'Pemerintah desa',
  employer: 'Pemberi kerja',
  self: 'Peserta mandiri',
  csr: 'CSR',
};

/** Who carries the contribution of a line (payer_role). */
export const PAYER_ROLE_NAMES: Record<string, string> = {
  participant: 'Peserta',
  worker: 'Pekerja',
  employer: 'Pemberi kerja',
};

export const INVOICE_KIND_NAMES: Record<string, string> = {
  regular: 'Reguler',
  adjustment: 'Penyesuaian',
};

export const LINE_KIND_NAMES: Record<string, string> = {
  contribution: 'Iuran',
  adjustment: 'Penyesuaian',
  late_fee: 'Denda keterlambatan',
};

export const label = (names: Record<string, string>, key: string): string => names[key] ?? key;

/** 201600 → "201.600"; -16800 → "-16.800". */
export function ribuan(n: number): string {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${digits}` : digits;
}

/** 28700000000 → "Rp 28.700.000.000"; a credit as "-Rp 16.800" (rules/format.ts, the one format). */
export const rupiah = formatRp;

/** NTT keeps WITA (UTC+8): the calendar date of an instant there, as YYYY-MM-DD. */
export function witaDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 'paid' once the allocations cover the total, else 'open' (as the invoice list filters). */
export function invoiceStatus(inv: { totalRp: number; paidRp: number }): 'paid' | 'open' {
  return inv.paidRp >= inv.totalRp ? 'paid' : 'open';
}

export const STATUS_NAMES = { paid: 'Lunas', open: 'Belum lunas' } as const;
