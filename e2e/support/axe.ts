import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

// axe-core over every page state the browser tests reach (issue 15 point 12): zero serious or
// critical violations. A state is checked once: screenshot() checks the states the tests name,
// and every tracked page is checked again before it navigates away (goto, reload), before it or
// its context closes and after each test, so states without a screenshot are covered too. The
// same state (URL, width, language, visible text) is not checked twice: CI's time budget.
//
// LINDUNG_AXE=report logs violations without failing (to count them before fixing).

const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const reportOnly = process.env.LINDUNG_AXE === 'report';
const BLOCKING = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

const checked = new Set<string>();
const tracked = new Set<Page>();
/** Failures found where throwing would hide the test's own error (close, afterEach). */
const pending: string[] = [];
export const axeTally = { states: 0, failing: 0, violations: 0 };

function describeViolations(where: string, violations: Violation[]): string {
  const lines = violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map((n) => n.target.join(' '))
      .join(' | ');
    const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
    return `  ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n    ${targets}${more}`;
  });
  return `axe: ${violations.length} serious/critical violation(s) on ${where}\n${lines.join('\n')}`;
}

/** A key for what the page shows now; equal keys are the same state. */
function stateKey(page: Page): Promise<string> {
  return page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not what the DOM holds
    const text = document.body?.innerText ?? '';
    let hash = 0;
    for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    return `${location.href} ${window.innerWidth} ${document.documentElement.lang} ${hash}`;
  });
}

/** Runs axe on the page once per state; returns the failure text, or null when clean. */
async function audit(page: Page): Promise<string | null> {
  const key = await stateKey(page);
  if (checked.has(key)) return null;
  checked.add(key);
  // evaluate() runs outside the page's CSP, which would refuse an injected <script>.
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as Violation[];
  });
  axeTally.states++;
  const blocking = violations.filter((v) => v.impact !== null && BLOCKING.has(v.impact));
  if (blocking.length === 0) return null;
  axeTally.failing++;
  axeTally.violations += blocking.length;
  const text = describeViolations(`${page.url()} at ${page.viewportSize()?.width ?? '?'} px`, blocking);
  console.warn(text);
  return reportOnly ? null : text;
}

/** Fails when the page as it is now has a serious or critical axe violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const failure = await audit(page);
  if (failure) throw new Error(failure);
}

async function auditQuietly(page: Page): Promise<void> {
  if (page.isClosed()) return;
  try {
    const failure = await audit(page);
    if (failure) pending.push(failure);
  } catch {
    // A page mid-navigation or already torn down has no state left to check.
  }
}

function trackPage(page: Page): void {
  tracked.add(page);
  // A state a test leaves with goto or reload is checked before it goes.
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    if (page.url() !== 'about:blank') await auditQuietly(page);
    return goto(url, options);
  };
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    await auditQuietly(page);
    return reload(options);
  };
  const close = page.close.bind(page);
  page.close = async (options) => {
    await auditQuietly(page);
    tracked.delete(page);
    return close(options);
  };
  page.on('close', () => tracked.delete(page));
}

export function trackContext(context: BrowserContext): BrowserContext {
  context.on('page', trackPage);
  const close = context.close.bind(context);
  context.close = async (options) => {
    for (const page of context.pages()) await auditQuietly(page);
    return close(options);
  };
  return context;
}

/** Every context the browser opens is tracked, also those a test opens with browser.newContext. */
export function trackBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => trackContext(await newContext(options));
  return browser;
}

/** Checks the pages still open, then fails with whatever earlier closes found (afterEach/afterAll). */
export async function settleAccessibility(testFailed: boolean): Promise<void> {
  if (!testFailed) for (const page of tracked) await auditQuietly(page);
  const failures = pending.splice(0);
  if (failures.length > 0 && !testFailed) throw new Error(failures.join('\n\n'));
}
