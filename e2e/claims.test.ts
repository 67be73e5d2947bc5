import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, enrolThroughApi, lamaknenWorkers, todayWita } from './support/api.ts';
import { fitsDevice, heading, newContext, openNav, screenshot, VIEWPORTS } from './support/browser.ts';
import { serverAndBrowser } from './support/suite.ts';

// Claims end to end, in the browser at 1280×800: a village worker of Desa Kewar is enrolled
// and active (through the API) and dies today. The branch officer files the JKM claim with
// his wife as the heir, uploads the seven checklist documents (an executable named .pdf is
// refused with the server's message) and submits: the rules decide Rp 42.000.000 and say how.
// The supervisor reads the explanation and approves. The officer batches the claim, the
// supervisor approves the batch declaring 1 claim and Rp 42.000.000 (a wrong total is
// refused), the officer downloads the bank file and uploads the bank's result marking it
// PAID. The claim then shows Dibayar and the amount appears in the branch report's benefits
// paid (GET /reports/branch, before/after). On a 360 px phone: the officer downloads the same
// batch in Bank Mandiri's MCM layout (the batch stays approved: downloading is not sending), and
// at intake finds a worker by name with the earlier claims, and a claim the rules refuse is kept
// once however often "Simpan" is pressed; the message and the worker's own claim page name the
// reason in words, not by its code.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const DESKTOP = VIEWPORTS.find((v) => v.name === 'desktop')!;
// The district's rule: at least 10 workers per village batch; the first of them is the deceased.
const WORKERS = lamaknenWorkers(10, 7100);
const WORKER = WORKERS[0];
const HEIR = { name: 'Maria Bete', nik: '5304015506800001', account: '0012345678901' };
const JKM_DOCS = 7;
const MEMBER_PASSWORD = 'sandi-peserta-ditolak';
const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj << >> endobj\n%%EOF\n`);

const run = serverAndBrowser();
let kpj = '';
let claimNumber = '';
let batchNumber = '';
let paidBefore = { benefitsPaidRp: 0, jkmCount: 0, jkmRp: 0 };

interface BranchReport {
  benefitsPaidRp: number;
  claims: Record<string, { count: number; amountRp: number }>;
}

async function branchReport(): Promise<BranchReport> {
  const api = await apiLogin(run.server.baseUrl, 'supervisor.atambua');
  const to = todayWita();
  return apiCall<BranchReport>(
    api,
    'GET',
    `/reports/branch?regency=53.04&from=${to.slice(0, 4)}-01-01&to=${to}`,
  );
}

beforeAll(async () => {
  expect(await enrolThroughApi(run.server.baseUrl, WORKERS)).toBe(10);
  const api = await apiLogin(run.server.baseUrl, 'cabang.atambua');
  const found = await apiCall<{ participants: { kpj: string; status: string }[] }>(
    api,
    'GET',
    `/participants?q=${WORKER!.nik}`,
  );
  expect(found.participants).toHaveLength(1);
  expect(found.participants[0]!.status).toBe('active');
  kpj = found.participants[0]!.kpj;
  const report = await branchReport();
  paidBefore = {
    benefitsPaidRp: report.benefitsPaidRp,
    jkmCount: report.claims.JKM?.count ?? 0,
    jkmRp: report.claims.JKM?.amountRp ?? 0,
  };
});

async function text(locator: Locator): Promise<string> {
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('claims: JKM for a deceased village worker, from intake to paid', () => {
  it('branch officer files the claim for the heir, uploads the checklist and submits: Rp 42.000.000', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'cabang.atambua');
    try {
      await openNav(page, 'Klaim', 'Klaim');
      await page.getByRole('link', { name: 'Daftarkan klaim baru' }).click();
      await heading(page, 'Pendaftaran klaim').waitFor();
      // Heirs often come without the card: the participant is found by NIK (issue 15, 7).
      await page.getByLabel('NIK, nomor KPJ atau nama').fill(WORKER!.nik);
      await page.getByRole('button', { name: 'Cari peserta' }).click();
      const summary = page.locator('dl.participant-summary');
      await summary.getByText(WORKER!.fullName).waitFor();
      await summary.getByText(kpj, { exact: true }).waitFor();
      await page.getByText('Belum ada klaim sebelumnya.').waitFor();
      // The participant's NIK is masked on screen: last 4 digits only.
      expect(await text(summary.locator('dd.mono'))).toBe(`************${WORKER!.nik.slice(-4)}`);
      await summary.getByText(/^Aktif · /).waitFor();

      await expect.poll(() => page.getByLabel('Program', { exact: true }).inputValue()).toBe('JKM');
      expect(await page.getByLabel('Jenis klaim').inputValue()).toBe('kematian');
      await page.getByLabel('Tanggal kejadian').fill(todayWita());
      await page.getByLabel('Sebab / keterangan kejadian').fill('Sakit, meninggal di rumah');
      await page.getByLabel('Hubungan dengan peserta').selectOption({ label: 'Suami/istri' });
      await page.getByText('Pemohon ini berada di urutan 1.').waitFor();
      await page.getByLabel('Nama ahli waris').fill(HEIR.name);
      await page.getByLabel('NIK ahli waris').fill(HEIR.nik);
      await page.getByLabel('Bank', { exact: true }).selectOption({ label: 'BRI' });
      // Digits only: the separators someone types are dropped.
      await page.getByLabel('Nomor rekening').fill('0012-3456-78901');
      expect(await page.getByLabel('Nomor rekening').inputValue()).toBe(HEIR.account);
      await page.getByLabel('Nama pemilik rekening').fill(HEIR.name);
      expect(await page.locator('ul.doc-preview li').count()).toBe(JKM_DOCS);
      await screenshot(page, 'claims-00-intake');
      await page.getByRole('button', { name: 'Simpan klaim' }).click();

      await heading(page, /^KLM\/5304\/\d{4}\/\d{6}$/).waitFor();
      claimNumber = await text(page.getByRole('heading', { level: 1 }));
      expect(await text(page.locator('.claim-status'))).toBe('Didaftarkan');
      // The account is masked once saved.
      expect(await text(page.locator('.claim-account'))).toBe('*********8901');
      const submit = page.getByRole('button', { name: 'Ajukan klaim' });
      expect(await submit.isDisabled()).toBe(true);

      // An executable renamed .pdf is refused with the server's own message.
      const items = page.locator('li[data-doc]');
      expect(await items.count()).toBe(JKM_DOCS);
      const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'binary'), Buffer.alloc(64, 1)]);
      await items
        .nth(0)
        .locator('input[type=file]')
        .setInputFiles({ name: 'kartu.pdf', mimeType: 'application/pdf', buffer: exe });
      await items
        .nth(0)
        .getByRole('alert')
        .getByText('Dokumen harus berkas PDF, JPEG atau PNG (diperiksa dari isi berkas, bukan nama berkas).')
        .waitFor();
      await page.getByText(`0 dari ${JKM_DOCS} dokumen wajib sudah diunggah.`).waitFor();

      for (let i = 0; i < JKM_DOCS; i++) {
        const item = items.nth(i);
        const docType = (await item.getAttribute('data-doc'))!;
        await item
          .locator('input[type=file]')
          .setInputFiles({ name: `${docType}.pdf`, mimeType: 'application/pdf', buffer: pdf(docType) });
        await page.getByText(`${i + 1} dari ${JKM_DOCS} dokumen wajib sudah diunggah.`).waitFor();
      }
      const documents = page.locator('table.document-table tbody tr');
      expect(await documents.count()).toBe(JKM_DOCS);
      const href = await documents.first().getByRole('link').getAttribute('href');
      const download = await context.request.get(href!);
      expect(download.status()).toBe(200);
      expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

      expect(await submit.isDisabled()).toBe(false);
      await submit.click();
      await page.getByRole('button', { name: 'Ya, ajukan' }).click();
      await page.locator('.claim-status', { hasText: 'Menunggu pemeriksaan' }).waitFor();
      expect(await text(page.locator('.claim-amount'))).toBe('Rp 42.000.000');
      await page
        .getByText(
          'Manfaat Rp 42.000.000: santunan sekaligus Rp 20.000.000 + santunan berkala Rp 12.000.000 + biaya pemakaman Rp 10.000.000.',
        )
        .waitFor();
      // The history is the audit trail: filed, seven documents, submitted — each by the officer.
      const history = page.locator('table.claim-history tbody tr');
      expect(await history.count()).toBe(1 + JKM_DOCS + 1);
      expect(await text(history.last().locator('th'))).toBe('Diajukan');
      expect(await text(history.last().locator('[data-label="Oleh"]'))).toBe('cabang.atambua');
      await screenshot(page, 'claims-01-submitted');

      // Back at intake, the same NIK now shows this claim among the earlier ones.
      await openNav(page, 'Klaim', 'Klaim');
      await page.getByRole('link', { name: 'Daftarkan klaim baru' }).click();
      await heading(page, 'Pendaftaran klaim').waitFor();
      await page.getByLabel('NIK, nomor KPJ atau nama').fill(WORKER!.nik);
      await page.getByRole('button', { name: 'Cari peserta' }).click();
      const earlier = page.getByRole('region', { name: 'Klaim sebelumnya' });
      await earlier.getByRole('link', { name: claimNumber }).waitFor();
      await screenshot(page, 'claims-00-intake-earlier');
    } finally {
      await context.close();
    }
  });

  it('supervisor reads the explanation in the checker queue and approves', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'supervisor.atambua');
    try {
      await openNav(page, 'Persetujuan klaim', 'Persetujuan klaim');
      const row = page.locator('table.claim-table tbody tr', { hasText: claimNumber });
      expect(await text(row.locator('[data-label="Manfaat"]'))).toBe('Rp 42.000.000');
      expect(await text(row.locator('[data-label="Status"]'))).toBe('Menunggu pemeriksaan');
      await row.getByRole('link', { name: claimNumber }).click();
      await heading(page, claimNumber).waitFor();

      const explanation = page.locator('section.claim-explanation');
      await explanation.getByRole('heading', { name: 'Penjelasan perhitungan' }).waitFor();
      const components = explanation.locator('table.benefit-table tbody tr');
      expect(await components.count()).toBe(3);
      expect(await text(components.nth(0).locator('th'))).toBe('Santunan sekaligus');
      expect(await text(components.nth(0).locator('td.num'))).toBe('Rp 20.000.000');
      expect(await text(components.nth(2).locator('th'))).toBe('Biaya pemakaman');
      expect(await text(components.nth(2).locator('td.num'))).toBe('Rp 10.000.000');
      expect(await text(explanation.locator('table.benefit-table tfoot td'))).toBe('Rp 42.000.000');
      // Each component names its legal basis, and the parameters used are listed with theirs.
      expect(await text(components.nth(0).locator('[data-label="Dasar hukum"]'))).not.toBe('');
      expect(await explanation.locator('table.parameter-table tbody tr').count()).toBeGreaterThan(0);
      await screenshot(page, 'claims-02-checker');

      await page.getByRole('button', { name: 'Setujui', exact: true }).click();
      await page.getByRole('button', { name: 'Ya, setujui' }).click();
      await page.locator('.claim-status', { hasText: 'Disetujui' }).waitFor();
      const last = page.locator('table.claim-history tbody tr').last();
      expect(await text(last.locator('th'))).toBe('Disetujui');
      expect(await text(last.locator('[data-label="Oleh"]'))).toBe('supervisor.atambua');
    } finally {
      await context.close();
    }
  });

  it('officer batches the approved claim; supervisor approves the batch declaring 1 and Rp 42.000.000', async () => {
    const officer = await run.signedIn(DESKTOP, 'cabang.atambua');
    try {
      const page = officer.page;
      await openNav(page, 'Pembayaran klaim', 'Pembayaran klaim');
      await page.getByRole('button', { name: 'Kosongkan pilihan' }).click();
      await page.getByLabel(`Masukkan klaim ${claimNumber}`).check();
      await page.getByText('Dipilih: 1 klaim, jumlah Rp 42.000.000').waitFor();
      await page.getByRole('button', { name: 'Buat batch pembayaran' }).click();
      await heading(page, /^\S+$/).waitFor();
      await page.locator('.payout-batch-status', { hasText: 'Draf' }).waitFor();
      batchNumber = await text(page.getByRole('heading', { level: 1 }));
      expect(await text(page.locator('.batch-total'))).toBe('Rp 42.000.000');
      expect(await text(page.locator('.batch-count'))).toBe('1');
      // The maker cannot approve: no approval form for the officer.
      await page.getByText('Menunggu persetujuan pengawas (orang kedua).').waitFor();
      expect(await page.getByRole('button', { name: 'Setujui batch' }).count()).toBe(0);
    } finally {
      await officer.context.close();
    }

    const supervisor = await run.signedIn(DESKTOP, 'supervisor.atambua');
    try {
      const page = supervisor.page;
      await openNav(page, 'Pembayaran klaim', 'Pembayaran klaim');
      await page.locator('table.payout-batch-table').getByRole('link', { name: batchNumber }).click();
      await heading(page, batchNumber).waitFor();
      await page.getByLabel('Jumlah klaim yang diperiksa').fill('1');
      // A wrong declared total is refused with the server's message.
      await page.getByLabel('Total yang diperiksa (Rp)').fill('41.000.000');
      await page.getByRole('button', { name: 'Setujui batch' }).click();
      await page
        .getByRole('alert')
        .getByText(/tidak sama dengan batch/)
        .waitFor();
      await page.getByLabel('Total yang diperiksa (Rp)').fill('42.000.000');
      await page.getByRole('button', { name: 'Setujui batch' }).click();
      await page.locator('.payout-batch-status', { hasText: 'Disetujui' }).waitFor();
      await screenshot(page, 'claims-03-batch-approved');
    } finally {
      await supervisor.context.close();
    }
  });

  it('officer (phone) downloads the batch in the Mandiri MCM layout; the batch is not sent by it', async () => {
    const { context, page } = await run.signedIn(PHONE, 'cabang.atambua');
    try {
      await openNav(page, 'Pembayaran klaim', 'Pembayaran klaim');
      await page.getByRole('link', { name: batchNumber }).click();
      await heading(page, batchNumber).waitFor();
      await page.getByLabel('Format file').selectOption({ label: 'Bank Mandiri MCM (transfer massal)' });
      await page.getByLabel('Rekening sumber dana (Mandiri)').fill('1230007654321');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh file bank' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${batchNumber}-mandiri-mcm.csv`);
      const lines = readFileSync((await download.path())!, 'latin1').split('\r\n');
      // Header P: instruction date (today), debit account, count, total with the two decimals the
      // layout asks for; one detail: account, holder, IDR, amount, remark, reference, OBU (another
      // bank than Mandiri), the bank's code and name.
      expect(lines[0]).toBe(`P,${todayWita().replaceAll('-', '')},1230007654321,1,42000000.00`);
      expect(lines[1]).toMatch(
        new RegExp(
          `^${HEIR.account},${HEIR.name},,,,IDR,42000000\\.00,JKM ${claimNumber} ${batchNumber},\\d+,OBU,002,BRI$`,
        ),
      );
      expect(lines.slice(2)).toEqual(['']);
      await page.getByText(`File ${batchNumber}-mandiri-mcm.csv diunduh`, { exact: false }).waitFor();
      // The payout names the bank (catalog: 002 is BRI) in one line of its card.
      const payout = page.locator('table.payout-table tbody tr', { hasText: claimNumber });
      await payout.locator('[data-label="Rekening tujuan"]', { hasText: /^BRI / }).waitFor();
      expect(await text(payout.locator('[data-label="Rekening tujuan"] > span'))).toBe(
        `BRI *********8901 · ${HEIR.name}`,
      );
      // Sending is its own step: offered, not taken.
      await page.getByRole('button', { name: 'Tandai terkirim ke bank' }).waitFor();
      expect(await text(page.locator('.payout-batch-status'))).toBe('Disetujui');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'claims-03b-bank-file-mandiri-phone');
    } finally {
      await context.close();
    }
  });

  it('officer downloads the bank file, marks it sent, uploads the PAID result: claim Dibayar and in benefits paid', async () => {
    const { context, page } = await run.signedIn(DESKTOP, 'cabang.atambua');
    try {
      await openNav(page, 'Pembayaran klaim', 'Pembayaran klaim');
      await page.locator('table.payout-batch-table').getByRole('link', { name: batchNumber }).click();
      await heading(page, batchNumber).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh file bank' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv.trim().split(/\r\n/);
      expect(lines[0]).toBe(
        'batch_reference,payout_id,bank_code,account_number,account_holder,amount_rp,description',
      );
      expect(lines).toHaveLength(2);
      const [reference, payoutId, bankCode, account, holder, amount] = lines[1]!.split(',');
      expect([reference, bankCode, account, holder, amount]).toEqual([
        batchNumber,
        '002',
        HEIR.account,
        HEIR.name,
        '42000000',
      ]);
      // The download alone leaves the batch approved; "Tandai terkirim" (confirmed) sends it.
      expect(await text(page.locator('.payout-batch-status'))).toBe('Disetujui');
      await page.getByRole('button', { name: 'Tandai terkirim ke bank' }).click();
      await page.getByRole('button', { name: 'Ya, sudah terkirim' }).click();
      await page.locator('.payout-batch-status', { hasText: 'Dikirim ke bank' }).waitFor();
      await screenshot(page, 'claims-03c-sent-desktop');

      const result = [
        'batch_reference,payout_id,status,date,bank_reference,amount_rp',
        `${batchNumber},${payoutId},PAID,${todayWita()},BRI-TRF-000123,42000000`,
      ].join('\r\n');
      await page.getByLabel('File hasil bank').setInputFiles({
        name: 'hasil-bank.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`${result}\r\n`),
      });
      await page.getByRole('button', { name: 'Unggah hasil bank' }).click();
      await page.getByText('Hasil bank dicatat: 1 dibayar, 0 gagal, 0 dikembalikan.').waitFor();
      await page.locator('.payout-batch-status', { hasText: 'Selesai' }).waitFor();
      const payout = page.locator('table.payout-table tbody tr', { hasText: claimNumber });
      await payout.locator('.payout-status', { hasText: 'Dibayar' }).waitFor();
      expect(await text(payout.locator('[data-label="Referensi bank"]'))).toBe('BRI-TRF-000123');
      // On screen the account is masked; only the bank file carries it whole.
      expect(await text(payout.locator('[data-label="Rekening tujuan"] .mono'))).toBe('*********8901');
      await screenshot(page, 'claims-04-reconciled');

      await payout.getByRole('link', { name: claimNumber }).click();
      await heading(page, claimNumber).waitFor();
      expect(await text(page.locator('.claim-status'))).toBe('Dibayar');
      const last = page.locator('table.claim-history tbody tr').last();
      expect(await text(last.locator('th'))).toBe('Dibayar bank');
      await screenshot(page, 'claims-05-paid');
    } finally {
      await context.close();
    }

    // Benefits paid (branch report, paid date in this year): exactly this claim's amount more.
    const after = await branchReport();
    expect(after.benefitsPaidRp - paidBefore.benefitsPaidRp).toBe(42_000_000);
    expect((after.claims.JKM?.count ?? 0) - paidBefore.jkmCount).toBe(1);
    expect((after.claims.JKM?.amountRp ?? 0) - paidBefore.jkmRp).toBe(42_000_000);
  });

  it('officer (phone) finds workers by name and KPJ; a claim the rules refuse is kept once', async () => {
    const other = WORKERS[1]!;
    let otherKpj = '';
    let refusedNumber = '';
    const { context, page } = await run.signedIn(PHONE, 'cabang.atambua');
    try {
      await openNav(page, 'Klaim', 'Klaim');
      await page.getByRole('link', { name: 'Daftarkan klaim baru' }).click();
      await heading(page, 'Pendaftaran klaim').waitFor();
      const search = page.getByLabel('NIK, nomor KPJ atau nama');
      const summary = page.locator('dl.participant-summary');
      // By name: the deceased worker, with the paid claim among the earlier ones.
      await search.fill(WORKER!.fullName);
      await page.getByRole('button', { name: 'Cari peserta' }).click();
      await summary.getByText(kpj, { exact: true }).waitFor();
      const earlier = page.getByRole('region', { name: 'Klaim sebelumnya' });
      await earlier.getByRole('link', { name: claimNumber }).waitFor();
      // On a phone each earlier claim is a card, not five columns squeezed into 360 px.
      expect(
        await earlier
          .locator('tbody tr')
          .first()
          .evaluate((el) => getComputedStyle(el).display),
      ).toBe('block');
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'claims-06-intake-by-name-phone');

      // By KPJ: another worker, no claim yet. A death on a date before he was covered is refused
      // by the rules (NOT_COVERED): saved once as refused, and a second press makes no new claim.
      otherKpj = (
        await apiCall<{ participants: { kpj: string }[] }>(
          await apiLogin(run.server.baseUrl, 'cabang.atambua'),
          'GET',
          `/participants?q=${other.nik}`,
        )
      ).participants[0]!.kpj;
      await search.fill(otherKpj);
      await page.getByRole('button', { name: 'Cari peserta' }).click();
      await summary.getByText(other.fullName).waitFor();
      await page.getByText('Belum ada klaim sebelumnya.').waitFor();
      await expect.poll(() => page.getByLabel('Program', { exact: true }).inputValue()).toBe('JKM');
      await page.getByLabel('Tanggal kejadian').fill('2020-01-15');
      await page.getByLabel('Sebab / keterangan kejadian').fill('Sakit');
      await page.getByLabel('Hubungan dengan peserta').selectOption({ label: 'Suami/istri' });
      await page.getByLabel('Nama ahli waris').fill(HEIR.name);
      await page.getByLabel('NIK ahli waris').fill(HEIR.nik);
      await page.getByLabel('Bank', { exact: true }).selectOption({ label: 'BRI' });
      await page.getByLabel('Nomor rekening').fill(HEIR.account);
      await page.getByLabel('Nama pemilik rekening').fill(HEIR.name);
      await page.getByRole('button', { name: 'Simpan klaim' }).click();
      const refused = page
        .getByRole('alert')
        .filter({ hasText: /^Klaim KLM\/5304\/\d{4}\/\d{6} disimpan dengan status ditolak: / });
      await refused.getByText('Peserta tidak terlindungi pada tanggal kejadian.', { exact: false }).waitFor();
      refusedNumber = (await refused.textContent())!.match(/KLM\/5304\/\d{4}\/\d{6}/)![0];
      expect(await fitsDevice(page, PHONE)).toBe(true);
      await screenshot(page, 'claims-07-refused-once-phone');

      await page.getByRole('button', { name: 'Simpan klaim' }).click();
      const again = page
        .getByRole('alert')
        .getByText(`Klaim ini sudah ditolak otomatis oleh aturan sebagai ${refusedNumber}`, { exact: false });
      await again.waitFor();
      // The reason in words, not its code.
      expect(await text(again)).toContain('dengan alasan: Peserta tidak terlindungi pada tanggal kejadian.');
      expect(await text(again)).not.toContain('NOT_COVERED');
      // Looked up again: one claim, the standing refusal, however often "Simpan" was pressed.
      await search.fill(other.nik);
      await page.getByRole('button', { name: 'Cari peserta' }).click();
      await earlier.getByRole('link', { name: refusedNumber }).waitFor();
      await page.getByText(/^1 klaim masih berstatus ditolak/).waitFor();
      expect(await earlier.locator('tbody tr').count()).toBe(1);
      await screenshot(page, 'claims-08-intake-open-refusal-phone');
    } finally {
      await context.close();
    }

    // The worker reads his own refused claim: the reason in words, not its code.
    const branch = await apiLogin(run.server.baseUrl, 'cabang.atambua');
    const { participants } = await apiCall<{ participants: { id: number }[] }>(
      branch,
      'GET',
      `/participants?q=${otherKpj}`,
    );
    const { code } = await apiCall<{ code: string }>(
      branch,
      'POST',
      `/participants/${participants[0]!.id}/activation-code`,
    );
    const activated = await fetch(`${run.server.baseUrl}/api/v1/auth/activate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kpj: otherKpj, code, password: MEMBER_PASSWORD }),
    });
    expect(activated.status).toBe(200);
    const member = await newContext(run.browser, run.server.baseUrl, PHONE);
    const mine = await member.newPage();
    try {
      await mine.goto('/');
      await mine.getByRole('button', { name: 'Indonesia' }).click();
      await mine.getByLabel('Nama pengguna').fill(otherKpj);
      await mine.getByLabel('Kata sandi').fill(MEMBER_PASSWORD);
      await mine.getByRole('button', { name: 'Masuk' }).click();
      await heading(mine, other.fullName).waitFor();
      await mine.getByRole('link', { name: /Status klaim/ }).click();
      await heading(mine, 'Status klaim').waitFor();
      await mine.getByRole('link', { name: new RegExp(refusedNumber) }).click();
      await heading(mine, refusedNumber).waitFor();
      const reason = mine.locator('dl.facts > div', { hasText: 'Alasan penolakan' }).locator('dd');
      expect(await text(reason)).toBe('Peserta tidak terlindungi pada tanggal kejadian.');
      await mine
        .locator('ol.me-list li', { hasText: 'Peserta tidak terlindungi pada tanggal kejadian.' })
        .waitFor();
      expect(await mine.locator('main').textContent()).not.toContain('NOT_COVERED');
      expect(await fitsDevice(mine, PHONE)).toBe(true);
      await screenshot(mine, 'claims-09-member-refusal-phone');
    } finally {
      await member.close();
    }
  });
});
