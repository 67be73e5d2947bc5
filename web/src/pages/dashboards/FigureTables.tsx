import type { Arrears, BudgetUse, TrendPoint } from '../../api/reports.ts';
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
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dash.trend.period')}</th>
          <th scope="col" className="num">
            {t('dash.trend.active')}
          </th>
          <th scope="col" className="num">
            {t('dash.trend.invoiced')}
          </th>
          <th scope="col" className="num">
            {t('dash.trend.paid')}
          </th>
        </tr>
      </thead>
      <tbody>
        {trends.map((p) => (
          <tr key={p.period}>
            <th scope="row">{period(p.period, language)}</th>
            <td className="num">{formatCount(p.active, language)}</td>
            <td className="num">{formatRupiah(p.invoicedRp, language)}</td>
            <td className="num">{formatRupiah(p.paidRp, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ArrearsTable({ arrears, caption }: { arrears: Arrears; caption: string }) {
  const { t, language } = useI18n();
  const total = ARREARS_BUCKETS.reduce((sum, b) => sum + arrears[b], 0);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dash.arrears.bucket')}</th>
          <th scope="col" className="num">
            {t('dash.arrears.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {ARREARS_BUCKETS.map((b) => (
          <tr key={b}>
            <th scope="row">{t(`dash.arrears.${b}`)}</th>
            <td className="num">{formatRupiah(arrears[b], language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('dash.total')}</th>
          <td className="num">{formatRupiah(total, language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function BudgetTable({ budget, caption }: { budget: BudgetUse[]; caption: string }) {
  const { t, language } = useI18n();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dash.budget.payer')}</th>
          <th scope="col" className="num">
            {t('dash.budget.allocated')}
          </th>
          <th scope="col" className="num">
            {t('dash.budget.committed')}
          </th>
          <th scope="col" className="num">
            {t('dash.budget.used')}
          </th>
        </tr>
      </thead>
      <tbody>
        {budget.map((b) => (
          <tr key={b.payerName}>
            <th scope="row">{b.payerName}</th>
            <td className="num">{formatRupiah(b.allocatedRp, language)}</td>
            <td className="num">{formatRupiah(b.committedRp, language)}</td>
            <td className={`num${b.usedRp > b.allocatedRp ? ' over-budget' : ''}`}>
              {formatRupiah(b.usedRp, language)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
