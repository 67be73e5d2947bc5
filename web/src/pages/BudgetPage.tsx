import { useId, useState } from 'react';
import { type BudgetLine, getBudgetUse } from '../api/budget.ts';
import { homeRegency } from '../api/reports.ts';
import type { User } from '../api/types.ts';
import { BudgetWarningList } from '../components/BudgetWarnings.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { formatCount, formatPeriod, formatRupiah, todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLoad } from './useLoad.ts';

export const BUDGET_PATH = '/anggaran';

/** Over budget: committed (invoiced + projected to year end) exceeds the allocation. */
function isOver(line: BudgetLine): boolean {
  return line.committedRp > line.allocatedRp;
}

function workers(line: BudgetLine, noQuota: string, language: Parameters<typeof formatCount>[1]) {
  return line.quotaWorkers === null
    ? `${formatCount(line.workers, language)} (${noQuota})`
    : `${formatCount(line.workers, language)} / ${formatCount(line.quotaWorkers, language)}`;
}

/**
 * Allocated, committed, used and remaining per funding party (village, regency, CSR) for a fiscal
 * year, always visible to the district and branch; a village operator sees its own line.
 */
export function BudgetPage({ user, onUnauthenticated }: { user: User; onUnauthenticated: () => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const regency = homeRegency(user.homeRegion);
  const thisYear = Number(todayWita().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { state, reload } = useLoad(
    JSON.stringify([regency, year, language]),
    () => getBudgetUse(regency, year),
    onUnauthenticated,
  );
  const rp = (n: number) => formatRupiah(n, language);
  return (
    <div className="stack">
      <div className="stack page-head">
        <h1>{t('budget.title')}</h1>
        <p className="muted">{t('budget.intro')}</p>
      </div>
      <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('budget.year')}</label>
          <select id={`${id}-year`} value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      <LoadView state={state} retry={reload}>
        {(use) =>
          use.payers.length === 0 ? (
            <p className="muted">{t('budget.none')}</p>
          ) : (
            <div className="stack">
              <BudgetWarningList warnings={use.warnings} />
              <table className="table-cards budget-table">
                <caption>
                  {t('budget.title')} {use.fiscalYear} ·{' '}
                  {use.projectedFrom
                    ? t('budget.projectedFrom', { period: formatPeriod(use.projectedFrom, language) })
                    : t('budget.projectedNone')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('budget.payer')}</th>
                    <th scope="col">{t('budget.workers')}</th>
                    <th scope="col" className="num">
                      {t('budget.allocated')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.committed')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.used')}
                    </th>
                    <th scope="col" className="num">
                      {t('budget.remaining')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {use.payers.map((line) => (
                    <tr key={line.payerId} className={isOver(line) ? 'over-budget-row' : undefined}>
                      <th scope="row" data-label={t('budget.payer')}>
                        {line.payerName}
                        {isOver(line) ? <span className="badge-over">{t('budget.overBadge')}</span> : null}
                      </th>
                      <td data-label={t('budget.workers')}>{workers(line, t('budget.noQuota'), language)}</td>
                      <td data-label={t('budget.allocated')} className="num">
                        {rp(line.allocatedRp)}
                      </td>
                      <td data-label={t('budget.committed')} className="num">
                        {rp(line.committedRp)}
                      </td>
                      <td data-label={t('budget.used')} className="num">
                        {rp(line.usedRp)}
                      </td>
                      <td
                        data-label={t('budget.remaining')}
                        className={`num${line.remainingRp < 0 ? ' over-budget' : ''}`}
                      >
                        {rp(line.remainingRp)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('budget.total')}</th>
                    <td />
                    <td data-label={t('budget.allocated')} className="num">
                      {rp(use.totals.allocatedRp)}
                    </td>
                    <td data-label={t('budget.committed')} className="num">
                      {rp(use.totals.committedRp)}
                    </td>
                    <td data-label={t('budget.used')} className="num">
                      {rp(use.totals.usedRp)}
                    </td>
                    <td
                      data-label={t('budget.remaining')}
                      className={`num${use.totals.remainingRp < 0 ? ' over-budget' : ''}`}
                    >
                      {rp(use.totals.remainingRp)}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </LoadView>
    </div>
  );
}
