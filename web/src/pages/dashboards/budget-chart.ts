import type { BudgetUse } from '../../api/reports.ts';

// Which payers the dashboard's budget chart draws (issue 15 point 6): a regency has a line per
// village (58 in Belu), and one bar each made a chart 3,431 px tall. The chart shows the largest
// payers by committed money and every payer over its allocation, at most BUDGET_CHART_MAX bars,
// so its height is bounded; the searchable table under it lists them all.

export const BUDGET_CHART_TOP = 10;
export const BUDGET_CHART_MAX = 20;
/** The chart's fixed height in px: BUDGET_CHART_MAX bars fit, whatever the number of payers. */
export const BUDGET_CHART_HEIGHT = 480;

/** Over budget: more committed than allocated. A pagu of Rp 0 is "not set", never "over". */
export function isOverBudget(b: Pick<BudgetUse, 'allocatedRp' | 'committedRp'>): boolean {
  return b.allocatedRp > 0 && b.committedRp > b.allocatedRp;
}

/** The top `top` payers by committed money and the over-budget ones, largest first, at most `max`. */
export function budgetChartRows(
  budget: readonly BudgetUse[],
  top = BUDGET_CHART_TOP,
  max = BUDGET_CHART_MAX,
) {
  const byCommitted = [...budget].sort(
    (a, b) => b.committedRp - a.committedRp || a.payerName.localeCompare(b.payerName),
  );
  const shown = new Set(byCommitted.slice(0, top));
  for (const b of byCommitted) if (isOverBudget(b)) shown.add(b);
  return byCommitted.filter((b) => shown.has(b)).slice(0, max);
}

/** The payers whose name holds the search text (case and accents ignored). */
export function searchPayers(budget: readonly BudgetUse[], text: string): BudgetUse[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const needle = fold(text.trim());
  return needle ? budget.filter((b) => fold(b.payerName).includes(needle)) : [...budget];
}
