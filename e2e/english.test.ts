import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../web/src/i18n/en.ts';
import {
  apiCall,
  apiLogin,
  DEMO_PASSWORD,
  enrolmentCsv,
  enrolThroughApi,
  lamaknenWorkers,
  submitJkmClaim,
  todayWita,
} from './support/api.ts';
import { launchBrowser, newContext, openMenu, screenshot, VIEWPORTS } from './support/browser.ts';
import { indonesianIn, indonesianOnlyPieces } from './support/indonesian-only.ts';
import { DEMO_ROLES, DETAIL_ROUTES } from './support/routes.ts';
import { type RunningServer, startServer } from './support/server.ts';

// English mode is complete (issue 15, 9): every role of the demo, and a participant, switch to
// English and visit every page of their menu and a record under it, on a phone (menu unfolded
// first) and on a desktop. No page shows a piece of the
// Indonesian catalog whose English differs. Through the API first: ten Kewar workers enrolled and
// billed, a second batch waiting for the district, a JKM claim submitted (its explanation and
// benefit components come from the rules) and the participant's own account activated.

const WORKERS = lamaknenWorkers(10, 7500);
const WAITING = lamaknenWorkers(10, 7600);
const PARTICIPANT_PASSWORD = 'sandi-peserta-inggris';

let server: RunningServer;
let browser: Browser;
let kpj = '';
/** Records under menu sections, beside the shell test's DETAIL_ROUTES. */
const details: Record<string, string> = { ...DETAIL_ROUTES };
const indonesian = indonesianOnlyPieces();

/**
 * Data, not UI text: names of people and places, occupations and addresses the demo and this
 * test put in. Removed from the page before the check.
 */
const DATA = [
  /Pekerja Uji [\p{L}-]+/gu,
  /Maria Bete/g,
  /\b(Petani|Dusun)\b/g,
  // Region and payer names: "Desa Kewar", "KABUPATEN BELU", "Pemerintah Desa Kewar" (or cut
  // short on a chart axis, "Pemerintah Des…").
  /\bPemerintah [A-Z][\p{L}…]*/gu,
  // The branch office a staff account belongs to: "Kantor Cabang Belu Atambua".
  /\bKantor Cabang(?= [A-Z])/g,
  /\b(Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan)(?= [A-Z])/g,
  /\b(PROVINSI|KABUPATEN|KOTA|KECAMATAN|DESA|KELURAHAN)(?= [A-Z])/g,
  // Uploaded files as named by their sender, and the document type codes they were filed under.
  /[\w-]+\.(pdf|jpe?g|png|csv|xlsx)\b/g,
  /\b[a-z]+(_[a-z]+)+(?=: )/g,
];

function withoutData(text: string): string {
  return DATA.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  expect(await enrolThroughApi(server.baseUrl, WORKERS)).toBe(10);
  const branch = await apiLogin(server.baseUrl, 'cabang.atambua');
  const billed = await apiCall<{ invoices: { id: number }[] }>(branch, 'POST', '/billing/runs', {
    regencyCode: '53.04',
    period: todayWita().slice(0, 7),
  });
  if (billed.invoices[0]) details['/tagihan'] = `/tagihan/${billed.invoices[0].id}`;
  const found = await apiCall<{ participants: { id: number; kpj: string }[] }>(
    branch,
    'GET',
    `/participants?q=${WORKERS[0]!.nik}`,
  );
  kpj = found.participants[0]!.kpj;
  details['/peserta'] = `/peserta/${kpj}`;
  const code = await apiCall<{ code: string }>(
    branch,
    'POST',
    `/participants/${found.participants[0]!.id}/activation-code`,
  );
  await fetch(`${server.baseUrl}/api/v1/auth/activate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kpj, code: code.code, password: PARTICIPANT_PASSWORD }),
  }).then((r) => expect(r.status).toBe(200));
  const { id: claimId } = await submitJkmClaim(server.baseUrl, kpj, todayWita());
  details['/klaim'] = `/klaim/${claimId}`;
  details['/persetujuan-klaim'] = `/persetujuan-klaim/${claimId}`;
  details['/klaim-saya'] = `/klaim-saya/${claimId}`;

  const village = await apiLogin(server.baseUrl, 'desa.kewar');
  const waiting = await apiCall<{ batch: { id: number } }>(
    village,
    'POST',
    '/enrolment/uploads?village=53.04.01.2001&dryRun=false',
    enrolmentCsv(WAITING, '53.04.01.2001'),
    { 'X-File-Name': 'pekerja.csv' },
  );
  await apiCall(village, 'POST', `/enrolment/batches/${waiting.batch.id}/submit`);
  details['/verifikasi'] = `/verifikasi/${waiting.batch.id}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the page's data has come: no request in flight and no loading note. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .waitForFunction((loading) => !document.body.textContent?.includes(loading), en['app.loading'], {
      timeout: 15_000,
    })
    .catch(() => undefined);
}

/** The text a reader meets: what is shown, and the names given to controls and regions. */
async function readableText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text keeps neighbouring cells' words apart
  const shown = await page.locator('body').innerText();
  const named = await page.evaluate(() => {
    const named = Array.from(
      document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]'),
    ).flatMap((el) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? ''));
    return [document.title, ...named];
  });
  return [shown, ...named].join('\n');
}

const ACCOUNTS = [
  ...DEMO_ROLES.map((username) => ({ username, password: DEMO_PASSWORD })),
  { username: 'participant', password: PARTICIPANT_PASSWORD },
];

// On a phone, the three who work from one: the village operator, the district officer and the
// participant (the desktop pass covers every role's pages; the phone adds the unfolded menu).
const PHONE_ACCOUNTS = ACCOUNTS.filter((a) =>
  ['desa.kewar', 'dinas.belu', 'participant'].includes(a.username),
);

describe.each(VIEWPORTS)('English mode at $name size', (viewport) => {
  it.each(viewport.name === 'phone' ? PHONE_ACCOUNTS : ACCOUNTS)(
    '$username sees no Indonesian UI text on any page',
    async ({ username, password }) => {
      const context = await newContext(browser, server.baseUrl, viewport);
      try {
        const page = await context.newPage();
        await page.goto('/');
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByLabel('Password').fill(password);
        await page.getByLabel(/^(Username|KPJ)/).fill(username === 'participant' ? kpj : username);
        await page.getByRole('button', { name: /^Log in$/ }).click();
        // Logged in first: the login page has a heading too, and openMenu waits for one.
        await page.getByRole('button', { name: 'Log out' }).waitFor();
        await openMenu(page);
        const nav = page.getByRole('navigation', { name: en['nav.label'] });
        await nav.waitFor();
        const menu = await nav
          .getByRole('link')
          .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        expect(menu.length).toBeGreaterThan(0);
        const found: Record<string, string[]> = {};
        for (const path of [...menu, ...menu.flatMap((m) => details[m] ?? [])]) {
          expect((await page.goto(path))?.status(), path).toBe(200);
          await settled(page);
          expect(await page.getAttribute('html', 'lang'), path).toBe('en');
          const text = await readableText(page);
          if (path === details['/persetujuan-klaim']) {
            // The checker's view of the claim: the rules' components, named in English.
            expect(text).toMatch(/Lump-sum death benefit[\s\S]*Funeral costs/);
            await screenshot(page, `english-claim-check-${viewport.name}`);
          }
          if (path === '/saya') {
            // The card's funding line and segment come from the server and the labels catalog.
            expect(text).toContain('Funded by the APBDes of Desa Kewar');
            expect(text).toContain('Non-wage earner (BPU)');
            await screenshot(page, `english-participant-card-${viewport.name}`);
          }
          const left = indonesianIn(withoutData(text), indonesian);
          if (left.length) {
            found[path] = left;
            await screenshot(page, `english-${viewport.name}-${username}-${path.replaceAll('/', '_')}`);
          }
        }
        expect(found).toEqual({});
      } finally {
        await context.close();
      }
    },
  );
});
