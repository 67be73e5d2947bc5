import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  DEMO_PASSWORD,
  enrolThroughApi,
  lamaknenWorkers,
  submitJkmClaim,
  todayWita,
} from './support/api.ts';
import { expectAccessible } from './support/axe.ts';
import { artifactsDir, launchBrowser, openMenu } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Dashboards end to end at phone (360 × 780) and desktop (1280 × 800) size. Through the API:
// 12 workers of Desa Kewar (Kec. Lamaknen) are enrolled, one JKM claim is paid (filed, approved,
// batched, PAID by the bank) and the district enters its workforce. In the browser the district
// officer sees the UCJ % and Kewar's row in the village drill-down and corrects the workforce in
// the form; the branch supervisor sees the paid claim, the SLA and the batch; the branch officer
// builds the branch report. No page scrolls sideways; the charts load ECharts only when needed.
// Screenshots go to test-artifacts/e2e/dashboards/ with the other browser tests' (CI keeps them).

const SIZES = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
type Size = (typeof SIZES)[number];

const screenshotsDir = join(artifactsDir, 'dashboards');
const WORKFORCE = 120_000;
const KEWAR = '53.04.01.2001';
const LAMAKNEN = '53.04.01';

let server: RunningServer;
let browser: Browser;
let today = '';

interface Area {
  code: string;
  name: string;
  level: string;
  active: number;
  bySegment: Record<string, number>;
  byFunding: Record<string, number>;
}
interface DistrictDashboard {
  ucj: { year: number; workforce: number; covered: number; percent: number; source: string } | null;
  areas: Area[];
}

/** `1` → `1%`, `1.25` → `1,25%`: what the screen shows for a percentage in Bahasa Indonesia. */
function percentId(percent: number): string {
  return new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

const JKM_RP = 42_000_000;
let batchNumber = '';

/**
 * One JKM death claim of a Kewar worker, paid through the API as the claims journey does it:
 * filed with its checklist, approved by the supervisor, batched, exported and reported PAID
 * by the bank today. The branch dashboard then has a claim, a decision and a batch to show.
 */
async function payOneJkmClaim(nik: string): Promise<void> {
  const officer = await apiLogin(server.baseUrl, 'cabang.atambua');
  const supervisor = await apiLogin(server.baseUrl, 'supervisor.atambua');
  const found = await apiCall<{ participants: { kpj: string }[] }>(officer, 'GET', `/participants?q=${nik}`);
  const claim = await submitJkmClaim(server.baseUrl, found.participants[0]!.kpj, today);
  expect(claim.submitted).toMatchObject({ amountRp: JKM_RP });
  await apiCall(supervisor, 'POST', `/claims/${claim.id}/decision`, { approve: true });
  const batch = await apiCall<{ id: number; number: string; count: number; totalRp: number }>(
    officer,
    'POST',
    '/payout-batches',
    { regencyCode: '53.04' },
  );
  expect(batch).toMatchObject({ count: 1, totalRp: JKM_RP });
  batchNumber = batch.number;
  await apiCall(supervisor, 'POST', `/payout-batches/${batch.id}/approve`, {
    declaredCount: 1,
    declaredTotalRp: JKM_RP,
  });
  const exported = await fetch(`${server.baseUrl}/api/v1/payout-batches/${batch.id}/export`, {
    headers: { Cookie: officer.cookie },
  });
  expect(exported.status).toBe(200);
  // Downloading is not sending: the batch is marked sent by its own step, naming the file's hash.
  await apiCall(officer, 'POST', `/payout-batches/${batch.id}/sent`, {
    format: 'csv',
    sha256: exported.headers.get('x-content-sha256'),
  });
  const [header, line] = (await exported.text()).trim().split(/\r\n/);
  const payoutId = line!.split(',')[header!.split(',').indexOf('payout_id')];
  const result = [
    'batch_reference,payout_id,status,date,bank_reference,amount_rp',
    `${batch.number},${payoutId},PAID,${today},BRI-TRF-000777,${JKM_RP}`,
  ].join('\r\n');
  const paid = await apiCall<{ paid: number }>(
    officer,
    'POST',
    `/payout-batches/${batch.id}/result`,
    Buffer.from(`${result}\r\n`),
    { 'Content-Type': 'text/csv', 'X-File-Name': 'hasil-bank.csv' },
  );
  expect(paid.paid).toBe(1);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(screenshotsDir, { recursive: true });
  today = todayWita();
  const workers = lamaknenWorkers(12, 7000);
  expect(await enrolThroughApi(server.baseUrl, workers)).toBe(12);
  await payOneJkmClaim(workers[0]!.nik);
  const district = await apiLogin(server.baseUrl, 'dinas.belu');
  await apiCall(district, 'PUT', '/workforce', {
    regencyCode: '53.04',
    year: Number(today.slice(0, 4)),
    workforce: WORKFORCE,
    source: 'BPS Kabupaten Belu, Sakernas (uji)',
    targetPercent: 5,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(size: Size, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: 1,
    isMobile: size.width < 720,
    hasTouch: size.width < 720,
  });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await page.getByRole('heading', { level: 1, name: /^Masuk$/ }).waitFor();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

async function openNav(page: Page, label: string, title: string): Promise<void> {
  await openMenu(page);
  const nav = page.getByRole('navigation', { name: 'Menu utama' });
  await nav.getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/** Waits until every chart on the page has been drawn (ECharts loads lazily). */
async function chartsDrawn(page: Page): Promise<number> {
  await page.locator('.echart').first().waitFor();
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.echart')).every(
      (chart) => chart.getAttribute('data-ready') === 'true' && chart.querySelector('svg') !== null,
    ),
  );
  return page.locator('.echart svg').count();
}

/**
 * scrollWidth ≤ innerWidth: the page does not scroll sideways. On a phone an overflowing
 * element would widen the layout viewport (and innerWidth with it), so innerWidth must also
 * still be the device width.
 */
async function expectNoSideScroll(page: Page, size: Size): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  expect(innerWidth).toBe(size.width);
}

async function shoot(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

describe('district dashboard (Belu)', () => {
  for (const size of SIZES) {
    it(`district officer sees the UCJ % and Kewar's village row at ${size.width} px`, async () => {
      const api = await apiLogin(server.baseUrl, 'dinas.belu');
      const expected = await apiCall<DistrictDashboard>(
        api,
        'GET',
        `/dashboards/district?regency=53.04&asOf=${today}`,
      );
      expect(expected.ucj).not.toBeNull();
      expect(expected.ucj!.workforce).toBe(WORKFORCE);
      // covered ÷ workforce, two decimals (the screen shows the API's figure).
      expect(expected.ucj!.percent).toBeCloseTo((expected.ucj!.covered * 100) / WORKFORCE, 2);
      expect(expected.ucj!.covered).toBeGreaterThanOrEqual(11);
      const kewar = expected.areas.find((a) => a.code === KEWAR)!;
      // 12 enrolled; the one whose JKM claim was paid may have ended.
      expect(kewar.active).toBeGreaterThanOrEqual(11);
      expect(kewar.bySegment.BPU).toBeGreaterThanOrEqual(11);

      const { context, page } = await signedIn(size, 'dinas.belu');
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      try {
        // ECharts is its own chunk, fetched only when a dashboard draws its first chart.
        await page.goto('/wilayah');
        await page.locator('main h1').waitFor();
        expect(scripts.filter((path) => path.includes('echarts'))).toEqual([]);
        await openNav(page, 'Dasbor kabupaten', 'Dasbor kabupaten');
        expect(new URL(page.url()).pathname).toBe('/dashboard/district');

        // UCJ: covered ÷ workforce, as the screen computes nothing itself but must show it right.
        const percent = page.getByTestId('ucj-percent');
        await percent.waitFor();
        expect((await percent.textContent())?.trim()).toBe(percentId(expected.ucj!.percent));
        await page
          .getByText(
            `${expected.ucj!.covered.toLocaleString('id-ID')} dari ${WORKFORCE.toLocaleString('id-ID')} angkatan kerja terlindungi`,
          )
          .waitFor();
        await page.getByText('BPS Kabupaten Belu, Sakernas (uji)').waitFor();

        // Drill down to the villages of Kec. Lamaknen: Kewar's row with its counts.
        await page.getByLabel('Kecamatan', { exact: true }).selectOption(LAMAKNEN);
        const row = page.locator(`table.village-table tbody tr[data-area="${KEWAR}"]`);
        await row.waitFor();
        expect((await row.locator('th').textContent())?.trim()).toBe(kewar.name);
        expect((await row.locator('[data-column="active"]').textContent())?.trim()).toBe(
          String(kewar.active),
        );
        expect((await row.locator('[data-column="segment-BPU"]').textContent())?.trim()).toBe(
          String(kewar.bySegment.BPU),
        );
        expect((await row.locator('[data-column="funding-APBDES"]').textContent())?.trim()).toBe(
          String(kewar.byFunding.APBDES ?? 0),
        );

        expect(await chartsDrawn(page)).toBe(4);
        expect(scripts.filter((path) => /\/assets\/echarts-setup-[\w-]+\.js$/.test(path))).toHaveLength(1);
        await expectNoSideScroll(page, size);
        await shoot(page, `district-dashboard-${size.name}`);

        // A chart's table view holds the same figures; the page still does not scroll sideways.
        const areasPanel = page.locator('section.chart-panel', {
          has: page.getByRole('heading', { name: 'Peserta aktif per kecamatan' }),
        });
        await areasPanel.getByRole('button', { name: 'Tampilkan sebagai tabel' }).click();
        const lamaknen = areasPanel.locator(`table.district-table tr[data-area="${LAMAKNEN}"]`);
        await lamaknen.waitFor();
        const lamaknenActive = expected.areas.find((a) => a.code === LAMAKNEN)!.active;
        expect((await lamaknen.locator('td').first().textContent())?.trim()).toBe(String(lamaknenActive));
        await expectNoSideScroll(page, size);

        // Its CSV link asks the dashboard for that table as CSV.
        const href = await areasPanel.getByRole('link', { name: /CSV/ }).getAttribute('href');
        const url = new URL(href!, server.baseUrl);
        expect(url.pathname).toBe('/api/v1/dashboards/district');
        expect(url.searchParams.get('format')).toBe('csv');
        expect(url.searchParams.get('table')).toBe('districts');
        const csv = await context.request.get(href!);
        expect(csv.status()).toBe(200);
        expect(await csv.text()).toContain('Lamaknen');
        if (size.name === 'phone') await shoot(page, `district-dashboard-${size.name}-table`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('workforce form', () => {
  it('district officer enters next workforce figures on a phone and the UCJ % follows', async () => {
    const { context, page } = await signedIn(SIZES[0], 'dinas.belu');
    try {
      await openNav(page, 'Dasbor kabupaten', 'Dasbor kabupaten');
      const percent = page.getByTestId('ucj-percent');
      await percent.waitFor();
      const before = await apiCall<DistrictDashboard>(
        await apiLogin(server.baseUrl, 'dinas.belu'),
        'GET',
        `/dashboards/district?regency=53.04&asOf=${today}`,
      );
      const covered = before.ucj!.covered;

      await page.getByText('Isi angkatan kerja dan target').click();
      await page.getByLabel('Jumlah angkatan kerja').fill('150.000');
      await page.getByLabel('Target cakupan (%)').fill('40');
      await page.getByLabel('Sumber data').fill('BPS Belu, revisi (uji)');
      await page.getByRole('button', { name: 'Simpan', exact: true }).click();
      await page.getByText('Angkatan kerja dan target disimpan.').waitFor();
      await page.getByText('BPS Belu, revisi (uji)', { exact: true }).waitFor();
      await page
        .getByText(`${covered.toLocaleString('id-ID')} dari 150.000 angkatan kerja terlindungi`)
        .waitFor();
      expect((await percent.textContent())?.trim()).toBe(
        percentId(Math.round((covered * 10_000) / 150_000) / 100),
      );
      await page.locator('.ucj-facts dd', { hasText: /^40%/ }).waitFor();

      // Stored as entered: the API answers the same figures.
      const after = await apiCall<DistrictDashboard & { ucj: { targetPercent: number } }>(
        await apiLogin(server.baseUrl, 'dinas.belu'),
        'GET',
        `/dashboards/district?regency=53.04&asOf=${today}`,
      );
      expect(after.ucj).toMatchObject({
        workforce: 150_000,
        targetPercent: 40,
        source: 'BPS Belu, revisi (uji)',
      });
      await expectNoSideScroll(page, SIZES[0]);
      await shoot(page, 'district-dashboard-phone-workforce');
    } finally {
      await context.close();
    }
  });
});

describe('branch dashboard', () => {
  for (const size of SIZES) {
    it(`branch supervisor sees the paid JKM claim, SLA and its payout batch at ${size.width} px`, async () => {
      const year = Number(today.slice(0, 4));
      const api = await apiLogin(server.baseUrl, 'supervisor.atambua');
      const expected = await apiCall<{
        benefitsPaidRp: number;
        claimsByMonth: { period: string; program: string; count: number; amountRp: number }[];
        sla: { percent: number; decided: number; withinSla: number };
        payoutBatches: { number: string; status: string }[];
      }>(api, 'GET', `/dashboards/branch?regency=53.04&year=${year}`);
      // The claim paid in beforeAll (the demo may hold more).
      expect(expected.benefitsPaidRp).toBeGreaterThanOrEqual(JKM_RP);
      expect(expected.claimsByMonth).toContainEqual(
        expect.objectContaining({ period: today.slice(0, 7), program: 'JKM' }),
      );
      expect(expected.payoutBatches.map((b) => b.number)).toContain(batchNumber);

      const { context, page } = await signedIn(size, 'supervisor.atambua');
      try {
        await openNav(page, 'Dasbor cabang', 'Dasbor cabang');
        expect(new URL(page.url()).pathname).toBe('/dashboard/branch');
        const paid = page.getByTestId('benefits-paid');
        await paid.waitFor();
        expect((await paid.textContent())?.trim()).toBe(
          `Rp ${expected.benefitsPaidRp.toLocaleString('id-ID')}`,
        );
        expect((await page.getByTestId('sla-percent').textContent())?.trim()).toBe(
          percentId(expected.sla.percent),
        );
        await page
          .getByText(`${expected.sla.withinSla} dari ${expected.sla.decided} keputusan`, { exact: true })
          .waitFor();

        // The payout batch, reconciled after the bank's PAID result.
        const batch = page.locator('table.batch-table tbody tr', { hasText: batchNumber });
        await batch.waitFor();
        expect((await batch.locator('td').first().textContent())?.trim()).toBe('Selesai dicocokkan');
        expect(await page.locator('table.batch-table tbody tr').count()).toBe(expected.payoutBatches.length);

        expect(await chartsDrawn(page)).toBe(1);
        await expectNoSideScroll(page, size);
        await shoot(page, `branch-dashboard-${size.name}`);

        // The stacked bar's table view: this month's JKM claims with their amount.
        const panel = page.locator('section.chart-panel', {
          has: page.getByRole('heading', { name: 'Klaim dibayar per program dan bulan' }),
        });
        await panel.getByRole('button', { name: 'Tampilkan sebagai tabel' }).click();
        const jkm = expected.claimsByMonth.find(
          (r) => r.period === today.slice(0, 7) && r.program === 'JKM',
        )!;
        const month = new Intl.DateTimeFormat('id-ID', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 1));
        const row = panel.locator('tbody tr', { has: page.locator('th', { hasText: month }) }).filter({
          has: page.locator('td', { hasText: /^JKM$/ }),
        });
        await row.waitFor();
        const cells = await row.locator('td').allTextContents();
        expect(cells.map((c) => c.trim())).toEqual([
          'JKM',
          String(jkm.count),
          `Rp ${jkm.amountRp.toLocaleString('id-ID')}`,
        ]);
        await expectNoSideScroll(page, size);
      } finally {
        await context.close();
      }
    });
  }
});

describe('branch report', () => {
  it('branch officer builds the report for Belu at 360 px, with CSV, XLSX and PDF downloads', async () => {
    const from = `${today.slice(0, 4)}-01-01`;
    const api = await apiLogin(server.baseUrl, 'cabang.atambua');
    const expected = await apiCall<{ activeParticipants: { total: number; informal: number } }>(
      api,
      'GET',
      `/reports/branch?regency=53.04&from=${from}&to=${today}`,
    );
    expect(expected.activeParticipants.total).toBeGreaterThanOrEqual(11);

    const size = SIZES[0];
    const { context, page } = await signedIn(size, 'cabang.atambua');
    try {
      await openNav(page, 'Laporan', 'Laporan cabang');
      await page.getByLabel('Dari tanggal').fill(from);
      await page.getByLabel('Sampai tanggal').fill(today);
      await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
      const total = page.getByRole('row', { name: /Semua peserta aktif/ });
      await total.waitFor();
      expect((await total.locator('td').textContent())?.trim()).toBe(
        expected.activeParticipants.total.toLocaleString('id-ID'),
      );
      for (const [label, type] of [
        ['Unduh CSV', 'text/csv'],
        ['Unduh Excel (XLSX)', 'spreadsheetml'],
        ['Unduh PDF', 'application/pdf'],
      ] as const) {
        const href = await page.getByRole('link', { name: label }).getAttribute('href');
        const response = await context.request.get(href!);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain(type);
      }
      await expectNoSideScroll(page, size);
      await shoot(page, 'branch-report-phone');
    } finally {
      await context.close();
    }
  });
});
