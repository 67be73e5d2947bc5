import { type Invoice, invoicePdfUrl } from '../../api/billing.ts';
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
    <table className="table-cards invoice-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('invoice.number')}</th>
          <th scope="col">{t('invoice.payer')}</th>
          <th scope="col">{t('invoice.period')}</th>
          <th scope="col">{t('invoice.dueDate')}</th>
          <th scope="col" className="num">
            {t('invoice.total')}
          </th>
          <th scope="col" className="num">
            {t('invoice.paid')}
          </th>
          <th scope="col" className="num">
            {t('invoice.balance')}
          </th>
          <th scope="col">{t('invoice.status')}</th>
          <th scope="col">{t('invoice.pdf')}</th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} data-invoice={invoice.number}>
            <th scope="row" data-label={t('invoice.number')}>
              <Link to={invoicePath(invoice.id)} className="invoice-link">
                {invoice.number}
              </Link>
            </th>
            <td data-label={t('invoice.payer')}>{invoice.payerName}</td>
            <td data-label={t('invoice.period')}>
              {safePeriod(invoice.period, language)}
              {invoice.kind !== 'regular' ? (
                <span className="muted"> · {kindLabel(invoice.kind, t)}</span>
              ) : null}
            </td>
            <td data-label={t('invoice.dueDate')}>{safeDate(invoice.dueDate, language)}</td>
            <td data-label={t('invoice.total')} className="num">
              {money(invoice.totalRp)}
            </td>
            <td data-label={t('invoice.paid')} className="num">
              {money(invoice.paidRp)}
            </td>
            <td data-label={t('invoice.balance')} className="num strong">
              {money(Math.max(0, invoice.totalRp - invoice.paidRp))}
            </td>
            <td data-label={t('invoice.status')}>
              <InvoiceStatusBadge invoice={invoice} />
            </td>
            <td data-label={t('invoice.pdf')}>
              <a className="inline-action" href={invoicePdfUrl(invoice.id)} download>
                <Icon name="file" />
                {t('invoice.pdfLink')}
                <span className="visually-hidden"> {invoice.number}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
