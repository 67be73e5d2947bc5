import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nikFor } from '../test/support/enrolment-csv.ts';
import { serialName } from '../test/support/names.ts';
import { apiCall, apiLogin, todayWita } from './support/api.ts';
import { fitsDevice, openMenu, screenshot, VIEWPORTS } from './support/browser.ts';
import { serverAndBrowser, viewportContext } from './support/suite.ts';

// The BPU mandiri screens (issue 13 points 1 and 8): the branch officer registers a self-paying
// worker at the counter, reads out the personal payment code and what one payment comes to,
// records a payment on the worker's page (a wrong amount is refused with the right one named) and
// sees the months paid; the village operator sees only their own village's workers and a refused
// registration file row by row. Phone (360×740) and desktop; axe checks every state shot.

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const TITLE_SUFFIX = ' · lindung · BPJS Ketenagakerjaan';

/**
 * One month of a worker declaring Rp 2.000.000 with JHT: JKK 1 % = 20.000 (PP 44/2015 Lampiran
 * II), JKM 6.800 (PP 44/2015 Pasal 18), JHT 2 % = 40.000 (PP 46/2015) — 66.800; from April to
 * December 2026 PP 50/2025 halves JKK and JKM for BPU outside transport: 10.000 + 3.400 + 40.000 =
 * 53.400.
 */
function monthlyIuranRp(period: string): number {
  return period >= '2026-04' && period <= '2026-12' ? 53_400 : 66_800;
}

const run = serverAndBrowser();
/** Registered through the API: one worker in Kewar, one in Fulur (a village Kewar must not see). */
const seeded: Record<'kewar' | 'fulur', { kpj: string; name: string }> = {
  kewar: { kpj: '', name: `Elisabet ${serialName(901)}` },
  fulur: { kpj: '', name: `Theresia ${serialName(902)}` },
};

beforeAll(async () => {
  const branch = await apiLogin(run.server.baseUrl, 'cabang.atambua');
  for (const [key, village, serial] of [
    ['kewar', KEWAR, 901],
    ['fulur', FULUR, 902],
  ] as const) {
    const r = await apiCall<{ registration: { kpj: string } }>(branch, 'POST', '/bpu', {
      nik: nikFor({ birthDate: '1979-02-03', sex: 'P', serial }),
      fullName: seeded[key].name,
      birthDate: '1979-02-03',
      sex: 'P',
      regionCode: village,
      declaredIncomeRp: 1_000_000,
      frequencyMonths: 3,
    });
    seeded[key].kpj = r.registration.kpj;
  }
});

describe.each(VIEWPORTS)('BPU mandiri screens at $width×$height', (viewport) => {
  const serial = viewport.name === 'phone' ? 911 : 912;
  const { signIn } = viewportContext(run, viewport);

  async function openBpu(page: Page): Promise<void> {
    await openMenu(page);
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'BPU mandiri' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Pekerja mandiri (BPU)' }).waitFor();
  }

  it('the branch officer registers a worker, reads the payment code, pays and sees the months paid', async () => {
    const page = await signIn('cabang.atambua');
    await openBpu(page);
    expect(await page.title()).toBe(`Pekerja mandiri (BPU)${TITLE_SUFFIX}`);
    await page.getByRole('link', { name: seeded.fulur.kpj }).waitFor();
    await screenshot(page, `${viewport.name}-bpu-list-branch`);

    await page.getByRole('button', { name: 'Daftarkan satu pekerja' }).click();
    // Nothing filled: each required field says so under itself.
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await page.getByText('Periksa isian yang ditandai.').waitFor();
    expect(await page.locator('.field-error').allTextContents()).toEqual([
      'Wajib diisi.',
      'Wajib diisi.',
      'Pilih desa pekerja.',
    ]);
    await screenshot(page, `${viewport.name}-bpu-register-errors`);

    const name = `Paulus ${serialName(serial)}`;
    await page.getByLabel('NIK', { exact: true }).fill(nikFor({ birthDate: '1985-07-14', sex: 'L', serial }));
    await page.getByLabel('Nama lengkap').fill(name);
    await page.getByLabel('Tanggal lahir').fill('1985-07-14');
    await page.getByLabel('Jenis kelamin').selectOption('L');
    await page.getByLabel('Penghasilan sebulan (Rp)').fill('2.000.000');
    await page.getByLabel('Sekali bayar untuk').selectOption('1');
    await page.getByLabel('Kecamatan').selectOption('53.04.01');
    await page.getByLabel('Desa/kelurahan').selectOption(KEWAR);
    await page.getByText('Ikut JHT').click();
    await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();

    const done = page.getByRole('status').filter({ hasText: 'Pekerja terdaftar dengan KPJ' });
    await done.waitFor();
    const kpj = /KPJ (\d{11})/.exec((await done.textContent()) ?? '')![1]!;
    const month = todayWita().slice(0, 7);
    const perPayment = monthlyIuranRp(month);
    expect(await done.locator('.payment-code').textContent()).toBe(`88${kpj}`);
    expect(await done.textContent()).toContain(`Rp ${perPayment.toLocaleString('id-ID')}`);
    expect(await fitsDevice(page, viewport)).toBe(true);
    await screenshot(page, `${viewport.name}-bpu-registered`);

    await done.getByRole('link', { name: 'Buka halaman pekerja' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.title()).toBe(`${name}${TITLE_SUFFIX}`);
    await page.getByText('Belum membayar').first().waitFor();

    // A wrong amount: refused, the right one named.
    await page.getByLabel('Jumlah diterima (Rp)').fill('50.000');
    await page.getByLabel('Nomor bukti atau referensi').fill(`KWT-${serial}`);
    await page.getByRole('button', { name: 'Simpan pembayaran' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Jumlah tidak sesuai' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Rp ${perPayment.toLocaleString('id-ID')}`);
    await screenshot(page, `${viewport.name}-bpu-amount-mismatch`);

    await page.getByLabel('Jumlah diterima (Rp)').fill(perPayment.toLocaleString('id-ID'));
    await page.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await page.getByRole('status').filter({ hasText: 'dicatat: iuran' }).waitFor();
    const paidThrough = page
      .locator('dt', { hasText: 'Lunas sampai' })
      .locator('xpath=following-sibling::dd');
    await expect.poll(() => paidThrough.textContent()).not.toBe('Belum membayar');
    const [year, mm] = month.split('-');
    const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(Number(year), Number(mm) - 1, 1),
    );
    expect(await paidThrough.textContent()).toBe(`${monthName} ${year}`);
    const history = page.getByRole('table', { name: 'Riwayat pembayaran' });
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.textContent()).toContain(`KWT-${serial}`);
    expect(await fitsDevice(page, viewport)).toBe(true);
    await screenshot(page, `${viewport.name}-bpu-paid`);
    await page.close();
  });

  it('the village operator sees only their village and a refused file row by row', async () => {
    const page = await signIn('desa.kewar');
    await openBpu(page);
    await page.getByRole('link', { name: seeded.kewar.kpj }).waitFor();
    expect(await page.getByRole('link', { name: seeded.fulur.kpj }).count()).toBe(0);
    expect(await page.getByText(seeded.fulur.name).count()).toBe(0);
    const villages = await page.locator('td[data-label="Desa"]').allTextContents();
    expect(villages.length).toBeGreaterThan(0);
    expect(new Set(villages)).toEqual(new Set(['Kewar']));
    await screenshot(page, `${viewport.name}-bpu-list-village`);

    // Fulur's worker is not found from Kewar, even by KPJ.
    await page.getByRole('searchbox', { name: 'Cari KPJ, NIK, kode bayar atau nama' }).fill(seeded.fulur.kpj);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(`Tidak ada pekerja BPU mandiri yang cocok dengan “${seeded.fulur.kpj}”.`).waitFor();

    await page.getByRole('button', { name: 'Unggah berkas pendaftaran' }).click();
    const good = nikFor({ birthDate: '1990-01-02', sex: 'L', serial: serial + 20 });
    const csv = [
      'nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,penghasilan,jht,frekuensi',
      `${good},Yosef ${serialName(serial + 20)},1990-01-02,L,${KEWAR},1500000,tidak,1`,
      `12345,Maria ${serialName(serial + 21)},1991-02-03,P,${KEWAR},1500000,ya,5`,
    ].join('\n');
    await page.getByLabel('Berkas CSV').setInputFiles({
      name: 'bpu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Periksa dan daftarkan' }).click();
    const problems = page.getByRole('table', { name: 'Masalah dalam berkas' });
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('3') && r.includes('NIK harus 16 angka.'))).toBe(true);
    expect(rows.some((r) => r.includes('frekuensi') && r.includes('Frekuensi harus 1, 3, 6 atau 12.'))).toBe(
      true,
    );
    expect(rows.every((r) => !r.includes(good))).toBe(true);
    await page.getByRole('alert').filter({ hasText: 'Berkas ditolak' }).waitFor();
    expect(await fitsDevice(page, viewport)).toBe(true);
    await screenshot(page, `${viewport.name}-bpu-file-refused`);
    await page.close();
  });
});
