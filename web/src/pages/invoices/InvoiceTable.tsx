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
      layout="cards"
      className="invoice-table"
      caption={caption}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      rowProps={(invoice) => ({ 'data-invoice': invoice.number })}
      columns={[
        {
          key: 'number',
          header: t('invoice.number'),
          cell: (invoice) => (
            <Link to={invoicePath(invoice.id)} className="invoice-link">
              {invoice.number}
            </Link>
          ),
          rowHeader: true,
        },
        { key: 'payer', header: t('invoice.payer'), cell: (invoice) => invoice.payerName },
        {
          key: 'period',
          header: t('invoice.period'),
          cell: (invoice) => (
            <>
              {safePeriod(invoice.period, language)}
              {invoice.kind !== 'regular' ? (
                <span className="muted"> · {kindLabel(invoice.kind, t)}</span>
              ) : null}
            </>
          ),
        },
        {
          key: 'dueDate',
          header: t('invoice.dueDate'),
          cell: (invoice) => safeDate(invoice.dueDate, language),
        },
        { key: 'total', header: t('invoice.total'), cell: (invoice) => money(invoice.totalRp), align: 'num' },
        { key: 'paid', header: t('invoice.paid'), cell: (invoice) => money(invoice.paidRp), align: 'num' },
        {
          key: 'balance',
          header: t('invoice.balance'),
          cell: (invoice) => money(Math.max(0, invoice.totalRp - invoice.paidRp)),
          align: 'num',
          className: 'strong',
        },
        {
          key: 'status',
          header: t('invoice.status'),
          cell: (invoice) => <InvoiceStatusBadge invoice={invoice} />,
        },
        {
          key: 'pdf',
          header: t('invoice.pdf'),
          cell: (invoice) => (
            <a className="inline-action" href={invoicePdfUrl(invoice.id)} download>
              <Icon name="file" />
              {t('invoice.pdfLink')}
              <span className="visually-hidden"> {invoice.number}</span>
            </a>
          ),
        },
      ]}
    />
  );
}
