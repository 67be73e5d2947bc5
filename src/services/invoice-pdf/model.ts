// What an invoice PDF shows, built from the invoice, its summary and the payer's region: counts
// and totals only, never a participant's name or number.
import type { InvoiceRow } from '../../db/invoices.ts';
import type { RegionRow } from '../../db/regions.ts';
import { regencyTitle } from '../card-pdf/card-text.ts';
import { bulanTahun, formatWita, tanggal } from '../tanggal-id.ts';
import { terbilangRupiah } from '../terbilang.ts';
import {
  ISSUER,
  LINE_KIND_NAMES,
  label,
  PAYER_KIND_NAMES,
  PAYER_ROLE_NAMES,
  PROGRAM_NAMES,
  witaDate,
} from './labels.ts';

/** Where payers transfer to; the adapter passes it in from configuration. */
export interface BankAccount {
  bankName: string;
  accountNumber: string;
  accountName: string;
}

export const PLACEHOLDER_BANK: BankAccount = {
  bankName: 'Bank (belum diatur / not configured)',
  accountNumber: '000-000-0000',
  accountName: `${ISSUER.name} ${ISSUER.office}`,
};

export interface SummaryRow {
  program: string;
  payerRole: string;
  kind: string;
  participants: number;
  amountRp: number;
}

export interface InvoiceLineView {
  description: string;
  role: string;
  /** null for late fees: they are charged on an earlier invoice, not on a person. */
  participants: number | null;
  amountRp: number;
}

export interface InvoiceView {
  number: string;
  payerName: string;
  payerKind: string;
  regionLine: string;
  period: string;
  issueDate: string;
  dueDate: string;
  lines: InvoiceLineView[];
  totalRp: number;
  totalWords: string;
  paidRp: number;
  balanceRp: number;
  bank: BankAccount;
  generatedAt: string;
}

const KIND_ORDER = ['contribution', 'adjustment', 'late_fee'];

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "Desa Kewar, Kecamatan Lamaknen, Kabupaten Belu" from the region and its ancestors. */
export function regionLine(chain: readonly RegionRow[]): string {
  return chain
    .filter((r) => r.level !== 'province')
    .reverse()
    .map((r) => {
      if (r.level === 'village')
        return `${r.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${titleCase(r.name)}`;
      if (r.level === 'district') return `Kecamatan ${titleCase(r.name)}`;
      return regencyTitle(r.name);
    })
    .join(', ');
}

/** "Iuran JKK (Jaminan Kecelakaan Kerja)", "Penyesuaian JKM (Jaminan Kematian)", "Denda keterlambatan". */
function describe(row: SummaryRow): string {
  const kind = label(LINE_KIND_NAMES, row.kind);
  const programme = PROGRAM_NAMES[row.program];
  // Late fees carry a placeholder programme ('DENDA'): the kind says it all.
  if (!programme) return row.kind === 'late_fee' ? kind : `${kind} ${row.program}`;
  return `${kind} ${row.program} (${programme})`;
}

/** Contributions first, then adjustments, then late fees, each by programme and payer role. */
export function invoiceLines(summary: readonly SummaryRow[]): InvoiceLineView[] {
  const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
  return [...summary]
    .sort(
      (a, b) =>
        rank(a.kind) - rank(b.kind) ||
        a.program.localeCompare(b.program) ||
        a.payerRole.localeCompare(b.payerRole),
    )
    .map((row) => ({
      description: describe(row),
      role: label(PAYER_ROLE_NAMES, row.payerRole),
      participants: row.kind === 'late_fee' ? null : row.participants,
      amountRp: row.amountRp,
    }));
}

export function invoiceView(a: {
  invoice: InvoiceRow;
  summary: readonly SummaryRow[];
  regionChain: readonly RegionRow[];
  bank: BankAccount;
  now: string;
}): InvoiceView {
  const inv = a.invoice;
  return {
    number: inv.number,
    payerName: inv.payerName,
    payerKind: label(PAYER_KIND_NAMES, inv.payerKind),
    regionLine: regionLine(a.regionChain),
    period: bulanTahun(inv.period),
    issueDate: tanggal(witaDate(inv.issuedAt)),
    dueDate: tanggal(inv.dueDate),
    lines: invoiceLines(a.summary),
    totalRp: inv.totalRp,
    totalWords: terbilangRupiah(inv.totalRp),
    paidRp: inv.paidRp,
    balanceRp: inv.totalRp - inv.paidRp,
    bank: a.bank,
    generatedAt: formatWita(a.now),
  };
}
