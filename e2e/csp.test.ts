import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/api.ts';
import { serverAndBrowser } from './support/suite.ts';

// The built web app under the server's Content-Security-Policy (src/http/security-headers.ts):
// log in (a POST the CSRF check lets through because the client sends X-Lindung-Client), open
// the district dashboard (ECharts draws with inline styles) and the branch dashboard, and see
// that the browser reported no CSP violation on the way.

const run = serverAndBrowser();

/** Every CSP violation the page reports, as "directive: blocked URI". */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.violatedDirective}: ${e.blockedURI}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

describe('the web app under the Content-Security-Policy', () => {
  it('logs in and draws the dashboards with no CSP violation', async () => {
    const context = await run.browser.newContext({
      baseURL: run.server.baseUrl,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const first = await page.goto('/');
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: 'Indonesia' }).click();
    await page.getByLabel('Nama pengguna').fill('dinas.belu');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    await nav.getByRole('link', { name: 'Dasbor kabupaten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dasbor kabupaten', exact: true }).waitFor();
    await chartsDrawn(page);
    // Opened directly, the page the server sends preloads the chart chunk (src/http/web-page.ts).
    const direct = await page.goto('/dashboard/district');
    expect(await direct?.text()).toContain('rel="modulepreload"');
    await chartsDrawn(page);
    expect(violations).toEqual([]);
    await context.close();
  });
});

async function chartsDrawn(page: Page): Promise<void> {
  await page.locator('.echart').first().waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.echart')).every(
      (chart) => chart.getAttribute('data-ready') === 'true' && chart.querySelector('svg') !== null,
    ),
  );
}
