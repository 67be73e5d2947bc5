import { getInvoice, type InvoiceDetail, invoicePdfUrl } from '../../api/billing.ts';
import { invoiceLinesExportUrl } from '../../api/exports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Facts, Stats } from '../../components/Facts.tsx';
import { Icon } from '../../components/Icon.tsx';
import { InvoiceStatusBadge } from '../../components/InvoiceStatus.tsx';
import { LoadView } from '../../components/LoadView.tsx';
import { PageHead } from '../../components/PageHead.tsx';
import { formatCount, formatDateTime, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useLoad } from '../useLoad.ts';
import { kindLabel, payerRoleLabel, safeDate, safePeriod } from './labels.ts';
import { INVOICES_PATH } from './paths.ts';

export function InvoiceView({ detail }: { detail: InvoiceDetail }) {
  const { t, language } = useI18n();
  const { invoice, summary } = detail;
  const money = (n: number) => formatRupiah(n, language);
  const balance = Math.max(0, invoice.totalRp - invoice.paidRp);
  return (
    <div className="stack">
      <PageHead
        back={INVOICES_PATH}
        level={t('invoice.title')}
        code={kindLabel(invoice.kind, t)}
        title={invoice.number}
        titleClass="mono-heading"
      >
        <div className="batch-head">
          <InvoiceStatusBadge invoice={invoice} />
          <span className="muted">{invoice.payerName}</span>
        </div>
      </PageHead>
      <Stats
        aria-label={t('invoice.amounts')}
        items={[
          { label: t('invoice.total'), value: money(invoice.totalRp) },
          { label: t('invoice.paid'), value: money(invoice.paidRp), tone: 'stat-valid' },
          {
            label: t('invoice.balance'),
            value: money(balance),
            tone: `${balance > 0 ? 'stat-invalid' : 'stat-valid'}`,
          },
        ]}
      />
      <Facts
        items={[
          { label: t('invoice.period'), value: safePeriod(invoice.period, language) },
          { label: t('invoice.dueDate'), value: safeDate(invoice.dueDate, language) },
          { label: t('invoice.issuedAt'), value: formatDateTime(invoice.issuedAt, language) },
          { label: t('invoice.lines'), value: formatCount(invoice.lines, language) },
        ]}
      />
      <div className="button-row">
        <a className="button button-secondary" href={invoicePdfUrl(invoice.id)} download>
          <Icon name="file" />
          {t('invoice.pdfDownload')}
        </a>
        {(['xlsx', 'csv'] as const).map((format) => (
          <a
            key={format}
            className="button button-secondary"
            href={invoiceLinesExportUrl(invoice.id, format)}
            download
          >
            <Icon name="download" />
            {t(format === 'xlsx' ? 'invoice.linesXlsx' : 'invoice.linesCsv')}
          </a>
        ))}
      </div>
      <DataTable
        className="summary-table"
        caption={t('invoice.summary')}
        rows={summary}
        rowKey={(line) => `${line.program}-${line.payerRole}-${line.kind}`}
        footer={
          <tr>
            <th scope="row" colSpan={4} data-label={t('invoice.total')}>
              {t('invoice.total')}
            </th>
            <td className="num strong" data-label={t('invoice.total')}>
              {money(invoice.totalRp)}
            </td>
          </tr>
        }
        columns={(c) => [
          c.text('program', t('invoice.program'), (line) => line.program, { rowHeader: true }),
          c.text('paidBy', t('invoice.paidBy'), (line) => payerRoleLabel(line.payerRole, t)),
          c.text('lineKind', t('invoice.lineKind'), (line) =>
            line.kind === 'contribution' ? t('invoice.lineKind.contribution') : line.kind,
          ),
          c.num('participants', t('invoice.participants'), (line) =>
            formatCount(line.participants, language),
          ),
          c.num('amount', t('invoice.amount'), (line) => money(line.amountRp)),
        ]}
      />
    </div>
  );
}

export function InvoiceDetailPage({
  invoiceId,
  onUnauthenticated,
}: {
  invoiceId: string;
  onUnauthenticated: () => void;
}) {
  const { language } = useI18n();
  const { state, reload } = useLoad(
    `${invoiceId}:${language}`,
    () => getInvoice(invoiceId),
    onUnauthenticated,
  );
  return (
    <LoadView state={state} retry={reload}>
      {(detail) => <InvoiceView detail={detail} />}
    </LoadView>
  );
}
