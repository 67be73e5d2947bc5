import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactsDir, fitsDevice, heading, openNav, screenshot, VIEWPORTS } from './support/browser.ts';
import { serverAndBrowser } from './support/suite.ts';

// The village enrolment flow end to end, in a real browser against the real server:
// the village operator (on a phone) fills the template, uploads a file with 5 bad rows, sees
// them, uploads the corrected file and submits; the district officer verifies; the branch
// officer activates; the village's participant list then shows 50 active members with KPJs.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const DESKTOP = VIEWPORTS.find((v) => v.name === 'desktop')!;
const FILE_NAME = 'pekerja-kewar.csv';

// ---- The test file ---------------------------------------------------------------------

interface Worker {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
  occupation: string;
}

const FIRST = [
  'Yosef',
  'Maria',
  'Agustinus',
  'Theresia',
  'Fransiskus',
  'Yuliana',
  'Benediktus',
  'Veronika',
  'Markus',
];
const LAST = ['Bere', 'Mau', 'Seran', 'Nahak', 'Atok', 'Luan', 'Tae'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A NIK of Kec. Lamaknen (530401) that matches the birth date and sex: women's day + 40. */
function nikFor(birthDate: string, sex: 'L' | 'P', serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const dd = sex === 'P' ? Number(day) + 40 : Number(day);
  return `530401${pad(dd)}${month}${year!.slice(2)}${pad(serial, 4)}`;
}

function worker(serial: number, birthDate: string, sex: 'L' | 'P', fullName: string): Worker {
  return { nik: nikFor(birthDate, sex, serial), fullName, birthDate, sex, occupation: 'Petani' };
}

/** The i-th good worker (1-based): born 1970–1999, names unique, serials from 7001 up. */
function goodWorker(i: number): Worker {
  const birthDate = `${1970 + (i % 30)}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;
  const sex = i % 2 === 0 ? 'P' : 'L';
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${String.fromCharCode(65 + (i % 26))}`;
  return worker(7000 + i, birthDate, sex, name);
}

const seventyYearsAgo = `${new Date().getUTCFullYear() - 70}-01-15`;

/** The 45 good rows, the 5 bad ones mixed in, and what each bad one must report. */
const good = Array.from({ length: 45 }, (_, i) => goodWorker(i + 1));
const bad: { at: number; row: Worker; fixed: Worker; message: string; field: RegExp }[] = [
  {
    at: 4,
    row: { ...worker(7101, '1985-03-12', 'L', 'Dominikus Klau'), nik: '53040112038A7101' },
    fixed: worker(7101, '1985-03-12', 'L', 'Dominikus Klau'),
    message: 'NIK harus 16 angka.',
    field: /^NIK/,
  },
  {
    at: 15,
    // The 3rd good row's NIK, birth date and sex again under another name: only this later
    // occurrence is flagged.
    row: { ...good[2]!, fullName: 'Kristina Hale' },
    fixed: worker(7102, good[2]!.birthDate, good[2]!.sex, 'Kristina Hale'),
    message: 'NIK ini muncul lebih dari sekali dalam berkas.',
    field: /^NIK/,
  },
  {
    at: 26,
    row: { ...worker(7103, '1988-11-02', 'L', 'Paulus Asa'), birthDate: '1988-11-03' },
    fixed: worker(7103, '1988-11-02', 'L', 'Paulus Asa'),
    message: 'Tanggal lahir tidak sesuai dengan NIK.',
    field: /^NIK|^Tanggal lahir/,
  },
  {
    at: 37,
    row: worker(7104, seventyYearsAgo, 'P', 'Anastasia Bui'),
    fixed: worker(7104, '1975-01-15', 'P', 'Anastasia Bui'),
    message: 'Umur di luar batas program (17–65).',
    field: /^Tanggal lahir/,
  },
  {
    at: 48,
    row: { ...worker(7105, '1995-09-30', 'L', 'Stefanus Tey'), fullName: '' },
    fixed: worker(7105, '1995-09-30', 'L', 'Stefanus Tey'),
    message: 'Wajib diisi.',
    field: /^Nama lengkap/,
  },
];

function rowsWith(which: 'row' | 'fixed'): Worker[] {
  const rows = [...good];
  for (const b of bad) rows.splice(b.at, 0, b[which]);
  return rows;
}

function csv(rows: Worker[]): Buffer {
  const lines = ['NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Nomor HP,Alamat,Kode Desa'];
  for (const w of rows) {
    lines.push(
      [w.nik, w.fullName, w.birthDate, w.sex, w.occupation, '', 'Dusun Kewar', '53.04.01.2001'].join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

const badFile = rowsWith('row');
const fixedFile = rowsWith('fixed');
/** Excel row numbers of the bad rows: the header is row 1. */
const badRowNumbers = bad.map((b) => badFile.indexOf(b.row) + 2);

// ---- Browser helpers -------------------------------------------------------------------

const run = serverAndBrowser();

async function downloadFrom(scope: Page | Locator, linkName: string): Promise<Download> {
  const page = 'page' in scope ? scope.page() : scope;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('link', { name: linkName }).click(),
  ]);
  return download;
}

/** A download that really is a PDF (its magic bytes, not its name). */
async function expectPdf(download: Download): Promise<void> {
  expect(
    readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
}

async function downloadByButton(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return download;
}

async function uploadFile(page: Page, rows: Worker[]): Promise<Response> {
  await page
    .getByLabel('Berkas XLSX atau CSV (paling besar 10 MB)')
    .setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: csv(rows) });
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/enrolment/uploads'),
    page.getByRole('button', { name: 'Unggah dan periksa' }).click(),
  ]);
  await page.getByRole('heading', { name: 'Hasil pemeriksaan' }).waitFor();
  return response;
}

/** The result counts as shown: { 'Valid (baru)': '45', … }. */
async function resultCounts(page: Page): Promise<Record<string, string>> {
  const stats = page.getByLabel('Jumlah baris menurut hasil').first().locator('.stat');
  const out: Record<string, string> = {};
  for (const stat of await stats.all()) {
    out[(await stat.locator('dt').textContent())!.trim()] = (await stat.locator('dd').textContent())!.trim();
  }
  return out;
}

// ---- The flow --------------------------------------------------------------------------

describe('village enrolment: upload, fix, submit, verify, activate', () => {
  it('builds a 50-row file with exactly 5 bad rows', () => {
    expect(badFile).toHaveLength(50);
    expect(fixedFile).toHaveLength(50);
    expect(new Set(fixedFile.map((w) => w.nik)).size).toBe(50);
    expect(badRowNumbers).toEqual([6, 17, 28, 39, 50]);
  });

  it('village operator (phone): template, upload with 5 problems, corrected upload, submit', async () => {
    const { context, page } = await run.signedIn(PHONE, 'desa.kewar');
    try {
      await openNav(page, 'Pendaftaran', 'Pendaftaran peserta');
      expect(new URL(page.url()).pathname).toBe('/pendaftaran');
      await page.getByText(/^Desa kewar$/i).waitFor();
      await page.getByText('Belum ada batch draf. Unggah berkas untuk memulai.').waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-01-village-start');

      // The template arrives as a real XLSX (a zip) and as CSV.
      const xlsx = await downloadFrom(page, 'Templat Excel (XLSX)');
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(
        readFileSync((await xlsx.path())!)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
      const csvTemplate = await downloadFrom(page, 'Templat CSV');
      expect(csvTemplate.suggestedFilename()).toMatch(/\.csv$/);
      expect(readFileSync((await csvTemplate.path())!, 'utf8')).toMatch(/NIK/);

      // First upload: 45 good rows and 5 bad ones.
      const first = await uploadFile(page, badFile);
      expect(first.status()).toBe(201);
      const firstBody = (await first.json()) as { upload: Record<string, number>; problems: unknown[] };
      expect(firstBody.upload).toMatchObject({ rows: 50, valid: 45, invalid: 5, kept: 0, warnings: 0 });
      expect(await resultCounts(page)).toEqual({
        'Valid (baru)': '45',
        Bermasalah: '5',
        'Sudah ada di batch': '0',
        Peringatan: '0',
      });
      const problemRows = page.locator('.problem-table tbody tr');
      expect(await problemRows.count()).toBe(5);
      await page.getByText('Baris yang perlu diperiksa (5)').waitFor();
      for (const [i, b] of bad.entries()) {
        const row = problemRows.nth(i);
        expect((await row.locator('th').textContent())?.trim()).toBe(String(badRowNumbers[i]));
        const issues = (await row.locator('.issue-error').allTextContents()).map((s) => s.trim());
        expect(
          issues.some((text) => b.field.test(text) && text.endsWith(b.message)),
          issues.join(' | '),
        ).toBe(true);
        if (b.row.fullName) expect(await row.textContent()).toContain(b.row.fullName);
        if (b.row.nik) expect(await row.textContent()).toContain(b.row.nik);
      }
      await page.getByText(/Baris yang sudah valid tidak akan ditambahkan dua kali/).waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      // On a phone each problem row is a stacked card, not a wide table.
      const card = await problemRows.first().boundingBox();
      expect(card!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await problemRows.first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
      await screenshot(page, 'enrolment-02-problems');

      // The full report to fix the rows in Excel.
      const result = page.getByRole('region', { name: 'Hasil pemeriksaan' });
      expect(await page.getByRole('link', { name: 'Unduh laporan lengkap (XLSX)' }).count()).toBe(1);
      const report = await downloadFrom(result, 'Unduh laporan lengkap (XLSX)');
      expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(
        readFileSync((await report.path())!)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');

      // Second upload: the same 45 rows and the 5 fixed ones → 5 new, 45 already in the batch.
      const second = await uploadFile(page, fixedFile);
      expect(second.status()).toBe(201);
      expect(((await second.json()) as { upload: Record<string, number> }).upload).toMatchObject({
        rows: 50,
        valid: 5,
        invalid: 0,
        kept: 45,
      });
      expect(await resultCounts(page)).toEqual({
        'Valid (baru)': '5',
        Bermasalah: '0',
        'Sudah ada di batch': '45',
        Peringatan: '0',
      });
      await page.getByText('Tidak ada baris bermasalah.').waitFor();
      expect(await page.locator('.problem-table').count()).toBe(0);

      // The draft now holds 50 valid workers; submit it with a confirmation.
      const draft = page.getByRole('region', { name: 'Batch draf saat ini' });
      await draft.getByText('Draf', { exact: true }).waitFor();
      await expect(draft.locator('.stat-valid dd').textContent()).resolves.toBe('50');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-03-corrected');

      await draft.getByRole('button', { name: 'Ajukan' }).click();
      await draft.getByText(/Ajukan batch ini dengan 50 pekerja valid/).waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-04-confirm-submit');
      const [submitted] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/enrolment\/batches\/\d+\/submit$/.test(r.url())),
        draft.getByRole('button', { name: 'Ya, ajukan' }).click(),
      ]);
      expect(submitted.status()).toBe(200);
      await page.getByText('Batch telah diajukan ke dinas kabupaten untuk diverifikasi.').waitFor();
      await draft.getByText('Belum ada batch draf. Unggah berkas untuk memulai.').waitFor();
      const history = page.getByRole('list', { name: 'Batch sebelumnya' });
      await history.getByText('Diajukan', { exact: true }).waitFor();
      await history.getByText('50 pekerja valid').waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-05-submitted');
    } finally {
      await context.close();
    }
  });

  it('district officer (desktop): sees the rows in full, needs a reason to reject, verifies', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'dinas.belu');
    try {
      await openNav(page, 'Verifikasi', 'Verifikasi pendaftaran');
      const waiting = page.getByRole('list', { name: 'Batch yang menunggu (1)' });
      const item = waiting.getByRole('link', { name: /kewar/i });
      await expect(item.textContent()).resolves.toMatch(
        /50 pekerja valid · Diajukan \d{1,2} \w+ \d{4} \d{2}\.\d{2}/,
      );
      await screenshot(page, 'enrolment-06-verify-list');

      await item.click();
      await heading(page, /kewar/i).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/verifikasi\/\d+$/);
      const workers = page.locator('.worker-table tbody tr');
      await page.getByText('Pekerja yang diusulkan (50)').waitFor();
      expect(await workers.count()).toBe(50);
      // The district verifies what it reads (issue 15): a batch under verification comes in full,
      // with the note that the view is recorded in the audit log.
      const firstNik = (await workers.first().locator('td').nth(0).textContent())!.trim();
      expect(firstNik).toMatch(/^\d{16}$/);
      await page.getByText(good[0]!.fullName, { exact: true }).waitFor();
      await page.getByText(/tampilan ini dicatat di log audit/).waitFor();

      // A rejection without a reason is refused before anything is sent.
      await page.getByRole('button', { name: 'Tolak', exact: true }).click();
      await page.getByRole('button', { name: 'Tolak batch' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toBe('Alasan penolakan wajib diisi.');
      await page.getByRole('button', { name: 'Batal' }).click();

      await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
      await page.getByText(/Verifikasi batch desa .* dengan 50 pekerja\?/i).waitFor();
      await screenshot(page, 'enrolment-07-verify-confirm');
      const [verified] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/enrolment\/batches\/\d+\/verify$/.test(r.url())),
        page.getByRole('button', { name: 'Ya, verifikasi' }).click(),
      ]);
      expect(verified.status()).toBe(200);
      await page.getByText('Batch telah diverifikasi dan diteruskan ke kantor cabang.').waitFor();
      await page.locator('.badge-verified').first().waitFor();
      expect(await page.getByRole('button', { name: 'Verifikasi', exact: true }).count()).toBe(0);
      await screenshot(page, 'enrolment-08-verified');

      await page.getByRole('link', { name: /Kembali ke daftar/ }).click();
      await page.getByText('Tidak ada batch yang menunggu verifikasi.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('branch officer (desktop): activates the batch and 50 participants are created', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'cabang.atambua');
    try {
      await openNav(page, 'Aktivasi', 'Aktivasi kepesertaan');
      await page
        .getByRole('list', { name: 'Batch yang menunggu (1)' })
        .getByRole('link', { name: /kewar/i })
        .click();
      await heading(page, /kewar/i).waitFor();
      await page.getByText('Pekerja yang diusulkan (50)').waitFor();

      await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
      await page.getByText(/Aktifkan 50 peserta dari desa/i).waitFor();
      const [activated] = await Promise.all([
        page.waitForResponse((r) => /\/api\/v1\/enrolment\/batches\/\d+\/activate$/.test(r.url())),
        page.getByRole('button', { name: 'Ya, aktifkan' }).click(),
      ]);
      expect(activated.status()).toBe(200);
      expect(((await activated.json()) as { participantsCreated: number }).participantsCreated).toBe(50);
      await page.getByText('50 peserta dibuat.').waitFor();
      await page.locator('.badge-activated').first().waitFor();
      await screenshot(page, 'enrolment-09-activated');
    } finally {
      await context.close();
    }
  });

  it('village operator (phone): the participant list shows 50 active members with KPJ numbers', async () => {
    const { context, page } = await run.signedIn(PHONE, 'desa.kewar');
    try {
      await openNav(page, 'Peserta', 'Peserta');
      // Keyset paging: the range and no next page (the list does not count the whole scope).
      await page.getByText('Peserta 1–50', { exact: true }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Halaman', exact: true }).count()).toBe(0);
      const rows = page.locator('.participant-table tbody tr');
      expect(await rows.count()).toBe(50);
      const kpjs = (await rows.locator('th').allTextContents()).map((s) => s.trim());
      expect(kpjs.every((kpj) => /\d/.test(kpj))).toBe(true);
      expect(new Set(kpjs).size).toBe(50);
      const statuses = await rows.locator('.badge').allTextContents();
      expect(statuses).toEqual(Array(50).fill('Aktif'));
      expect(await page.getByText(/kewar/i).count()).toBeGreaterThanOrEqual(50);
      // The village operator enters these people, so the names come unmasked.
      await page.getByText(good[0]!.fullName, { exact: true }).waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-10-participants');
      // The full page is 50 cards long: also keep what the phone shows first.
      await page.screenshot({ path: join(artifactsDir, 'enrolment-10-participants-top.png') });

      // Search by name, then by KPJ: each finds exactly that member.
      await page.getByLabel('Cari nama, NIK atau KPJ').fill('kristina hale');
      await page.getByRole('button', { name: 'Cari' }).click();
      await page.getByText('Peserta 1–1', { exact: true }).waitFor();
      await page.getByText('Kristina Hale', { exact: true }).waitFor();
      await page.getByLabel('Cari nama, NIK atau KPJ').fill(kpjs[7]!);
      const [found] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === kpjs[7]),
        page.getByRole('button', { name: 'Cari' }).click(),
      ]);
      expect(
        ((await found.json()) as { participants: unknown[] }).participants,
        `GET ${found.url()}`,
      ).toHaveLength(1);
      await page.getByText('Peserta 1–1', { exact: true }).waitFor();
      expect(await rows.count()).toBe(1);

      // The row opens the participant's page (issue 15, point 1), whose card button gives a PDF.
      await rows.getByRole('link', { name: kpjs[7]! }).click();
      await page.getByText('Identitas', { exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/peserta/${kpjs[7]}`);
      await page.getByText('Masa perlindungan', { exact: true }).waitFor();
      const card = await downloadByButton(page, 'Cetak kartu');
      expect(card.suggestedFilename()).toBe(`kartu-peserta-${kpjs[7]}.pdf`);
      await expectPdf(card);
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-11-participant-page');

      // The village screen prints every active member's card on A4 sheets.
      await page.goto('/wilayah/53.04.01.2001');
      await page.getByText('Cetak kartu peserta desa', { exact: true }).waitFor();
      const sheets = await downloadByButton(page, 'Cetak kartu');
      await expectPdf(sheets);
    } finally {
      await context.close();
    }
  });

  // The staff side of the participant page at both sizes (issue 15, points 1 and 3): the branch
  // officer sees the person in full, prints the card and the activation letter, issues a code that
  // then activates the account, and prints the village's card sheets from its screen; the auditor
  // sees the same page masked, without those buttons. Each size takes its own worker, so that the
  // letter is a first letter at both.
  it.each(VIEWPORTS)(
    'branch officer and auditor ($name): participant page, letter, code, card sheets',
    async (viewport) => {
      const worker = good[viewport.name === 'phone' ? 1 : 2]!;
      const branch = await run.signedIn(viewport, 'cabang.atambua');
      let kpj = '';
      try {
        const { page } = branch;
        await openNav(page, 'Peserta', 'Peserta');
        await page.getByLabel('Cari nama, NIK atau KPJ').fill(worker.nik);
        await page.getByRole('button', { name: 'Cari' }).click();
        await page.getByText('Peserta 1–1', { exact: true }).waitFor();
        const row = page.locator('.participant-table tbody tr');
        kpj = (await row.locator('th').first().textContent())!.trim();
        expect(await fitsDevice(page, viewport)).toBe(true);
        await screenshot(page, `enrolment-16-participant-search-branch-${viewport.name}`);
        await row.getByRole('link', { name: kpj }).click();
        await heading(page, worker.fullName).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/peserta/${kpj}`);
        // The branch activates and pays these people: NIK in full, and the view is audited.
        await page.getByText(worker.nik, { exact: true }).waitFor();
        await page.getByText(/tampilan ini dicatat di log audit/).waitFor();
        // A claim starts from here with the KPJ filled in.
        expect(await page.getByRole('link', { name: 'Daftarkan klaim' }).getAttribute('href')).toBe(
          `/klaim/baru?kpj=${kpj}`,
        );
        const identity = page.getByRole('region', { name: 'Identitas' });
        await identity.getByText('Belum dibuat', { exact: true }).waitFor();

        const card = await downloadByButton(page, 'Cetak kartu');
        expect(card.suggestedFilename()).toBe(`kartu-peserta-${kpj}.pdf`);
        await expectPdf(card);
        const letter = await downloadByButton(page, 'Cetak surat aktivasi');
        expect(letter.suggestedFilename()).toBe(`surat-aktivasi-${kpj}.pdf`);
        await expectPdf(letter);
        // The letter holds a code: the account now waits for it, and the button says "again".
        await identity.getByText('Menunggu aktivasi dengan kode', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Cetak ulang surat aktivasi' }).waitFor();

        // A code alone (read out over the phone), shown once; the letter's code no longer works.
        await page.getByRole('button', { name: 'Buat kode aktivasi baru' }).click();
        const shown = page.getByText(/^Kode aktivasi [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}, berlaku sampai/);
        await shown.waitFor();
        const code = (await shown.textContent())!.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
        expect(await fitsDevice(page, viewport)).toBe(true);
        await screenshot(page, `enrolment-17-participant-branch-${viewport.name}`);
        const activated = await fetch(`${run.server.baseUrl}/api/v1/auth/activate`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kpj, code, password: 'sandi-peserta-kewar-1' }),
        });
        expect(activated.status).toBe(200);

        // "Cetak kartu" on the village's screen, for the branch as for the village.
        await page.goto('/wilayah/53.04.01.2001');
        await page.getByText('Cetak kartu peserta desa', { exact: true }).waitFor();
        const sheets = await downloadByButton(page, 'Cetak kartu');
        expect(sheets.suggestedFilename()).toBe('kartu-peserta-53.04.01.2001.pdf');
        await expectPdf(sheets);
        expect(await fitsDevice(page, viewport)).toBe(true);
        await screenshot(page, `enrolment-18-village-cards-branch-${viewport.name}`);
      } finally {
        await branch.context.close();
      }

      // The auditor reads the same page masked: no NIK, no name, and nothing to print.
      const auditor = await run.signedIn(viewport, 'auditor');
      try {
        const { page } = auditor;
        await page.goto(`/peserta/${kpj}`);
        await page
          .getByText('NIK, nama, tanggal lahir dan jenis kelamin disamarkan untuk peran Anda.')
          .waitFor();
        await page
          .getByText(`${worker.nik.slice(0, 4)}**********${worker.nik.slice(-2)}`, { exact: true })
          .waitFor();
        expect(await page.getByText(worker.fullName).count()).toBe(0);
        expect(await page.getByText(/tampilan ini dicatat di log audit/).count()).toBe(0);
        expect(await page.getByRole('button', { name: /^Cetak/ }).count()).toBe(0);
        expect(await fitsDevice(page, viewport)).toBe(true);
        await screenshot(page, `enrolment-19-participant-masked-${viewport.name}`);
      } finally {
        await auditor.context.close();
      }
    },
  );

  it('village operator (phone, then desktop): corrects and removes rows of the draft on screen', async () => {
    const { context, page } = await run.signedIn(PHONE, 'desa.kewar');
    try {
      await openNav(page, 'Pendaftaran', 'Pendaftaran peserta');
      // Two rows, both wrong: the birth date is not the NIK's; the worker is 70.
      const mismatch = { ...worker(7201, '1982-04-07', 'P', 'Helena Hoar'), birthDate: '1982-04-08' };
      const tooOld = worker(7202, seventyYearsAgo, 'L', 'Gabriel Lau');
      await uploadFile(page, [mismatch, tooOld]);
      const rowsSection = page.getByRole('region', { name: 'Baris dalam batch' });
      await rowsSection
        .getByText('Belum ada baris yang valid: perbaiki baris di bawah sebelum mengajukan.')
        .waitFor();
      const draft = page.getByRole('region', { name: 'Batch draf saat ini' });
      // No valid row: nothing to submit, so no "Ajukan".
      expect(await draft.getByRole('button', { name: 'Ajukan' }).count()).toBe(0);
      const tableRows = rowsSection.locator('tbody tr');
      await tableRows.nth(1).waitFor();
      expect(await tableRows.count()).toBe(2);
      await rowsSection.getByText('Tanggal lahir tidak sesuai dengan NIK.').first().waitFor();
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-12-draft-rows-phone');

      // Correct row 2: the form holds the row as entered; the fixed birth date makes it valid.
      await rowsSection.getByRole('button', { name: 'Ubah baris 2' }).click();
      const form = rowsSection.getByRole('form', { name: 'Perbaiki baris 2' });
      await expect(form.getByLabel('NIK').inputValue()).resolves.toBe(mismatch.nik);
      await expect(form.getByLabel('Tanggal lahir').inputValue()).resolves.toBe('1982-04-08');
      await form.getByLabel('Tanggal lahir').fill('07/04/1982');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'enrolment-13-row-correction-phone');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'PUT'),
        form.getByRole('button', { name: 'Simpan dan periksa' }).click(),
      ]);
      expect(saved.status()).toBe(200);
      await rowsSection.getByText('Baris 2 disimpan dan diperiksa ulang: Valid.').waitFor();
      // The counts reload after the save: wait for them rather than read them at once.
      await draft.locator('.stat-valid dd', { hasText: /^1$/ }).waitFor();
      await draft.getByRole('button', { name: 'Ajukan' }).waitFor();

      // Remove row 3 (the 70-year-old), with a confirmation.
      await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
      await rowsSection.getByRole('button', { name: 'Hapus baris 3' }).click();
      await rowsSection.getByText('Hapus baris 3 (Gabriel Lau) dari batch?').waitFor();
      await screenshot(page, 'enrolment-14-row-remove-desktop');
      await rowsSection.getByRole('button', { name: 'Ya, hapus' }).click();
      await rowsSection.getByText('Baris 3 dihapus dari batch.').waitFor();
      await draft.locator('.stat-invalid dd', { hasText: /^0$/ }).waitFor();
      await tableRows.filter({ hasText: 'Gabriel Lau' }).waitFor({ state: 'detached' });
      expect(await tableRows.count()).toBe(1);
      expect(await tableRows.first().textContent()).toContain('Helena Hoar');
      await screenshot(page, 'enrolment-15-draft-rows-desktop');
    } finally {
      await context.close();
    }
  });
});
