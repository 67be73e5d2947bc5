import { type Answer, api, type Body, call, type Query, type Schema } from './client.ts';

// Billing: runs, invoices, payers and payments (src/http/routes/billing.ts).

export type Invoice = Schema<'Invoice'>;
export type PaymentInput = Body<'/api/v1/payments'>;
export type InvoiceDetail = Answer<'/api/v1/invoices/{id}'>;
export type InvoiceStatusFilter = NonNullable<Query<'/api/v1/invoices'>['status']>;
export type BillingRunResult = Answer<'/api/v1/billing/runs', 'post'>;
export type Payer = Answer<'/api/v1/payers'>['payers'][number];
export type Balances = Answer<'/api/v1/payments', 'post'>['balances'];

export const INVOICES_PAGE_SIZE = 100;

/** A page of invoices with the total over all pages; `cursor` is the previous page's nextCursor. */
export function listInvoices(filter: {
  period?: string | null;
  status?: Query<'/api/v1/invoices'>['status'] | null;
  payer?: number | null;
  cursor?: string | null;
}) {
  const query = {
    period: filter.period ?? undefined,
    status: filter.status ?? undefined,
    payer: filter.payer ?? undefined,
    limit: INVOICES_PAGE_SIZE,
    cursor: filter.cursor ?? undefined,
  };
  return call(api.GET('/api/v1/invoices', { params: { query } }));
}

export function getInvoice(id: number | string) {
  return call(api.GET('/api/v1/invoices/{id}', { params: { path: { id: Number(id) } } }));
}

export function runBilling(regencyCode: string, period: string) {
  return call(api.POST('/api/v1/billing/runs', { body: { regencyCode, period } }));
}

export async function listPayers() {
  return (await call(api.GET('/api/v1/payers'))).payers;
}

/** Booked once per key: a double tap or a retry after a network error with the same key is a replay. */
export function postPayment(input: PaymentInput, idempotencyKey: string) {
  return call(
    api.POST('/api/v1/payments', { body: input, params: { header: { 'idempotency-key': idempotencyKey } } }),
  );
}

export function reversePayment(paymentId: number, reason: string) {
  return call(
    api.POST('/api/v1/payments/{id}/reverse', { params: { path: { id: paymentId } }, body: { reason } }),
  );
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
