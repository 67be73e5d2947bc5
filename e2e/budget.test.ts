import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, createYearAgreement, enrolmentCsv, lamaknenWorkers } from './support/api.ts';
import { fitsDevice, launchBrowser, newContext, screenshot, VIEWPORTS } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// The district officer verifies a batch that takes Desa Fulur over its APBDes allocation: the
// quota and budget panel shows the warning, verifying without the acknowledgement is refused with
// the API's message, with it the batch is verified; the budget page marks Fulur's row over budget.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const DESKTOP = VIEWPORTS.find((v) => v.name === 'desktop')!;
const FULUR = '53.04.01.2002';
const YEAR = new Date().getUTCFullYear();

let server: RunningServer;
let browser: Browser;
let batchId = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const dinas = await apiLogin(server.baseUrl, 'dinas.belu');
  const agreementId = await createYearAgreement(dinas, {
    number: `PKS/E2E-ANGGARAN-FULUR/${YEAR}`,
    title: 'Perlindungan pekerja rentan (uji anggaran)',
    year: YEAR,
    signedOn: `${YEAR}-01-10`,
  });
  await apiCall(dinas, 'POST', `/agreements/${agreementId}/allocations`, {
    fundingSource: 'APBDES',
    fiscalYear: YEAR,
    amountRp: 100_000,
    quotaWorkers: 5,
    villageCode: FULUR,
  });
  const operator = await apiLogin(server.baseUrl, 'desa.fulur');
  const up = await apiCall<{ batch: { id: number }; upload: { valid: number } }>(
    operator,
    'POST',
    `/enrolment/uploads?village=${FULUR}&dryRun=false`,
    enrolmentCsv(lamaknenWorkers(12, 7100), FULUR),
    { 'X-File-Name': 'anggaran.csv' },
  );
  expect(up.upload.valid).toBe(12);
  batchId = up.batch.id;
  await apiCall(operator, 'POST', `/enrolment/batches/${batchId}/submit`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(viewport: typeof PHONE | typeof DESKTOP, username: string) {
  const context = await newContext(browser, server.baseUrl, viewport);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill('lindung-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

/** Opens the verify question (unless still open after a refusal) and confirms it. */
async function confirmVerify(page: Page, open = true) {
  const actions = page.locator('section.actions');
  if (open) await actions.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await actions.getByRole('button', { name: 'Ya, verifikasi' }).click();
}

describe('budget and quota at verification (browser)', () => {
  it('district officer: sees the warning, must acknowledge it, then verifies', async () => {
    const { context, page } = await signedIn(DESKTOP, 'dinas.belu');
    try {
      await page
        .getByRole('navigation', { name: 'Menu utama' })
        .getByRole('link', { name: 'Verifikasi' })
        .click();
      await page.getByRole('link', { name: /fulur/i }).click();
      expect(new URL(page.url()).pathname).toBe(`/verifikasi/${batchId}`);
      const panel = page.locator('section.budget-check');
      await panel.getByRole('heading', { name: `Kuota dan anggaran tahun ${YEAR}` }).waitFor();
      await panel.getByText('Pemerintah Desa Fulur').first().waitFor();
      await panel.getByText(/Melampaui pagu sebesar/).waitFor();
      await panel.getByText(/Melampaui kuota: \d+ pekerja dari kuota 5/).waitFor();
      await screenshot(page, 'budget-01-verify-warning');

      await confirmVerify(page);
      await page
        .locator('section.actions')
        .getByRole('alert')
        .getByText(/konfirmasi peringatan/)
        .waitFor();
      expect(
        (
          await apiCall<{ batch: { status: string } }>(
            await apiLogin(server.baseUrl, 'dinas.belu'),
            'GET',
            `/enrolment/batches/${batchId}`,
          )
        ).batch.status,
      ).toBe('submitted');

      await panel.getByLabel(/Saya sudah membaca peringatan anggaran ini/).check();
      await confirmVerify(page, false);
      await page.getByText('Batch telah diverifikasi dan diteruskan ke kantor cabang.').waitFor();
      await screenshot(page, 'budget-02-verified');
    } finally {
      await context.close();
    }
  });

  it('budget page: Fulur’s row is marked over budget once the batch is active, on a phone too', async () => {
    // Committed counts active workers: the branch activates the verified batch first.
    const branch = await apiLogin(server.baseUrl, 'cabang.atambua');
    await apiCall(branch, 'POST', `/enrolment/batches/${batchId}/activate`);
    const { context, page } = await signedIn(PHONE, 'dinas.belu');
    try {
      await page.goto('/anggaran');
      await page.getByRole('heading', { level: 1, name: 'Anggaran dan kuota' }).waitFor();
      const row = page.locator('tr.over-budget-row', { hasText: 'Pemerintah Desa Fulur' });
      await row.waitFor();
      await row.getByText('Melampaui', { exact: true }).waitFor();
      await page
        .getByRole('alert')
        .getByText(/Peringatan anggaran/)
        .waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'budget-03-page-phone');
    } finally {
      await context.close();
    }
  });
});
