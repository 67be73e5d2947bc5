import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { loadEcharts } from './load-echarts.ts';

// One ECharts chart in a div that is always as wide as its container: a ResizeObserver resizes
// the chart whenever the container changes size (phone rotation, window resize). ECharts itself
// is imported only on the pages that draw charts (load-echarts.ts), so the main bundle stays small.

interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the table view has the figures). */
  label: string;
  height?: number;
}

export function EChart({ option, label, height = 280 }: EChartProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    loadEcharts().then(
      ({ init }) => {
        const element = container.current;
        if (disposed || !element) return;
        instance = init(element, null, { renderer: 'svg' });
        const current = instance;
        observer = new ResizeObserver(() => current.resize());
        observer.observe(element);
        setChart(current);
      },
      () => {
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  if (failed) return <p className="muted">{t('chart.loadFailed')}</p>;
  return (
    <div
      ref={container}
      className="echart"
      role="img"
      aria-label={label}
      data-ready={chart ? 'true' : 'false'}
      style={{ height }}
    />
  );
}
