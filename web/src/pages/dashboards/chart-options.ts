import type { EChartsCoreOption } from 'echarts/core';
import type { Arrears, BudgetUse, ClaimsMonth, DashboardArea, TrendPoint } from '../../api/reports.ts';
import { formatCompact, formatCount, formatRupiah } from '../../format.ts';
import type { Translate } from '../../i18n/I18nProvider.tsx';
import { type Language, localeOf } from '../../i18n/language.ts';

// ECharts options for the dashboards, built from the API figures. Colours follow the stylesheet
// (BPJS green and blue first); labels come from the i18n dictionaries.

const PALETTE = ['#0b4f9c', '#0a6e3a', '#c77700', '#6b3fa0', '#a3171f', '#4f5b69'];
const TEXT = { color: '#1b2430', fontFamily: 'system-ui, sans-serif' };

/** `2026-03` → `Mar 2026` / `Mar 26`: short enough for an axis on a phone. */
export function shortPeriod(period: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

function base(): Record<string, unknown> {
  return {
    color: PALETTE,
    textStyle: TEXT,
    animation: false,
    legend: { bottom: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
  };
}

function valueAxis(language: Language, money: boolean) {
  return {
    type: 'value',
    axisLabel: {
      hideOverlap: true,
      formatter: (v: number) => (money ? formatCompact(v, language) : formatCount(v, language)),
    },
    minInterval: money ? undefined : 1,
  };
}

/** Active participants per kecamatan, stacked by segment; horizontal so names stay readable. */
export function areasOption(
  districts: DashboardArea[],
  segments: readonly (keyof DashboardArea['bySegment'])[],
  t: Translate,
  language: Language,
): EChartsCoreOption {
  const names = districts.map((d) => d.name);
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: valueAxis(language, false),
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 110, overflow: 'truncate' } },
    series: segments.map((segment) => ({
      name: t(`dash.segment.${segment}`),
      type: 'bar',
      stack: 'segment',
      data: districts.map((d) => d.bySegment[segment] ?? 0),
    })),
  };
}

export function trendsOption(trends: TrendPoint[], t: Translate, language: Language): EChartsCoreOption {
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: trends.map((p) => shortPeriod(p.period, language)) },
    yAxis: [valueAxis(language, true), { ...valueAxis(language, false), splitLine: { show: false } }],
    series: [
      {
        name: t('dash.trend.invoiced'),
        type: 'bar',
        data: trends.map((p) => p.invoicedRp),
        tooltip: { valueFormatter: (v: number) => formatRupiah(v, language) },
      },
      {
        name: t('dash.trend.paid'),
        type: 'bar',
        data: trends.map((p) => p.paidRp),
        tooltip: { valueFormatter: (v: number) => formatRupiah(v, language) },
      },
      {
        name: t('dash.trend.active'),
        type: 'line',
        yAxisIndex: 1,
        data: trends.map((p) => p.active),
        color: PALETTE[2],
      },
    ],
  };
}

export const ARREARS_BUCKETS = ['notDueRp', 'd1_30Rp', 'd31_60Rp', 'd61_90Rp', 'over90Rp'] as const;

export function arrearsOption(arrears: Arrears, t: Translate, language: Language): EChartsCoreOption {
  return {
    ...base(),
    legend: { show: false },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    // Horizontal: the age labels stay readable on a 360 px phone.
    xAxis: valueAxis(language, true),
    yAxis: {
      type: 'category',
      inverse: true,
      data: ARREARS_BUCKETS.map((b) => t(`dash.arrears.${b}`)),
    },
    series: [
      {
        name: t('dash.arrears.title'),
        type: 'bar',
        data: ARREARS_BUCKETS.map((b, i) => ({
          value: arrears[b],
          itemStyle: { color: i === 0 ? PALETTE[1] : i < 3 ? PALETTE[2] : PALETTE[4] },
        })),
        tooltip: { valueFormatter: (v: number) => formatRupiah(v, language) },
      },
    ],
  };
}

export function budgetOption(budget: BudgetUse[], t: Translate, language: Language): EChartsCoreOption {
  const rows: [keyof BudgetUse, string][] = [
    ['allocatedRp', t('dash.budget.allocated')],
    ['committedRp', t('dash.budget.committed')],
    ['usedRp', t('dash.budget.used')],
  ];
  return {
    ...base(),
    xAxis: valueAxis(language, true),
    yAxis: {
      type: 'category',
      data: budget.map((b) => b.payerName),
      inverse: true,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: rows.map(([key, name]) => ({
      name,
      type: 'bar',
      data: budget.map((b) => b[key]),
      tooltip: { valueFormatter: (v: number) => formatRupiah(v, language) },
    })),
  };
}

/** The twelve periods of a year, `2026-01` … `2026-12`. */
export function yearPeriods(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Claims paid per month, stacked by programme (counts). */
export function claimsOption(
  rows: ClaimsMonth[],
  programs: readonly string[],
  year: number,
  language: Language,
): EChartsCoreOption {
  const periods = yearPeriods(year);
  const count = (period: string, program: string) =>
    rows.filter((r) => r.period === period && r.program === program).reduce((sum, r) => sum + r.count, 0);
  const shown = [...programs, ...new Set(rows.map((r) => r.program))].filter(
    (p, i, all) => all.indexOf(p) === i,
  );
  return {
    ...base(),
    xAxis: { type: 'category', data: periods.map((p) => shortPeriod(p, language)) },
    yAxis: valueAxis(language, false),
    series: shown.map((program) => ({
      name: program,
      type: 'bar',
      stack: 'program',
      data: periods.map((period) => count(period, program)),
    })),
  };
}
