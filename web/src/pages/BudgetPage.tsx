import { useEffect, useState } from 'react';
import { type BudgetLine, type BudgetWarning, getBudgetUse } from '../api/budget.ts';
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

/** Over budget: committed (invoiced + projected to year end) exceeds an allocation (Rp 0: none set). */
function isOver(line: BudgetLine): boolean {
  return line.allocatedRp > 0 && line.committedRp > line.allocatedRp;
}

/**
 * The years to offer: every year of the regency's agreements (the server's list, so an old
 * agreement year such as 2023 stays reachable), this year and the one chosen.
 */
function yearChoices(agreementYears: readonly number[], thisYear: number, chosen: number): number[] {
  return [...new Set([...agreementYears, thisYear, chosen])].sort((a, b) => a - b);
}

function workers(line: BudgetLine, noQuota: string, language: Parameters<typeof formatCount>[1]) {
  return line.quotaWorkers === null
    ? `${formatCount(line.workers, language)} (${noQuota})`
    : `${formatCount(line.workers, language)} / ${formatCount(line.quotaWorkers, language)}`;
}

const onlyNoBudget = (w: BudgetWarning) => w.reasons.every((r) => r === 'NO_BUDGET');

/** Payers without a pagu for the year: one quiet line, not a red warning each. */
function NoBudgetNote({ count, year }: { count: number; year: number }) {
  const { t, language } = useI18n();
  if (count === 0) return null;
  return (
    <p className="note">
      {t('budget.noBudgetNote', { count: formatCount(count, language), year: String(year) })}
    </p>
  );
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
  const [agreementYears, setAgreementYears] = useState<readonly number[]>([]);
  const loadedYears = state.status === 'loaded' ? state.data.years : null;
  useEffect(() => {
    if (loadedYears) setAgreementYears(loadedYears);
  }, [loadedYears]);
  const rp = (n: number) => formatRupiah(n, language);
  return (
    <div className="stack">
      <PageHead title={t('budget.title')} intro={t('budget.intro')} />
      <YearFilter
        label={t('budget.year')}
        years={yearChoices(agreementYears, thisYear, year)}
        value={year}
        onChange={setYear}
      />
      <LoadView state={state} retry={reload}>
        {(use) =>
          use.payers.length === 0 ? (
            <p className="muted">{t('budget.none')}</p>
          ) : (
            <div className="stack">
              <BudgetWarningList warnings={use.warnings.filter((w) => !onlyNoBudget(w))} />
              <NoBudgetNote count={use.warnings.filter(onlyNoBudget).length} year={use.fiscalYear} />
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
                  c.num('allocated', t('budget.allocated'), (line) =>
                    line.allocatedRp === 0 ? t('budget.noBudget') : rp(line.allocatedRp),
                  ),
                  c.num('committed', t('budget.committed'), (line) => rp(line.committedRp)),
                  c.num('used', t('budget.used'), (line) => rp(line.usedRp)),
                  c.num('remaining', t('budget.remaining'), (line) => rp(line.remainingRp), {
                    className: (line) => (isOver(line) ? 'over-budget' : undefined),
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
