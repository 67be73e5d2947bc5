import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './api.ts';
import { expectAccessible, trackBrowser } from './axe.ts';
import { repoRoot } from './server.ts';

// Debian's Chromium (CHROMIUM_PATH), never a downloaded browser.

export const artifactsDir = join(repoRoot, 'test-artifacts', 'e2e');

export const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

export type Viewport = (typeof VIEWPORTS)[number];

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return trackBrowser(browser);
}

export function newContext(browser: Browser, baseURL: string, viewport: Viewport): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    isMobile: viewport.width < 720,
    hasTouch: viewport.width < 720,
  });
}

/** Every state a test shoots is also checked with axe-core (e2e/support/axe.ts). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page);
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** True when the page is no wider than the window (no horizontal scroll). */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Stricter than fitsWidth for a mobile context: there an overflowing element widens the layout
 * viewport, so window.innerWidth grows with it and fitsWidth still holds. This compares the
 * page with the device width the context was opened at.
 */
export function fitsDevice(page: Page, viewport: Viewport): Promise<boolean> {
  return page.evaluate(
    (width) => document.documentElement.scrollWidth <= width && window.innerWidth <= width,
    viewport.width,
  );
}

/** The page's level-1 heading named `name`. */
export function heading(page: Page, name: RegExp | string): Locator {
  return page.getByRole('heading', { level: 1, name });
}

/**
 * Unfolds the main menu where it is folded behind its button (a phone); elsewhere the menu is
 * always shown and this does nothing. Call it before using a link of the menu.
 */
export async function openMenu(page: Page): Promise<void> {
  // The page first: right after login `/` is still being redirected to the home page, and
  // changing page folds the menu again.
  await page.locator('main h1').first().waitFor();
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  if (!(await toggle.isVisible())) return;
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('navigation', { name: /^(Menu utama|Main menu)$/ }).waitFor();
}

/**
 * Signs a demo user in, in Bahasa Indonesia, on a fresh page of the context (cookies cleared
 * first), and waits for the home page (`/beranda`) the staff roles land on: a menu opened before
 * that redirect would fold again.
 */
export async function signInToHome(context: BrowserContext, username: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
  return page;
}

/** Opens a page from the main menu (unfolded first on a phone) and waits for its heading. */
export async function openNav(page: Page, label: string, title: RegExp | string): Promise<void> {
  await openMenu(page);
  await page
    .getByRole('navigation', { name: 'Menu utama' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await heading(page, title).waitFor();
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh window at the given size, logged in as the demo user `username`, in Bahasa Indonesia;
 * waits for the Keluar button, wherever the role lands. The caller closes the context.
 */
export async function signInNewContext(
  browser: Browser,
  baseURL: string,
  viewport: Viewport,
  username: string,
): Promise<SignedIn> {
  const context = await newContext(browser, baseURL, viewport);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Indonesia' }).click();
  await heading(page, /^Masuk$/).waitFor();
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}
