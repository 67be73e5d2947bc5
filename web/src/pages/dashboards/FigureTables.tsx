import type { Arrears, BudgetUse, TrendPoint } from '../../api/reports.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatPeriod, formatRupiah } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isOverBudget } from './budget-chart.ts';
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
      columns={(c) => [
        c.text('period', t('dash.trend.period'), (p) => period(p.period, language), { rowHeader: true }),
        c.num('active', t('dash.trend.active'), (p) => formatCount(p.active, language)),
        c.num('invoiced', t('dash.trend.invoiced'), (p) => formatRupiah(p.invoicedRp, language)),
        c.num('paid', t('dash.trend.paid'), (p) => formatRupiah(p.paidRp, language)),
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
      columns={(c) => [
        c.text('bucket', t('dash.arrears.bucket'), (b) => t(`dash.arrears.${b}`), { rowHeader: true }),
        c.num('amount', t('dash.arrears.amount'), (b) => formatRupiah(arrears[b], language)),
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
      columns={(c) => [
        c.text('payer', t('dash.budget.payer'), (b) => b.payerName, { rowHeader: true }),
        // A pagu of Rp 0 is one nobody entered yet: said so, never shown as overspent.
        c.num('allocated', t('dash.budget.allocated'), (b) =>
          b.allocatedRp === 0 ? t('budget.noBudget') : formatRupiah(b.allocatedRp, language),
        ),
        c.num('committed', t('dash.budget.committed'), (b) => formatRupiah(b.committedRp, language), {
          className: (b) => (isOverBudget(b) ? 'over-budget' : undefined),
        }),
        c.num('used', t('dash.budget.used'), (b) => formatRupiah(b.usedRp, language)),
      ]}
    />
  );
}
