import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  apiLogin,
  enrolThroughApi,
  lamaknenWorkers,
  submitJkmClaim,
  todayWita,
} from './support/api.ts';
import { fitsDevice, launchBrowser, newContext, screenshot, VIEWPORTS } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Participant self-service end to end on a 360 px phone: ten workers of Desa Kewar are enrolled
// and billed for December 2026 through the API; the branch issues the first worker's one-time
// code; the worker opens "Aktivasi akun" from the login screen, is refused with a wrong code,
// activates with the right one, and sees the card, coverage, contributions and claims; then
// logs out and back in with KPJ + password. The used code no longer works.
// At phone and desktop size a second worker, with a JKM claim filed and submitted, reads the
// claim's steps (each once, though seven documents came in) and the bank by its name, and the
// public card check answers at /cek/{kpj}, also for the old /verifikasi/{kpj} QR codes.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const PASSWORD = 'sandi-peserta-kewar';
const CLAIMANT_PASSWORD = 'sandi-peserta-klaim';
const WORKERS = lamaknenWorkers(10, 7000);

let server: RunningServer;
let browser: Browser;
let participant: { id: number; kpj: string; fullName: string };
let code = '';
/** The second worker: an activated account and a submitted JKM claim. */
let claimant: { kpj: string; fullName: string; claimId: number };

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

  const second = (
    await apiCall<{ participants: { id: number; kpj: string; fullName: string }[] }>(
      branch,
      'GET',
      `/participants?q=${encodeURIComponent(WORKERS[1]!.nik)}`,
    )
  ).participants[0]!;
  const secondCode = await apiCall<{ code: string }>(
    branch,
    'POST',
    `/participants/${second.id}/activation-code`,
  );
  const activated = await fetch(`${server.baseUrl}/api/v1/auth/activate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kpj: second.kpj, code: secondCode.code, password: CLAIMANT_PASSWORD }),
  });
  expect(activated.status).toBe(200);
  const claim = await submitJkmClaim(server.baseUrl, second.kpj, todayWita());
  claimant = { kpj: second.kpj, fullName: second.fullName, claimId: claim.id };
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

describe.each(VIEWPORTS)('self-service claim steps and the public card check at $name size', (viewport) => {
  it('the member reads the claim: each step once, the bank by its name', async () => {
    const context = await newContext(browser, server.baseUrl, viewport);
    const page = await context.newPage();
    try {
      await page.goto('/');
      await page.getByRole('button', { name: 'Indonesia' }).click();
      await page.getByLabel('Nama pengguna').fill(claimant.kpj);
      await page.getByLabel('Kata sandi').fill(CLAIMANT_PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await heading(page, claimant.fullName).waitFor();
      await page.getByRole('region', { name: 'Kartu peserta' }).getByText(spacedKpj(claimant.kpj)).waitFor();
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `self-service-card-${viewport.name}`);

      await page.getByRole('link', { name: /Status klaim/ }).click();
      await heading(page, 'Status klaim').waitFor();
      await page.getByRole('link', { name: /KLM\// }).click();
      await heading(page, /^KLM\/5304\/\d{4}\/\d{6}$/).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/klaim-saya/${claimant.claimId}`);
      // Filed, seven documents received, submitted: two steps, not "Diterima" once per document.
      const steps = page.locator('ol.me-list li .badge');
      await steps.first().waitFor();
      expect((await steps.allTextContents()).map((s) => s.trim())).toEqual(['Diterima', 'Diperiksa']);
      // The bank by its name (catalog: 002 is BRI), the account masked.
      const account = page.locator('dl.facts > div', { hasText: 'Rekening tujuan' }).locator('dd');
      expect((await account.textContent())?.replace(/\s+/g, ' ').trim()).toBe('BRI *********8901');
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `self-service-claim-${viewport.name}`);
    } finally {
      await context.close();
    }
  });

  it('the card check answers at /cek/{kpj}; an old QR code at /verifikasi/{kpj} is sent there', async () => {
    const context = await newContext(browser, server.baseUrl, viewport);
    const page = await context.newPage();
    try {
      const response = await page.goto(`/cek/${claimant.kpj}`);
      expect(response?.status()).toBe(200);
      await heading(page, 'Kartu peserta terdaftar').waitFor();
      await page.getByText(spacedKpj(claimant.kpj)).waitFor();
      // Initials only: the full name is not for anyone holding the card.
      expect(await page.getByText(claimant.fullName).count()).toBe(0);
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `card-check-${viewport.name}`);

      const old = await page.goto(`/verifikasi/${claimant.kpj}`);
      expect(old?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(`/cek/${claimant.kpj}`);
      await heading(page, 'Kartu peserta terdaftar').waitFor();
    } finally {
      await context.close();
    }
  });
});
