import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useId, useState } from 'react';
import { EChart } from '../charts/EChart.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './Icon.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

// A dashboard figure: a chart, or the same figures as a table (a button switches between them,
// for screen readers, small screens and copying), and a link to the figures as CSV.

interface ChartPanelProps {
  title: string;
  option: EChartsCoreOption;
  table: ReactNode;
  csvUrl: string;
  /** Shown instead of chart and table when there is nothing to draw. */
  empty?: string | null;
  className?: string;
  /** Chart height in px (a bar per row needs more room). */
  height?: number;
}

export function ChartPanel({ title, option, table, csvUrl, empty, className, height }: ChartPanelProps) {
  const { t } = useI18n();
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={`card stack chart-panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="chart-actions">
          {empty ? null : (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={asTable}
              onClick={() => setAsTable(!asTable)}
            >
              {asTable ? t('chart.showChart') : t('chart.showTable')}
            </button>
          )}
          <a className="button button-secondary button-small" href={csvUrl} download>
            <Icon name="download" />
            {t('chart.csv')}
            <span className="visually-hidden"> {title}</span>
          </a>
        </div>
      </div>
      {empty ? (
        <p className="muted">{empty}</p>
      ) : asTable ? (
        <ScrollRegion labelledBy={`${id}-title`}>{table}</ScrollRegion>
      ) : (
        <EChart option={option} label={title} height={height} />
      )}
    </section>
  );
}
