import { type Invoice, invoiceState } from '../api/billing.ts';
import { todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Lunas / Sebagian / Belum dibayar / Lewat jatuh tempo, from the amounts and today's date (WITA). */
export function InvoiceStatusBadge({
  invoice,
}: {
  invoice: Pick<Invoice, 'totalRp' | 'paidRp' | 'dueDate'>;
}) {
  const { t } = useI18n();
  const state = invoiceState(invoice, todayWita());
  return <span className={`badge badge-invoice-${state}`}>{t(`invoice.status.${state}`)}</span>;
}
