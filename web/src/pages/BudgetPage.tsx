import { useState } from 'react';
import { type BudgetLine, getBudgetUse } from '../api/budget.ts';
import { homeRegency } from '../api/reports.ts';
import { BudgetWarningList } from '../components/BudgetWarnings.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { YearFilter } from '../components/FormFields.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount, formatPeriod, formatRupiah, todayWita } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RenewalCard } from './budget/RenewalCard.tsx';
import type { PageProps } from './pageProps.ts';
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
export function BudgetPage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
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
      <PageHead title={t('budget.title')} intro={t('budget.intro')} />
      <YearFilter
        label={t('budget.year')}
        years={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1]}
        value={year}
        onChange={setYear}
      />
      <LoadView state={state} retry={reload}>
        {(use) =>
          use.payers.length === 0 ? (
            <p className="muted">{t('budget.none')}</p>
          ) : (
            <div className="stack">
              <BudgetWarningList warnings={use.warnings} />
              <DataTable
                className="budget-table"
                caption={
                  <>
                    {t('budget.title')} {use.fiscalYear} ·{' '}
                    {use.projectedFrom
                      ? t('budget.projectedFrom', { period: formatPeriod(use.projectedFrom, language) })
                      : t('budget.projectedNone')}
                  </>
                }
                rows={use.payers}
                rowKey={(line) => line.payerId}
                rowProps={(line) => ({ className: isOver(line) ? 'over-budget-row' : undefined })}
                footer={
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
                }
                columns={(c) => [
                  c.text(
                    'payer',
                    t('budget.payer'),
                    (line) => (
                      <>
                        {line.payerName}
                        {isOver(line) ? <span className="badge-over">{t('budget.overBadge')}</span> : null}
                      </>
                    ),
                    { rowHeader: true },
                  ),
                  c.text('workers', t('budget.workers'), (line) =>
                    workers(line, t('budget.noQuota'), language),
                  ),
                  c.num('allocated', t('budget.allocated'), (line) => rp(line.allocatedRp)),
                  c.num('committed', t('budget.committed'), (line) => rp(line.committedRp)),
                  c.num('used', t('budget.used'), (line) => rp(line.usedRp)),
                  c.num('remaining', t('budget.remaining'), (line) => rp(line.remainingRp), {
                    className: (line) => (line.remainingRp < 0 ? 'over-budget' : undefined),
                  }),
                ]}
              />
            </div>
          )
        }
      </LoadView>
      {user.permissions.includes('agreements.manage') ? (
        <RenewalCard regency={regency} fromYear={year} onDone={reload} />
      ) : null}
    </div>
  );
}
