import { type Invoice, invoicePdfUrl } from '../../api/billing.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Icon } from '../../components/Icon.tsx';
import { InvoiceStatusBadge } from '../../components/InvoiceStatus.tsx';
import { formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../../router.tsx';
import { kindLabel, safeDate, safePeriod } from './labels.ts';
import { invoicePath } from './paths.ts';

export function InvoiceTable({ invoices, caption }: { invoices: Invoice[]; caption: string }) {
  const { t, language } = useI18n();
  const money = (n: number) => formatRupiah(n, language);
  return (
    <DataTable
      className="invoice-table"
      caption={caption}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      rowProps={(invoice) => ({ 'data-invoice': invoice.number })}
      columns={(c) => [
        c.text(
          'number',
          t('invoice.number'),
          (invoice) => (
            <Link to={invoicePath(invoice.id)} className="invoice-link">
              {invoice.number}
            </Link>
          ),
          { rowHeader: true },
        ),
        c.text('payer', t('invoice.payer'), (invoice) => invoice.payerName),
        c.text('period', t('invoice.period'), (invoice) => (
          <>
            {safePeriod(invoice.period, language)}
            {invoice.kind !== 'regular' ? (
              <span className="muted"> · {kindLabel(invoice.kind, t)}</span>
            ) : null}
          </>
        )),
        c.text('dueDate', t('invoice.dueDate'), (invoice) => safeDate(invoice.dueDate, language)),
        c.num('total', t('invoice.total'), (invoice) => money(invoice.totalRp)),
        c.num('paid', t('invoice.paid'), (invoice) => money(invoice.paidRp)),
        c.num(
          'balance',
          t('invoice.balance'),
          (invoice) => money(Math.max(0, invoice.totalRp - invoice.paidRp)),
          { className: 'strong' },
        ),
        c.text('status', t('invoice.status'), (invoice) => <InvoiceStatusBadge invoice={invoice} />),
        c.text('pdf', t('invoice.pdf'), (invoice) => (
          <a className="inline-action" href={invoicePdfUrl(invoice.id)} download>
            <Icon name="file" />
            {t('invoice.pdfLink')}
            <span className="visually-hidden"> {invoice.number}</span>
          </a>
        )),
      ]}
    />
  );
}
