import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatDate } from '../web/src/format.ts';
import {
  type ApiSession,
  apiCall,
  apiLogin,
  createYearAgreement,
  DEMO_PASSWORD,
  enrolThroughApi,
  lamaknenWorkers,
  todayWita,
} from './support/api.ts';
import {
  fitsDevice,
  launchBrowser,
  newContext,
  screenshot,
  VIEWPORTS,
  type Viewport,
} from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Numbers that agree and are shown one way (issue 15 point 6), at phone and desktop size. Through
// the API: 12 Kewar workers (no pagu: "pagu belum diisi"), a 2023 agreement, and this year's
// agreement with the budgets of 25 villages (more payers than the chart draws). The budget page reaches the 2023 agreement year, a payer without a pagu is "pagu
// belum diisi" and never over budget, the dashboard's budget chart keeps a bounded height over 58
// payers with every payer in a searchable table, the headline is the API's one active figure
// (the trend's last month), a new date shows the loading note instead of the old figures, and
// money and dates are formatted in both languages. Screenshots: test-artifacts/e2e/numbers-*.png.

const MONEY = /^-?Rp \d{1,3}(\.\d{3})*$/;

interface Dashboard {
  active: number;
  trends: { period: string; active: number }[];
  ucj: { covered: number } | null;
  budget: { payerName: string }[];
}

let server: RunningServer;
let browser: Browser;
let today = '';
let dashboard: Dashboard;
const PAYERS = 25;

/** A PKS of one year between the regency and the branch, with APBDes budgets for these villages. */
async function agreement(district: ApiSession, year: number, villages: string[]) {
  const id = await createYearAgreement(district, {
    number: `PKS/E2E-ANGKA/${year}`,
    title: `Perlindungan pekerja rentan ${year} (uji angka)`,
    year,
    signedOn: `${year - 1}-11-28`,
  });
  for (const [i, villageCode] of villages.entries()) {
    await apiCall(district, 'POST', `/agreements/${id}/allocations`, {
      fundingSource: 'APBDES',
      fiscalYear: year,
      amountRp: 1_000_000 * (i + 1),
      quotaWorkers: 10,
      villageCode,
    });
  }
}

/** The first `n` village codes of Belu other than Kewar, kecamatan by kecamatan. */
async function villageCodes(district: ApiSession, n: number): Promise<string[]> {
  type Region = { children: { code: string }[] };
  const codes: string[] = [];
  for (const k of (await apiCall<Region>(district, 'GET', '/regions/53.04')).children) {
    const villages = (await apiCall<Region>(district, 'GET', `/regions/${k.code}`)).children;
    codes.push(...villages.map((v) => v.code).filter((c) => c !== '53.04.01.2001'));
    if (codes.length >= n) break;
  }
  return codes.slice(0, n);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  today = todayWita();
  // Kewar's workers first: with no budget recorded for the year the verification raises no warning.
  expect(await enrolThroughApi(server.baseUrl, lamaknenWorkers(12, 7300))).toBe(12);
  const district = await apiLogin(server.baseUrl, 'dinas.belu');
  const villages = await villageCodes(district, PAYERS);
  await agreement(district, 2023, villages.slice(0, 3));
  await agreement(district, Number(today.slice(0, 4)), villages);
  dashboard = await apiCall<Dashboard>(district, 'GET', `/dashboards/district?regency=53.04&asOf=${today}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(viewport: Viewport) {
  const context = await newContext(browser, server.baseUrl, viewport);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await page.getByLabel('Nama pengguna').fill('dinas.belu');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

/** The texts of a table's money cells (allocated, committed, used, remaining). */
function moneyCells(page: Page, table: string): Promise<string[]> {
  return page.locator(`${table} td.num`).allInnerTexts();
}

describe.each(VIEWPORTS)('numbers at $name size', (viewport) => {
  it('budget page: a pagu of Rp 0 is "pagu belum diisi", and the 2023 agreement year is reachable', async () => {
    const { context, page } = await signedIn(viewport);
    try {
      await page.goto('/anggaran');
      await page.getByRole('heading', { level: 1, name: 'Anggaran dan kuota' }).waitFor();
      await page.locator('caption', { hasText: `Anggaran dan kuota ${today.slice(0, 4)}` }).waitFor();
      const year = page.getByLabel('Tahun anggaran', { exact: true });
      const offered = await year.locator('option').allInnerTexts();
      // The agreements' years (2023 and this year here), not a window around today.
      expect(offered).toEqual(['2023', today.slice(0, 4)]);
      await year.selectOption('2023');
      await page.locator('caption', { hasText: 'Anggaran dan kuota 2023' }).waitFor();
      const cells = (await moneyCells(page, '.budget-table')).map((s) => s.trim());
      expect(cells.length).toBeGreaterThan(0);
      for (const text of cells) expect(text).toMatch(new RegExp(`${MONEY.source}|^pagu belum diisi$`));
      // No row without a pagu is marked over it.
      const overRows = await page.locator('tr.over-budget-row').allInnerTexts();
      for (const row of overRows) expect(row).not.toContain('pagu belum diisi');
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `numbers-budget-2023-${viewport.name}`);

      // This year: the payers with no pagu yet are one quiet note, not a red warning each.
      await year.selectOption(today.slice(0, 4));
      await page.locator('caption', { hasText: `Anggaran dan kuota ${today.slice(0, 4)}` }).waitFor();
      // Kewar: workers, no pagu.
      const kewar = page.locator('.budget-table tr', { hasText: 'Kewar' });
      await kewar.getByText('pagu belum diisi', { exact: true }).waitFor();
      expect((await kewar.getAttribute('class')) ?? '').not.toContain('over-budget-row');
      await page.getByText(/1 pemberi dana belum punya pagu untuk tahun/).waitFor();
      expect(await page.getByText(/Melampaui pagu sebesar Rp 0\b/).count()).toBe(0);
      await screenshot(page, `numbers-budget-this-year-${viewport.name}`);
    } finally {
      await context.close();
    }
  });

  it('district dashboard: one active figure, a bounded budget chart, a searchable payer table', async () => {
    expect(dashboard.budget.length).toBe(PAYERS + 1);
    expect(dashboard.active).toBeGreaterThanOrEqual(12);
    expect(dashboard.active).toBe(dashboard.trends.at(-1)!.active);
    if (dashboard.ucj) expect(dashboard.ucj.covered).toBe(dashboard.active);
    const { context, page } = await signedIn(viewport);
    try {
      await page.goto('/dashboard/district');
      await page.getByText(`keadaan per ${formatDate(today, 'id')}`).waitFor();
      const headline = page.locator('.stat', { hasText: 'Peserta aktif' }).locator('dd');
      expect((await headline.textContent())?.trim()).toBe(formatCount(dashboard.active, 'id'));

      const chart = page.locator('section.budget-chart');
      await chart.getByRole('heading', { name: 'Penggunaan anggaran' }).waitFor();
      const box = await chart.boundingBox();
      // 26 payers: one bar each was 80 + 56 px per payer (1,536 px here, 3,431 px on the demo).
      expect(box!.height).toBeLessThanOrEqual(700);
      const payers = page.locator('section.budget-payers');
      const rows = payers.locator('tbody tr');
      expect(await rows.count()).toBe(dashboard.budget.length);
      for (const text of await moneyCells(page, 'section.budget-payers')) {
        expect(text.trim()).toMatch(new RegExp(`${MONEY.source}|^pagu belum diisi$`));
      }
      const last = dashboard.budget.at(-1)!.payerName;
      await payers.getByLabel('Cari pembayar').fill(last.slice(-6));
      expect(await rows.count()).toBeGreaterThan(0);
      for (const row of await rows.allInnerTexts())
        expect(row.toLowerCase()).toContain(last.slice(-6).toLowerCase());
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `numbers-dashboard-${viewport.name}`);

      // A new date: the old figures leave the screen while the new ones load.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/api/v1/dashboards/district?*', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByLabel('Per tanggal').fill(`${Number(today.slice(0, 4)) - 1}-06-30`);
      await page.getByRole('status').getByText('Memuat…').waitFor();
      expect(await headline.count()).toBe(0);
      release();
      await page.getByText(`keadaan per 30 Juni ${Number(today.slice(0, 4)) - 1}`).waitFor();
      await headline.waitFor();
      await page.unroute('**/api/v1/dashboards/district?*');

      // English: dates in English, money written the same way.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText(`as of 30 June ${Number(today.slice(0, 4)) - 1}`).waitFor();
      await page.locator('section.budget-payers tbody tr').first().waitFor();
      for (const text of await moneyCells(page, 'section.budget-payers')) {
        expect(text.trim()).toMatch(new RegExp(`${MONEY.source}|^no budget set$`));
      }
      await screenshot(page, `numbers-dashboard-en-${viewport.name}`);
    } finally {
      await context.close();
    }
  });
});
