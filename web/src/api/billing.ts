import type { BudgetWarning } from './budget.ts';
import { apiRequest, queryString } from './client.ts';

// Billing: runs, invoices, payers and payments (src/http/routes/billing.ts).

export interface Invoice {
  id: number;
  number: string;
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string | null;
  period: string;
  kind: string;
  issuedAt: string;
  dueDate: string;
  totalRp: number;
  paidRp: number;
  lines: number;
}

export interface InvoiceSummaryLine {
  program: string;
  payerRole: string;
  kind: string;
  participants: number;
  amountRp: number;
}

export interface InvoiceDetail {
  invoice: Invoice;
  summary: InvoiceSummaryLine[];
}

export interface BillingRunResult {
  runId: number | null;
  kind: 'regular' | 'adjustment' | null;
  participants: number;
  lines: number;
  totalRp: number;
  invoices: Invoice[];
  /** Payers the run leaves over budget or quota for the year. */
  warnings: BudgetWarning[];
}

export interface Payer {
  id: number;
  kind: string;
  name: string;
  regionCode: string;
  invoicedRp: number;
  paidRp: number;
  balanceRp: number;
}

export interface Balances {
  receivableRp: number;
  invoicedRp: number;
  paidRp: number;
  allocatedRp: number;
}

export interface PaymentInput {
  payerId: number;
  amountRp: number;
  receivedOn: string;
  reference: string;
}

export type InvoiceStatusFilter = 'open' | 'paid';

export const INVOICES_PAGE_SIZE = 100;

export async function listInvoices(filter: {
  period?: string | null;
  status?: InvoiceStatusFilter | null;
  payer?: number | null;
}): Promise<Invoice[]> {
  const { invoices } = await apiRequest<{ invoices: Invoice[] }>(
    'GET',
    `/invoices${queryString({ period: filter.period, status: filter.status, payer: filter.payer, limit: INVOICES_PAGE_SIZE })}`,
  );
  return invoices;
}

export function getInvoice(id: number | string): Promise<InvoiceDetail> {
  return apiRequest<InvoiceDetail>('GET', `/invoices/${encodeURIComponent(String(id))}`);
}

export function runBilling(regencyCode: string, period: string): Promise<BillingRunResult> {
  return apiRequest<BillingRunResult>('POST', '/billing/runs', { regencyCode, period });
}

export async function listPayers(): Promise<Payer[]> {
  return (await apiRequest<{ payers: Payer[] }>('GET', '/payers')).payers;
}

/** Booked once per key: a double tap or a retry after a network error with the same key is a replay. */
export function postPayment(
  input: PaymentInput,
  idempotencyKey: string,
): Promise<{ paymentId: number; replayed: boolean; balances: Balances }> {
  return apiRequest('POST', '/payments', input, { 'Idempotency-Key': idempotencyKey });
}

export function reversePayment(
  paymentId: number,
  reason: string,
): Promise<{ reversalId: number; balances: Balances }> {
  return apiRequest('POST', `/payments/${encodeURIComponent(String(paymentId))}/reverse`, { reason });
}

export function invoicePdfUrl(id: number): string {
  return `/api/v1/invoices/${encodeURIComponent(String(id))}/invoice.pdf`;
}

/** A fresh idempotency key (crypto.randomUUID where the browser has it: only on https/localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type InvoiceState = 'paid' | 'partial' | 'overdue' | 'unpaid';

/** Lunas when paid in full; past the due date with a balance it is overdue, whatever was paid. */
export function invoiceState(
  invoice: Pick<Invoice, 'totalRp' | 'paidRp' | 'dueDate'>,
  today: string,
): InvoiceState {
  if (invoice.paidRp >= invoice.totalRp) return 'paid';
  if (invoice.dueDate < today) return 'overdue';
  return invoice.paidRp > 0 ? 'partial' : 'unpaid';
}
