import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { publicBaseUrl, publicUrlProblem } from '../src/services/public-url.ts';
import { fitsWidth, newContext, openMenu, screenshot, VIEWPORTS } from './support/browser.ts';
import { DEMO_ROLES, DETAIL_ROUTES } from './support/routes.ts';
import { serverAndBrowser } from './support/suite.ts';

// The web shell in a real browser against the real server with its demo data:
// log in, see only what the role may do, switch language, browse regions, log out.

const PASSWORD = 'lindung-demo';

const run = serverAndBrowser();

async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(/^(Nama pengguna|Username)$/).fill(username);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Masuk|Log in)$/ }).click();
}

/** Opens the login page in Bahasa Indonesia, whatever language an earlier flow left stored. */
async function openLogin(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await heading(page, /^Masuk$/).waitFor();
}

function heading(page: Page, name: RegExp) {
  return page.getByRole('heading', { level: 1, name });
}

describe.each(VIEWPORTS)('web shell at $width×$height', (viewport) => {
  let context: BrowserContext;
  let page: Page;
  const shot = (step: string) => screenshot(page, `${viewport.name}-${step}`);

  beforeAll(async () => {
    context = await newContext(run.browser, run.server.baseUrl, viewport);
  });

  afterAll(async () => {
    await context?.close();
  });

  beforeEach(async () => {
    // Each flow starts logged out, whatever the previous one left behind.
    await context.clearCookies();
  });

  it('village operator sees the village Kewar and no users or audit', async () => {
    page = await context.newPage();
    await openLogin(page);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await shot('01-login');

    await logIn(page, 'desa.kewar');
    // The home page first (its to-dos: home.test.ts), then the village's own overview.
    await heading(page, /^Beranda$/).waitFor();
    await page.getByRole('link', { name: /^Ringkasan wilayah/ }).click();
    await heading(page, /kewar/i).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wilayah/53.04.01.2001');
    const account = page.getByRole('region', { name: 'Akun' });
    await expect(account.textContent()).resolves.toMatch(/Operator desa/);
    await expect(account.textContent()).resolves.toMatch(/kewar/i);
    await openMenu(page);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Wilayah' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: /Pengguna|Audit/i }).count()).toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await shot('02-village');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await heading(page, /^Masuk$/).waitFor();
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.status()).toBe(401);
    await page.close();
  });

  it('district officer switches language and browses Belu down to Lamaknen', async () => {
    page = await context.newPage();
    await openLogin(page);
    await logIn(page, 'dinas.belu');
    await heading(page, /^Beranda$/).waitFor();
    await page.getByRole('link', { name: /^Ringkasan wilayah/ }).click();
    await heading(page, /belu/i).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wilayah/53.04');
    const children = page.getByRole('list', { name: /^Kecamatan \(12\)$/ });
    expect(await children.getByRole('listitem').count()).toBe(12);
    expect(await page.locator('.stat').allTextContents()).toEqual(['Kecamatan12', 'Desa69', 'Kelurahan12']);
    expect(await fitsWidth(page)).toBe(true);
    await shot('03-regency-id');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('list', { name: /^Sub-districts \(12\)$/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await expect(page.getByRole('region', { name: 'Account' }).textContent()).resolves.toMatch(
      /District officer/,
    );
    await page.reload();
    await page.getByRole('list', { name: /^Sub-districts \(12\)$/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await fitsWidth(page)).toBe(true);
    await shot('04-regency-en');

    await page.getByRole('button', { name: 'Indonesia' }).click();
    await children.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(1);

    await children.locator('a[href="/wilayah/53.04.01"]').click();
    await heading(page, /lamaknen/i).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wilayah/53.04.01');
    const villages = page.getByRole('list', { name: /^Desa dan kelurahan \(9\)$/ });
    expect(await villages.getByRole('listitem').count()).toBe(9);
    expect(await fitsWidth(page)).toBe(true);
    await shot('05-district');

    await page.reload();
    await heading(page, /lamaknen/i).waitFor();
    expect(await villages.getByRole('listitem').count()).toBe(9);

    await page
      .getByRole('navigation', { name: 'Jalur wilayah' })
      .getByRole('link', { name: /belu/i })
      .click();
    await heading(page, /belu/i).waitFor();
    expect(new URL(page.url()).pathname).toBe('/wilayah/53.04');
    await page.goBack();
    await heading(page, /lamaknen/i).waitFor();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await heading(page, /^Masuk$/).waitFor();
    await page.close();
  });

  it('shows users and audit only to the roles that hold those permissions', async () => {
    page = await context.newPage();
    // Other menu items come and go with features; these two follow users.manage and audit.read.
    const expected = [
      { username: 'admin', shown: ['Wilayah', 'Pengguna', 'Log audit'], hidden: [] },
      { username: 'auditor', shown: ['Wilayah', 'Log audit'], hidden: ['Pengguna'] },
      { username: 'cabang.atambua', shown: ['Wilayah'], hidden: ['Pengguna', 'Log audit'] },
    ];
    for (const { username, shown, hidden } of expected) {
      await openLogin(page);
      await logIn(page, username);
      await page.getByRole('button', { name: 'Keluar' }).waitFor();
      await openMenu(page);
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      const links = await nav.getByRole('link').allTextContents();
      expect(links).toEqual(expect.arrayContaining(shown));
      for (const h of hidden) expect(links).not.toContain(h);
      await page.getByRole('button', { name: 'Keluar' }).click();
      await heading(page, /^Masuk$/).waitFor();
    }
    await page.close();
  });

  it('warns the admin, above every page, when cards would print an address phones cannot open', async () => {
    page = await context.newPage();
    await openLogin(page);
    await logIn(page, 'admin');
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    // This server listens on 127.0.0.1: only this machine reaches it, so there is nothing to warn of.
    const status = await page.request.get('/api/v1/system/public-url');
    expect(((await status.json()) as { problem: string | null }).problem).toBeNull();
    await page.locator('main h1').first().waitFor();
    expect(await page.locator('.public-url-warning').count()).toBe(0);

    // The answer a server listening on all interfaces with LINDUNG_PUBLIC_URL unset gives, from
    // the server's own rule (src/services/public-url.ts): the admin screen must show it.
    const reachable = {
      publicBaseUrl: publicBaseUrl({}),
      listenHost: '0.0.0.0',
      problem: publicUrlProblem('0.0.0.0', {}),
    };
    expect(reachable.problem).toBe('loopback');
    await page.route('**/api/v1/system/public-url', (route) => route.fulfill({ json: reachable }));
    await page.reload();
    const warning = page.getByRole('alert').filter({ hasText: 'LINDUNG_PUBLIC_URL' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`mencetak alamat ${reachable.publicBaseUrl}`);
    expect(await fitsWidth(page)).toBe(true);
    await shot('07-admin-public-url-warning');
    await page.unroute('**/api/v1/system/public-url');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await heading(page, /^Masuk$/).waitFor();
    await page.close();
  });

  it("shows the API's error message for a wrong password, in the chosen language", async () => {
    page = await context.newPage();
    await openLogin(page);
    // A different account per viewport keeps each under the login throttle.
    const username = viewport.name === 'phone' ? 'auditor' : 'supervisor.atambua';

    for (const language of ['id', 'en'] as const) {
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
        logIn(page, username, 'not-the-password'),
      ]);
      expect(response.status()).toBe(401);
      expect(await response.request().headerValue('accept-language')).toBe(language);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INVALID_CREDENTIALS');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect((await alert.textContent())?.trim()).toBe(body.error.message);
      expect(await fitsWidth(page)).toBe(true);
      await shot(`06-wrong-password-${language}`);
    }
    await page.close();
  });
});

// Every app route, loaded as a reload or a typed address would load it (the server's answer,
// not in-app navigation): the app's page renders, never the public card check or a 404.
describe.each(VIEWPORTS)('every route of every role survives a reload at $name size', (viewport) => {
  it.each(DEMO_ROLES)('%s', async (username) => {
    const context = await newContext(run.browser, run.server.baseUrl, viewport);
    try {
      const page = await context.newPage();
      await openLogin(page);
      await logIn(page, username);
      await page.getByRole('button', { name: 'Keluar' }).waitFor();
      await openMenu(page);
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      await nav.waitFor();
      const menu = await nav
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(menu.length).toBeGreaterThan(0);
      const titles = new Set<string>();
      // At phone size the pages themselves are the desktop pass's (same server answer, same app):
      // what a phone adds is its layout, so it reloads the first menu page and every record route.
      const pages = viewport.name === 'phone' ? menu.slice(0, 1) : menu;
      for (const path of [...pages, ...menu.flatMap((m) => DETAIL_ROUTES[m] ?? [])]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const title = page.locator('main h1').first();
        await title.waitFor({ timeout: 10_000 }).catch(() => undefined);
        expect(await page.locator('main').count(), path).toBe(1);
        expect(await page.locator('body').textContent(), path).not.toMatch(
          /Halaman tidak ditemukan|Nomor KPJ tidak ditemukan/,
        );
        expect(await page.getByRole('button', { name: 'Keluar' }).count(), path).toBe(1);
        // The browser title is the page's own heading.
        const h1 = ((await title.count()) ? await title.textContent() : '')?.replace(/\s+/g, ' ').trim();
        // A menu page always has its heading; a missing record's page may show only the error.
        if (menu.includes(path)) expect(h1, `${path} has a heading`).toBeTruthy();
        if (h1) expect(await page.title(), path).toBe(`${h1} · lindung · BPJS Ketenagakerjaan`);
        titles.add(await page.title());
        // The records under a menu section are what a reload used to lose (/verifikasi/70).
        if (!menu.includes(path)) {
          await screenshot(page, `${viewport.name}-reload-${username}${path.replaceAll('/', '_')}`);
        }
      }
      // Pages are told apart in tabs and history: at least one title per menu item.
      expect(titles.size).toBeGreaterThanOrEqual(pages.length);
    } finally {
      await context.close();
    }
  });
});
