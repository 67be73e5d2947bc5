import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, enrolThroughApi, lamaknenWorkers } from './support/api.ts';
import { fitsDevice, launchBrowser, newContext, screenshot, VIEWPORTS } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Participant self-service end to end on a 360 px phone: ten workers of Desa Kewar are enrolled
// and billed for December 2026 through the API; the branch issues the first worker's one-time
// code; the worker opens "Aktivasi akun" from the login screen, is refused with a wrong code,
// activates with the right one, and sees the card, coverage, contributions and claims; then
// logs out and back in with KPJ + password. The used code no longer works.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const PASSWORD = 'sandi-peserta-kewar';
const WORKERS = lamaknenWorkers(10, 7000);

let server: RunningServer;
let browser: Browser;
let participant: { id: number; kpj: string; fullName: string };
let code = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  expect(await enrolThroughApi(server.baseUrl, WORKERS)).toBe(10);
  const branch = await apiLogin(server.baseUrl, 'cabang.atambua');
  await apiCall(branch, 'POST', '/billing/runs', { regencyCode: '53.04', period: '2026-12' });
  const list = await apiCall<{ participants: { id: number; kpj: string; fullName: string }[] }>(
    branch,
    'GET',
    `/participants?q=${encodeURIComponent(WORKERS[0]!.nik)}`,
  );
  participant = list.participants[0]!;
  expect(participant.fullName).toBe(WORKERS[0]!.fullName);
  code = (await apiCall<{ code: string }>(branch, 'POST', `/participants/${participant.id}/activation-code`))
    .code;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = (page: Page, name: RegExp | string) => page.getByRole('heading', { level: 1, name });
const spacedKpj = (kpj: string) =>
  `${kpj.slice(0, 2)} ${kpj.slice(2, 6)} ${kpj.slice(6, 10)} ${kpj.slice(10)}`;

describe('participant self-service on a phone', () => {
  it('activates with the code from the letter and sees card, coverage, contributions and claims', async () => {
    const context = await newContext(browser, server.baseUrl, PHONE);
    const page = await context.newPage();
    try {
      await page.goto('/');
      await page.getByRole('button', { name: 'Indonesia' }).click();
      await heading(page, /^Masuk$/).waitFor();
      await page.getByRole('link', { name: 'Aktivasi akun' }).click();
      await heading(page, 'Aktivasi akun peserta').waitFor();
      expect(new URL(page.url()).pathname).toBe('/aktivasi-akun');

      await page.getByLabel('Nomor KPJ').fill(participant.kpj);
      await page.getByLabel('Kode aktivasi').fill('AAAA-BBBB-CCCC');
      await page.getByLabel('Kata sandi baru').fill(PASSWORD);
      await page.getByLabel('Ulangi kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
      await page
        .getByRole('alert')
        .getByText(/kode aktivasi salah/)
        .waitFor();

      await page.getByLabel('Kode aktivasi').fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
      await heading(page, participant.fullName).waitFor();
      expect(new URL(page.url()).pathname).toBe('/saya');
      const card = page.getByRole('region', { name: 'Kartu peserta' });
      await card.getByText(spacedKpj(participant.kpj)).waitFor();
      await card.getByText('Aktif', { exact: true }).waitFor();
      await page.getByText('Jaminan Kecelakaan Kerja').waitFor();
      await page.getByText('Jaminan Kematian').waitFor();
      await page.getByRole('heading', { name: 'Masa perlindungan' }).waitFor();
      await page.getByText(/– sekarang$/).waitFor();
      await page.getByText('Anda tidak terdaftar di program JHT.').waitFor();
      expect(await page.getByRole('link', { name: /Unduh kartu/ }).getAttribute('href')).toBe(
        '/api/v1/me/card.pdf',
      );
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'self-service-home-phone');

      await page.getByRole('link', { name: /Riwayat iuran/ }).click();
      await heading(page, 'Riwayat iuran').waitFor();
      const items = page.locator('li.me-item');
      await expect.poll(() => items.count()).toBe(2);
      await items.filter({ hasText: 'JKK' }).getByText('Rp 10.000').waitFor();
      await items.filter({ hasText: 'JKM' }).getByText('Rp 6.800').waitFor();
      await items.first().getByText('Belum dibayar').waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'self-service-contributions-phone');

      await page.getByRole('link', { name: /Kembali/ }).click();
      await page.getByRole('link', { name: /Status klaim/ }).click();
      await heading(page, 'Status klaim').waitFor();
      await page.getByText('Belum ada klaim.').waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);

      await page.getByRole('button', { name: 'Keluar' }).click();
      await heading(page, /^Masuk$/).waitFor();
      await page.getByLabel('Nama pengguna').fill(participant.kpj);
      await page.getByLabel('Kata sandi').fill(PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await heading(page, participant.fullName).waitFor();
      expect(new URL(page.url()).pathname).toBe('/saya');
    } finally {
      await context.close();
    }
  });

  it('the used code cannot be used again', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/auth/activate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kpj: participant.kpj, code, password: 'kata-sandi-lain-99' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ACTIVATION_FAILED');
  });
});
