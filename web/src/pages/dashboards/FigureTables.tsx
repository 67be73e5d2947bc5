import type { Arrears, BudgetUse, TrendPoint } from '../../api/reports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatPeriod, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ARREARS_BUCKETS } from './chart-options.ts';

// The table views of the district dashboard's charts: the same figures, exactly.

function period(value: string, language: 'id' | 'en'): string {
  try {
    return formatPeriod(value, language);
  } catch {
    return value;
  }
}

export function TrendsTable({ trends, caption }: { trends: TrendPoint[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      layout="grid"
      caption={caption}
      captionHidden
      rows={trends}
      rowKey={(p) => p.period}
      columns={[
        {
          key: 'period',
          header: t('dash.trend.period'),
          cell: (p) => period(p.period, language),
          rowHeader: true,
        },
        {
          key: 'active',
          header: t('dash.trend.active'),
          cell: (p) => formatCount(p.active, language),
          align: 'num',
        },
        {
          key: 'invoiced',
          header: t('dash.trend.invoiced'),
          cell: (p) => formatRupiah(p.invoicedRp, language),
          align: 'num',
        },
        {
          key: 'paid',
          header: t('dash.trend.paid'),
          cell: (p) => formatRupiah(p.paidRp, language),
          align: 'num',
        },
      ]}
    />
  );
}

export function ArrearsTable({ arrears, caption }: { arrears: Arrears; caption: string }) {
  const { t, language } = useI18n();
  const total = ARREARS_BUCKETS.reduce((sum, b) => sum + arrears[b], 0);
  return (
    <DataTable
      layout="grid"
      caption={caption}
      captionHidden
      rows={ARREARS_BUCKETS}
      rowKey={(b) => b}
      footer={
        <tr>
          <th scope="row">{t('dash.total')}</th>
          <td className="num">{formatRupiah(total, language)}</td>
        </tr>
      }
      columns={[
        {
          key: 'bucket',
          header: t('dash.arrears.bucket'),
          cell: (b) => t(`dash.arrears.${b}`),
          rowHeader: true,
        },
        {
          key: 'amount',
          header: t('dash.arrears.amount'),
          cell: (b) => formatRupiah(arrears[b], language),
          align: 'num',
        },
      ]}
    />
  );
}

export function BudgetTable({ budget, caption }: { budget: BudgetUse[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      layout="grid"
      caption={caption}
      captionHidden
      rows={budget}
      rowKey={(b) => b.payerName}
      columns={[
        { key: 'payer', header: t('dash.budget.payer'), cell: (b) => b.payerName, rowHeader: true },
        {
          key: 'allocated',
          header: t('dash.budget.allocated'),
          cell: (b) => formatRupiah(b.allocatedRp, language),
          align: 'num',
        },
        {
          key: 'committed',
          header: t('dash.budget.committed'),
          cell: (b) => formatRupiah(b.committedRp, language),
          align: 'num',
        },
        {
          key: 'used',
          header: t('dash.budget.used'),
          cell: (b) => formatRupiah(b.usedRp, language),
          align: 'num',
          className: (b) => (b.usedRp > b.allocatedRp ? 'over-budget' : undefined),
        },
      ]}
    />
  );
}
