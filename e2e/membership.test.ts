import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearAgreement } from '../test/support/year-agreement.ts';
import { formatDate } from '../web/src/format.ts';
import {
  type ApiSession,
  apiCall,
  apiLogin,
  DEMO_PASSWORD,
  enrolThroughApi,
  lamaknenWorkers,
  todayWita,
} from './support/api.ts';
import { fitsDevice, launchBrowser, newContext, screenshot, VIEWPORTS } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// Membership over time in the browser (issue 12, point 6): the village operator proposes an exit
// and a move on a phone, the district verifies and the branch applies the exit; a branch officer
// proposes a name correction and the supervisor — never the maker — approves it; the district
// previews and confirms the renewal of Kewar's cohort into next year; the supervisor closes the
// last ended month, and a second close is refused in both languages. Each step also checks the
// state through the API. One server for the file; one browser login per role.

const PHONE = VIEWPORTS.find((v) => v.name === 'phone')!;
const DESKTOP = VIEWPORTS.find((v) => v.name === 'desktop')!;
const REGENCY = '53.04';
const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const TODAY = todayWita();
const YEAR = Number(TODAY.slice(0, 4));
// Ten Kewar workers (the regency's minimum batch): [0] exits, [1] moves to Fulur, [2] name
// corrected by the branch officer, [3] a correction proposed by the supervisor (their own, not
// theirs to approve), the rest stay as they are.
const WORKERS = lamaknenWorkers(10, 7400);

interface ApiParticipant {
  id: number;
  kpj: string;
  fullName: string;
  status: string;
  regionCode: string;
}

let server: RunningServer;
let browser: Browser;
let api: Record<'operator' | 'dinas' | 'cabang' | 'supervisor', ApiSession>;
const members: ApiParticipant[] = [];
const pages = new Map<string, Page>();

async function participant(nik: string): Promise<ApiParticipant> {
  const found = await apiCall<{ participants: ApiParticipant[] }>(
    api.cabang,
    'GET',
    `/participants?q=${nik}`,
  );
  expect(found.participants).toHaveLength(1);
  return found.participants[0]!;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  expect(await enrolThroughApi(server.baseUrl, WORKERS)).toBe(10);
  const login = (u: string) => apiLogin(server.baseUrl, u);
  api = {
    operator: await login('desa.kewar'),
    dinas: await login('dinas.belu'),
    cabang: await login('cabang.atambua'),
    supervisor: await login('supervisor.atambua'),
  };
  for (const w of WORKERS) members.push(await participant(w.nik));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The role's window at the viewport, logged in once (in Bahasa Indonesia) and reused after. */
async function as(username: string, viewport: typeof PHONE | typeof DESKTOP, path: string): Promise<Page> {
  const key = `${username}@${viewport.name}`;
  let page = pages.get(key);
  if (!page) {
    page = await (await newContext(browser, server.baseUrl, viewport)).newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Indonesia' }).click();
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    pages.set(key, page);
  }
  await page.goto(path);
  return page;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

describe('exits and moves: proposed on a phone, verified, applied', () => {
  let exitId = 0;
  let moveId = 0;

  it('village operator proposes an exit and a move on a phone and sees both pending', async () => {
    const page = await as('desa.kewar', PHONE, '/keluar-pindah');
    await heading(page, 'Keluar dan pindah desa');
    await page.getByLabel('Nomor KPJ').fill(members[0]!.kpj);
    await page.getByLabel('Alasan', { exact: true }).selectOption('termination');
    await page.getByLabel('Tanggal berlaku').fill(TODAY);
    await page.getByLabel('Keterangan').fill('Berhenti bekerja di desa');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    const sent = page.getByRole('status').filter({ hasText: /^Usulan \d+ terkirim\.$/ });
    exitId = Number((await sent.textContent())!.match(/\d+/)![0]);
    const exitCard = page.locator(`li[data-change="${exitId}"]`);
    await exitCard.getByText(`${members[0]!.kpj} · Keluar · Diusulkan`).waitFor();
    // Dates are shown formatted (22 Mei 2023), as everywhere (issue 15 point 6).
    await exitCard.getByText(`Berhenti / PHK · ${formatDate(TODAY, 'id')}`).waitFor();
    // The proposer has nothing to verify or apply.
    expect(await exitCard.getByRole('button').count()).toBe(0);

    await page.getByLabel('Nomor KPJ').fill(members[1]!.kpj);
    await page.getByLabel('Jenis').selectOption('move');
    await page.getByLabel('Kode desa tujuan').fill(FULUR);
    await page.getByLabel('Keterangan').fill('Pindah ikut keluarga');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Usulan ${exitId + 1} terkirim.` })
      .waitFor();
    moveId = exitId + 1;
    const moveCard = page.locator(`li[data-change="${moveId}"]`);
    await moveCard.getByText(`${members[1]!.kpj} · Pindah desa · Diusulkan`).waitFor();
    await moveCard.getByText(new RegExp(`${KEWAR}.*→.*${FULUR}`)).waitFor();
    expect(await fitsDevice(page, PHONE)).toBe(true);
    // The cards use the phone's width: no list indent or bullets.
    const indent = await exitCard.evaluate((li) => {
      const style = getComputedStyle(li.parentElement!);
      return [style.paddingLeft, style.listStyleType];
    });
    expect(indent).toEqual(['0px', 'none']);
    await screenshot(page, 'membership-01-proposed-phone');

    // The district sees both proposed; the receiving village sees the move, not the exit.
    const proposed = await apiCall<{ changes: { id: number }[] }>(
      api.dinas,
      'GET',
      '/membership-changes?state=proposed',
    );
    expect(proposed.changes.map((c) => c.id).sort()).toEqual([exitId, moveId]);
    const fulur = await apiCall<{ changes: { id: number }[] }>(
      await apiLogin(server.baseUrl, 'desa.fulur'),
      'GET',
      '/membership-changes',
    );
    expect(fulur.changes.map((c) => c.id)).toEqual([moveId]);
  });

  it('district officer verifies the exit; branch officer applies it and the membership ends', async () => {
    const dinas = await as('dinas.belu', DESKTOP, '/keluar-pindah');
    await heading(dinas, 'Keluar dan pindah desa');
    const card = dinas.locator(`li[data-change="${exitId}"]`);
    await card.getByRole('button', { name: 'Verifikasi' }).click();
    await card.getByText(/· Diverifikasi$/).waitFor();
    await screenshot(dinas, 'membership-02-verified');

    const cabang = await as('cabang.atambua', DESKTOP, '/keluar-pindah');
    const applyCard = cabang.locator(`li[data-change="${exitId}"]`);
    // Not the branch's step yet: the move is still only proposed.
    expect(await cabang.locator(`li[data-change="${moveId}"]`).getByRole('button').count()).toBe(0);
    await applyCard.getByRole('button', { name: 'Terapkan' }).click();
    await applyCard.getByText(/· Diterapkan$/).waitFor();
    await screenshot(cabang, 'membership-03-applied');

    expect((await participant(WORKERS[0]!.nik)).status).toBe('ended');
    const moved = await participant(WORKERS[1]!.nik);
    expect([moved.status, moved.regionCode]).toEqual(['active', KEWAR]);
  });
});

describe('corrections of a person’s data: maker-checker', () => {
  it('branch officer proposes a name correction from the participant list', async () => {
    const page = await as('cabang.atambua', DESKTOP, '/peserta');
    await page.getByLabel('Cari nama, NIK atau KPJ').fill(WORKERS[2]!.nik);
    await page.getByLabel('Cari nama, NIK atau KPJ').press('Enter');
    const row = page.getByRole('row').filter({ hasText: members[2]!.kpj });
    await row.getByRole('button', { name: 'Koreksi data' }).click();
    await page.getByLabel('Nama lengkap').fill(`${WORKERS[2]!.fullName} Bere`);
    await page.getByLabel('Alasan koreksi').fill('Nama keluarga tertinggal');
    await page.getByLabel(/^Keterangan bukti/).fill('KTP dan KK diperiksa');
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    await page.getByText(/^Usulan koreksi #\d+ terkirim dan menunggu keputusan\.$/).waitFor();

    // The maker's role cannot decide: the queue shows the correction without a decision button.
    await page.goto('/koreksi-data');
    await heading(page, 'Koreksi data orang');
    await page.getByText(members[2]!.kpj, { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
  });

  it('supervisor approves it, and cannot approve a correction of their own', async () => {
    const own = await apiCall<{ correction: { id: number } }>(api.supervisor, 'POST', '/person-corrections', {
      participantId: members[3]!.id,
      changes: { fullName: `${WORKERS[3]!.fullName} Mau` },
      reason: 'Nama keluarga tertinggal',
      evidenceNote: 'Akta kelahiran diperiksa',
    });
    const page = await as('supervisor.atambua', DESKTOP, '/koreksi-data');
    await heading(page, 'Koreksi data orang');
    const cardOf = (kpj: string) => page.getByRole('region', { name: new RegExp(`· ${kpj} ·`) });
    const ownCard = cardOf(members[3]!.kpj);
    await ownCard.getByText('Usulan Anda sendiri').waitFor();
    expect(await ownCard.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    const other = cardOf(members[2]!.kpj);
    await other.getByText('cabang.atambua').waitFor();
    await screenshot(page, 'membership-04-corrections-queue');
    await other.getByRole('button', { name: 'Setujui' }).click();
    // The question names what is decided, then its button confirms.
    await other.getByText(/^Setujui koreksi #\d+\? Data orang langsung diubah\.$/).waitFor();
    await other.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText(/^Koreksi #\d+ disetujui; data orang sudah diubah\.$/).waitFor();
    expect((await participant(WORKERS[2]!.nik)).fullName).toBe(`${WORKERS[2]!.fullName} Bere`);

    // Through the API the maker is refused with its own code, and the data stays as it was.
    await expect(
      apiCall(api.supervisor, 'POST', `/person-corrections/${own.correction.id}/decision`, { approve: true }),
    ).rejects.toThrow(/403.*CORRECTION_SAME_USER/);
    expect((await participant(WORKERS[3]!.nik)).fullName).toBe(WORKERS[3]!.fullName);
  });

  it('the review queue of double memberships is empty: the rule lets none in', async () => {
    const page = await as('supervisor.atambua', DESKTOP, '/kepesertaan-ganda');
    await heading(page, 'Kepesertaan ganda untuk ditinjau');
    await page.getByText('Tidak ada kepesertaan ganda.').waitFor();
    const queue = await apiCall<{ persons: unknown[] }>(api.supervisor, 'GET', '/membership-conflicts');
    expect(queue.persons).toEqual([]);
  });
});

describe('district renewal of the budget year', () => {
  it('previews and confirms Kewar’s cohort into next year: renewed and left out', async () => {
    // Next year's allocation for Kewar with a quota of 6 workers. Kewar's cohort of this year:
    // 10 enrolled, 1 ended by the exit above → 9 eligible (all under 66 on 1 January), 6 renewed
    // in enrolment order, 3 over the quota; with the ended one 4 left out.
    const { agreement } = await apiCall<{ agreement: { id: number } }>(
      api.dinas,
      'POST',
      '/agreements',
      yearAgreement({
        number: `PKS/E2E-PERPANJANGAN/${YEAR + 1}`,
        title: 'Perlindungan pekerja rentan (uji perpanjangan)',
        year: YEAR + 1,
        signedOn: TODAY,
      }),
    );
    await apiCall(api.dinas, 'POST', `/agreements/${agreement.id}/allocations`, {
      fundingSource: 'APBDES',
      fiscalYear: YEAR + 1,
      amountRp: 100_000_000,
      quotaWorkers: 6,
      villageCode: KEWAR,
    });

    const page = await as('dinas.belu', DESKTOP, '/anggaran');
    await heading(page, 'Anggaran dan kuota');
    await page.getByLabel('Kode desa (kosongkan untuk seluruh kabupaten)').fill(KEWAR);
    await page.getByRole('button', { name: 'Lihat pratinjau' }).click();
    await page.getByText('6 pekerja diperpanjang, 4 tidak diperpanjang.').waitFor();
    const row = page.getByRole('table', { name: 'Per desa' }).getByRole('row').filter({ hasText: /kewar/i });
    expect((await row.locator('td').allTextContents()).map((s) => s.trim())).toEqual([
      '6',
      '0',
      '1',
      '3',
      '0',
      '0',
    ]);
    await screenshot(page, 'membership-05-renewal-preview');

    await page.getByRole('button', { name: 'Perpanjang', exact: true }).click();
    await page.getByRole('button', { name: 'Ya, perpanjang' }).click();
    await page.getByText('6 pekerja diperpanjang; 4 tidak diperpanjang.').waitFor();
    const leftOut = page.getByRole('table', { name: 'Tidak diperpanjang' });
    expect(await leftOut.locator('tbody tr').count()).toBe(4);
    await leftOut.getByRole('row').filter({ hasText: members[0]!.kpj }).getByText('Sudah berakhir').waitFor();
    await screenshot(page, 'membership-06-renewal-done');

    // Renewed once: a second preview finds nobody left to carry over.
    const again = await apiCall<{ totals: { renewed: number } }>(api.dinas, 'POST', '/budget-renewals', {
      regencyCode: REGENCY,
      villageCode: KEWAR,
      fromYear: YEAR,
      confirm: false,
    });
    expect(again.totals.renewed).toBe(0);
  });
});

describe('period close', () => {
  const lastMonth = (() => {
    const [y, m] = TODAY.split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();

  it('supervisor closes the last ended month; a second close is refused in both languages', async () => {
    const page = await as('supervisor.atambua', DESKTOP, '/tutup-buku');
    await heading(page, 'Tutup buku bulanan');
    await page.getByText('Belum ada bulan yang ditutup.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Bulan' }).inputValue()).toBe(lastMonth);
    await page.getByRole('button', { name: 'Tutup bulan ini…' }).click();
    await page.getByRole('button', { name: 'Ya, tutup buku' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Buku ditutup sampai / })
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'supervisor.atambua' }).waitFor();
    const closed = await apiCall<{ closedThrough: string | null }>(
      api.supervisor,
      'GET',
      `/regencies/${REGENCY}/closed-periods`,
    );
    expect(closed.closedThrough).toBe(lastMonth);
    await screenshot(page, 'membership-07-period-closed');

    await page.getByRole('button', { name: 'Tutup bulan ini…' }).click();
    await page.getByRole('button', { name: 'Ya, tutup buku' }).click();
    await page
      .getByRole('alert')
      .getByText(`Bulan ${lastMonth} sudah ditutup: pembukuan ${REGENCY} ditutup sampai ${lastMonth}`, {
        exact: false,
      })
      .waitFor();
    // Refused, the question stays open: asked again in English, the refusal is in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Yes, close the books' }).click();
    await page
      .getByRole('alert')
      .getByText(`Month ${lastMonth} is already closed: the books of ${REGENCY} are closed through`, {
        exact: false,
      })
      .waitFor();
    await screenshot(page, 'membership-08-period-already-closed-en');
    await page.getByRole('button', { name: 'Indonesia' }).click();
  });
});
