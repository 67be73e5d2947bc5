import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, enrolThroughApi, lamaknenWorkers, todayWita } from './support/api.ts';
import { fitsDevice, heading, openNav, screenshot, VIEWPORTS } from './support/browser.ts';
import { serverAndBrowser } from './support/suite.ts';

// Billing end to end: 12 workers of Desa Kewar are enrolled through the API; in the browser
// the branch officer runs the December 2026 billing on /tagihan and sees Kewar's invoice
// (12 × Rp 16.800 = Rp 201.600, due 15 Desember 2026), records the payment on /pembayaran
// (a double tap books it once) and the balance drops to Rp 0; the invoice then shows Lunas,
// also to the village operator on a 360 px phone.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const DESKTOP = VIEWPORTS.find((v) => v.name === 'desktop')!;
const PAYER = 'Pemerintah Desa Kewar';

const run = serverAndBrowser();

beforeAll(async () => {
  expect(await enrolThroughApi(run.server.baseUrl, lamaknenWorkers(12, 5000))).toBe(12);
});

/** The value a table cell shows for a column, by its data-label (works as table and as cards). */
async function cell(row: Locator, label: string): Promise<string> {
  return ((await row.locator(`[data-label="${label}"]`).first().textContent()) ?? '').trim();
}

describe('billing: run, invoice, payment, paid', () => {
  let invoiceNumber = '';

  it('branch officer runs December 2026 billing and sees Kewar’s invoice', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'cabang.atambua');
    try {
      await openNav(page, 'Tagihan', 'Tagihan');
      expect(new URL(page.url()).pathname).toBe('/tagihan');
      await page.getByLabel('Bulan tagihan').fill('2026-12');
      const [response] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/billing/runs'),
        page.getByRole('button', { name: 'Jalankan penagihan' }).click(),
      ]);
      expect(response.status()).toBe(200);
      await page
        .getByText('Penagihan Desember 2026 selesai: 12 peserta, 1 tagihan, total Rp 201.600.')
        .waitFor();

      const created = page.locator('table.invoice-table', { has: page.getByText('Tagihan yang dibuat (1)') });
      const row = created.locator('tbody tr', { hasText: PAYER });
      expect(await row.count()).toBe(1);
      invoiceNumber = await cell(row, 'Nomor');
      expect(invoiceNumber).toMatch(/^INV\//);
      expect(await cell(row, 'Periode')).toBe('Desember 2026');
      expect(await cell(row, 'Jatuh tempo')).toBe('15 Desember 2026');
      expect(await cell(row, 'Total')).toBe('Rp 201.600');
      expect(await cell(row, 'Dibayar')).toBe('Rp 0');
      expect(await cell(row, 'Sisa')).toBe('Rp 201.600');
      expect(await cell(row, 'Status')).toBe('Belum dibayar');

      // The list below shows it too, with a PDF that really is one.
      const listed = page.locator('table.invoice-table', { has: page.getByText('Tagihan (1)') });
      await listed.locator('tbody tr', { hasText: invoiceNumber }).waitFor();
      const pdfHref = await row.getByRole('link', { name: /PDF/ }).getAttribute('href');
      const pdf = await context.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');

      // Running again issues nothing new.
      await page.getByRole('button', { name: 'Jalankan penagihan' }).click();
      await page.getByText('Tidak ada tagihan baru untuk Desember 2026: semuanya sudah ditagih.').waitFor();
      await screenshot(page, 'billing-01-run');
    } finally {
      await context.close();
    }
  });

  it('branch officer records the payment once (double tap) and the balance is Rp 0', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'cabang.atambua');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/payments') {
        posts.push(request.headers()['idempotency-key'] ?? '');
      }
    });
    try {
      await openNav(page, 'Pembayaran', 'Pembayaran');
      await page
        .getByLabel('Pembayar', { exact: true })
        .selectOption({ label: `${PAYER} · sisa Rp 201.600` });
      await page.getByLabel('Jumlah diterima (Rp)').fill('201.600');
      // Received today: a payment dated after today is refused (DATE_IN_FUTURE).
      await page.getByLabel('Tanggal diterima').fill(todayWita());
      await page.getByLabel('Referensi').fill('TRF-BRI-0001');
      await page.getByRole('button', { name: 'Simpan pembayaran' }).dblclick();
      await page.getByText(/^Pembayaran nomor \d+ dari Pemerintah Desa Kewar telah dicatat\.$/).waitFor();
      await page.getByText('Sisa tagihan sekarang: Rp 0').waitFor();
      expect(posts.length).toBeGreaterThanOrEqual(1);
      expect(new Set(posts).size).toBe(1);

      const payers = page.locator('table.payer-table');
      const row = payers.locator('tbody tr', { hasText: PAYER });
      await row.locator('[data-label="Sisa"]', { hasText: 'Rp 0' }).waitFor();
      expect(await cell(row, 'Dibayar')).toBe('Rp 201.600');
      await screenshot(page, 'billing-02-payment');

      // Booked once: the ledger says 201.600 paid, not twice that.
      const api = await apiLogin(run.server.baseUrl, 'cabang.atambua');
      const { payers: list } = await apiCall<{
        payers: { name: string; paidRp: number; balanceRp: number }[];
      }>(api, 'GET', '/payers');
      expect(list.find((p) => p.name === PAYER)).toMatchObject({ paidRp: 201600, balanceRp: 0 });

      await openNav(page, 'Tagihan', 'Tagihan');
      const invoice = page.locator('table.invoice-table tbody tr', { hasText: invoiceNumber });
      await invoice.getByText('Lunas', { exact: true }).waitFor();
      expect(await cell(invoice, 'Sisa')).toBe('Rp 0');
      await screenshot(page, 'billing-03-paid');
    } finally {
      await context.close();
    }
  });

  it('village operator (phone) sees the invoice as Lunas, and its summary by programme', async () => {
    const { context, page } = await run.signedIn(PHONE, 'desa.kewar');
    try {
      await openNav(page, 'Tagihan', 'Tagihan');
      await page.getByText('Tagihan iuran desa Anda dan pembayaran yang sudah diterima.').waitFor();
      expect(await page.getByRole('button', { name: 'Jalankan penagihan' }).count()).toBe(0);
      const invoice = page.locator('table.invoice-table tbody tr', { hasText: invoiceNumber });
      await invoice.getByText('Lunas', { exact: true }).waitFor();
      expect(await page.locator('table.invoice-table tbody tr').count()).toBe(1);
      expect(await cell(invoice, 'Total')).toBe('Rp 201.600');
      expect(await cell(invoice, 'Jatuh tempo')).toBe('15 Desember 2026');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'billing-04-village');

      await invoice.getByRole('link', { name: invoiceNumber, exact: true }).click();
      await heading(page, invoiceNumber).waitFor();
      await page.getByText('Lunas', { exact: true }).first().waitFor();
      const summary = page.locator('table.summary-table');
      const jkk = summary.locator('tbody tr', { hasText: 'JKK' });
      const jkm = summary.locator('tbody tr', { hasText: 'JKM' });
      expect(await cell(jkk, 'Jumlah')).toBe('Rp 120.000');
      expect(await cell(jkm, 'Jumlah')).toBe('Rp 81.600');
      expect(await cell(jkk, 'Peserta')).toBe('12');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'billing-05-village-invoice');
    } finally {
      await context.close();
    }
  });
});
