// The hooks every browser test file repeats: the real server and Chromium started before the
// file's tests and stopped after them, and a browser context per viewport of a describe.each.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchBrowser,
  newContext,
  type SignedIn,
  signInNewContext,
  signInToHome,
  type Viewport,
} from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

export interface E2eRun {
  /** The server and the browser, once the file's first beforeAll has run. */
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh context at `viewport`, signed in as `username` (signInNewContext); close it when done. */
  signedIn(viewport: Viewport, username: string): Promise<SignedIn>;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`e2e: the ${what} is used before beforeAll started it`);
  return value;
}

/**
 * Registers, at the top of a test file, a beforeAll that starts the server and Chromium and an
 * afterAll that closes them. A beforeAll of the file's own registered after it runs after it.
 */
export function serverAndBrowser(): E2eRun {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const run: E2eRun = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    signedIn: (viewport, username) => signInNewContext(run.browser, run.server.baseUrl, viewport, username),
  };
  return run;
}

export interface ViewportContext {
  readonly context: BrowserContext;
  /** A demo user signed in on a fresh page of the context, on the home page (signInToHome). */
  signIn(username: string): Promise<Page>;
}

/** Registers, inside a describe, one browser context at `viewport` for its tests, closed after them. */
export function viewportContext(run: E2eRun, viewport: Viewport): ViewportContext {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await newContext(run.browser, run.server.baseUrl, viewport);
  });
  afterAll(async () => {
    await context?.close();
  });
  const shared: ViewportContext = {
    get context() {
      return started(context, 'browser context');
    },
    signIn: (username) => signInToHome(shared.context, username),
  };
  return shared;
}
