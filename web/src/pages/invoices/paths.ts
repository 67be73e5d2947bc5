import type { Invoice } from '../../api/billing.ts';

export const INVOICES_PATH = '/tagihan';

export function invoicePath(id: Invoice['id']): string {
  return `${INVOICES_PATH}/${encodeURIComponent(String(id))}`;
}
