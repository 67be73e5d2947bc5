// The chart library is the largest download of the app (about 150 kB brotli): it is fetched
// only for the pages that draw charts, and as early as such a page is known, so that it arrives
// in parallel with the session check and the page's data instead of after them.

/**
 * Every page under this prefix (the district and branch dashboards) draws charts. The server
 * preloads the chunk in the page it sends for these paths (src/http/web-page.ts, same prefix).
 */
export const CHART_PATH_PREFIX = '/dashboard/';

let loading: Promise<typeof import('./echarts-setup.ts')> | null = null;

export function loadEcharts(): Promise<typeof import('./echarts-setup.ts')> {
  loading ??= import('./echarts-setup.ts').catch((error: unknown) => {
    loading = null; // a failed download may be retried by the next chart
    throw error;
  });
  return loading;
}

/** Starts the download when the page opened at this path draws charts. */
export function preloadChartsFor(path: string): void {
  if (path.startsWith(CHART_PATH_PREFIX)) void loadEcharts().catch(() => undefined);
}
