import { useId, useMemo, useState } from 'react';
import type { BudgetUse } from '../../api/reports.ts';
import { ChartPanel } from '../../components/ChartPanel.tsx';
import { TextField } from '../../components/FormFields.tsx';
import { formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BUDGET_CHART_HEIGHT, BUDGET_CHART_TOP, budgetChartRows, searchPayers } from './budget-chart.ts';
import { budgetOption } from './chart-options.ts';
import { BudgetTable } from './FigureTables.tsx';

// The district dashboard's budget use: a chart of a bounded height with the largest and the
// over-budget payers (budget-chart.ts), and under it every payer in a table one can search by name.

export function BudgetPanel({ budget, csvUrl }: { budget: BudgetUse[]; csvUrl: string }) {
  const { t, language } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const chartRows = useMemo(() => budgetChartRows(budget), [budget]);
  const option = useMemo(() => budgetOption(chartRows, t, language), [chartRows, t, language]);
  const found = useMemo(() => searchPayers(budget, search), [budget, search]);
  const title = t('dash.budget.title');
  return (
    <>
      <ChartPanel
        title={title}
        option={option}
        height={BUDGET_CHART_HEIGHT}
        csvUrl={csvUrl}
        className="budget-chart"
        empty={budget.length === 0 ? t('dash.budget.none') : null}
        table={<BudgetTable budget={chartRows} caption={title} />}
      />
      {budget.length === 0 ? null : (
        <section className="card stack budget-payers" aria-labelledby={`${id}-payers`}>
          <h2 id={`${id}-payers`} className="visually-hidden">
            {t('dash.budget.payer')}
          </h2>
          <p className="muted">
            {t('dash.budget.chartNote', {
              shown: formatCount(chartRows.length, language),
              count: formatCount(budget.length, language),
              top: formatCount(BUDGET_CHART_TOP, language),
            })}
          </p>
          <TextField label={t('dash.budget.search')} type="search" value={search} onChange={setSearch} />
          {found.length === 0 ? (
            <p className="muted">{t('dash.budget.noMatch')}</p>
          ) : (
            // Focusable: a keyboard can scroll the table sideways on a phone.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (axe scrollable-region-focusable)
            <section className="table-scroll" tabIndex={0} aria-label={t('dash.budget.payer')}>
              <BudgetTable budget={found} caption={title} />
            </section>
          )}
        </section>
      )}
    </>
  );
}
