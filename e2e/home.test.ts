import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, enrolmentCsv, lamaknenWorkers } from './support/api.ts';
import { fitsDevice, openMenu, screenshot, VIEWPORTS } from './support/browser.ts';
import { serverAndBrowser, viewportContext } from './support/suite.ts';

// The home page per role and the folding phone menu (issue 15 point 4): Desa Kewar has submitted
// a batch, so the district's home says one batch waits for verification and links to it; the
// village sees the same batch as waiting on the district. On a 360×740 phone the menu is folded,
// the page starts near the top, and the Menu button opens the role's key tasks first. Every page
// has its own browser title.

const TITLE_SUFFIX = ' · lindung · BPJS Ketenagakerjaan';
/** How far down a phone screen a page's heading may start (the header is two short rows). */
const PHONE_CONTENT_TOP_PX = 120;

const run = serverAndBrowser();

beforeAll(async () => {
  const kewar = await apiLogin(run.server.baseUrl, 'desa.kewar');
  const upload = await apiCall<{ batch: { id: number } }>(
    kewar,
    'POST',
    '/enrolment/uploads?village=53.04.01.2001&dryRun=false',
    enrolmentCsv(lamaknenWorkers(10, 7000), '53.04.01.2001'),
    { 'X-File-Name': 'pekerja.csv' },
  );
  await apiCall(kewar, 'POST', `/enrolment/batches/${upload.batch.id}/submit`);
});

const heading = (page: Page) => page.locator('main h1').first();

/** The lines of a home page list once loaded: count and label, as the screen reads them. */
async function lines(page: Page, name: string): Promise<string[]> {
  const list = page.getByRole('list', { name });
  await list.waitFor();
  const titles = await list.locator('.link-title').allTextContents();
  return titles.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Where the page's heading starts, in px from the top of the window. */
async function contentTop(page: Page): Promise<number> {
  const box = await heading(page).boundingBox();
  if (!box) throw new Error('no heading');
  return box.y;
}

describe.each(VIEWPORTS)('home page and menu at $width×$height', (viewport) => {
  const phone = viewport.name === 'phone';
  const shared = viewportContext(run, viewport);

  async function signIn(username: string): Promise<Page> {
    const page = await shared.signIn(username);
    expect(new URL(page.url()).pathname).toBe('/beranda');
    return page;
  }

  it('the district officer: the batch to verify, counted as the API counts it, links to verification', async () => {
    const page = await signIn('dinas.belu');
    const home = (await (await page.request.get('/api/v1/home')).json()) as {
      enrolmentBatches: { submitted: number };
      invoices: { open: number };
    };
    expect(home.enrolmentBatches.submitted).toBe(1);
    const todos = await lines(page, 'Yang perlu dikerjakan');
    expect(todos[0]).toBe('1 Batch menunggu verifikasi');
    expect(todos).toContain(`${home.invoices.open} Tagihan belum lunas`);
    const todo = page.getByRole('list', { name: 'Yang perlu dikerjakan' });
    expect(await page.title()).toBe(`Beranda${TITLE_SUFFIX}`);
    expect(await fitsDevice(page, viewport)).toBe(true);
    if (phone) expect(await contentTop(page)).toBeLessThanOrEqual(PHONE_CONTENT_TOP_PX);
    await screenshot(page, `${viewport.name}-home-district`);

    await todo.getByRole('link', { name: /Batch menunggu verifikasi/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifikasi pendaftaran' }).waitFor();
    // The batch the home page counted is the one listed there.
    await page.getByRole('link', { name: /kewar/i }).waitFor();
    expect(await page.getByRole('link', { name: /kewar/i }).count()).toBe(1);
    expect(await page.title()).toBe(`Verifikasi pendaftaran${TITLE_SUFFIX}`);
    await page.close();
  });

  it('the village operator: a home that is not empty, the menu folded on a phone, key tasks first', async () => {
    const page = await signIn('desa.kewar');
    expect(await lines(page, 'Sedang berjalan')).toEqual(['1 Batch menunggu verifikasi kabupaten']);
    expect(await lines(page, 'Yang perlu dikerjakan')).toEqual([
      '0 Batch pendaftaran belum diajukan',
      '0 Batch pendaftaran ditolak, perlu diperbaiki',
      '0 Tagihan belum lunas',
    ]);

    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const toggle = page.getByRole('button', { name: 'Menu', exact: true });
    if (phone) {
      // Folded: no menu link takes the screen; the page starts within the first rows.
      expect(await nav.isVisible()).toBe(false);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await contentTop(page)).toBeLessThanOrEqual(PHONE_CONTENT_TOP_PX);
      expect(await fitsDevice(page, viewport)).toBe(true);
      await screenshot(page, `${viewport.name}-home-village`);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    } else {
      expect(await toggle.isVisible()).toBe(false);
      await screenshot(page, `${viewport.name}-home-village`);
    }
    await nav.waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links.slice(0, 5)).toEqual(['Beranda', 'Pendaftaran', 'Peserta', 'Tagihan', 'Keluar & pindah']);
    expect(links).toContain('Wilayah');
    if (phone) await screenshot(page, `${viewport.name}-menu-open`);

    // Every page has its own title; on a phone the menu folds again once a page is chosen.
    const titles = new Set([await page.title()]);
    for (const [label, title] of [
      ['Tagihan', 'Tagihan'],
      ['Peserta', 'Peserta'],
      ['Pendaftaran', 'Pendaftaran peserta'],
    ] as const) {
      await openMenu(page);
      await nav.getByRole('link', { name: label, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      expect(await page.title()).toBe(`${title}${TITLE_SUFFIX}`);
      titles.add(await page.title());
      if (phone) {
        expect(await nav.isVisible()).toBe(false);
        expect(await contentTop(page)).toBeLessThanOrEqual(PHONE_CONTENT_TOP_PX);
        expect(await fitsDevice(page, viewport)).toBe(true);
      }
    }
    expect(titles.size).toBe(4);
    await screenshot(page, `${viewport.name}-village-enrolment`);
    await page.close();
  });

  it('the branch supervisor: key tasks lead to the decisions that wait for them', async () => {
    const page = await signIn('supervisor.atambua');
    expect(await lines(page, 'Yang perlu dikerjakan')).toEqual([
      '0 Klaim lewat SLA',
      '0 Klaim menunggu keputusan',
      '0 Batch pembayaran klaim menunggu persetujuan',
    ]);
    // Collecting unpaid invoices is the branch officer's step: the supervisor only watches them.
    expect(await lines(page, 'Sedang berjalan')).toEqual(['0 Tagihan belum lunas']);
    await openMenu(page);
    const links = await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link')
      .allTextContents();
    expect(links.slice(0, 5)).toEqual([
      'Beranda',
      'Persetujuan klaim',
      'Pembayaran klaim',
      'Koreksi data',
      'Tutup buku',
    ]);
    await page.close();
  });
});
