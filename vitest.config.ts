import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/support/heavy-first-sequencer.ts';

// The integration suite runs once per database: always on embedded PGlite, and on a real
// PostgreSQL server when TEST_DATABASE_URL is set (CI sets it).
const pgUrl = process.env.TEST_DATABASE_URL;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserAvailable = existsSync(chromium);
if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`Chromium not found at ${chromium}`);
  console.warn(`\n[lindung] browser tests NOT run: no Chromium at ${chromium} (apt-get install chromium)\n`);
}
if (!pgUrl) console.warn('[lindung] PostgreSQL half NOT run: set TEST_DATABASE_URL to run it\n');

// Passwords made by these suites' fixtures hash at scrypt N=2^10 instead of the production 2^17
// (src/security/password.ts): at 2^17 every user made and every log-in costs seconds of a busy
// 2-core machine. Child processes (the CLI, `serve`) inherit it. The unit project keeps the production cost,
// and the tests that measure or upgrade the KDF put it back (test/support/password-cost.ts).
const cheapPasswords = { LINDUNG_TEST_SCRYPT_N: String(2 ** 10) };

// Every suite runs in one group of workers, longest files first (test/support/heavy-first-sequencer.ts):
// a PGlite file keeps one core busy in its worker, a PostgreSQL file shares its core with the
// server, a browser file waits on pages. Every file has a database, folder and port of its own
// (test/support/db.ts, mkdtemp, port 0), so two at a time do not meet. Run as groups one after the
// other (integration, then browser, then embedded alone) each group ended on one long file with the
// other core idle: 7 December 2026, 4,329 s of file time over two workers took 2,618 s.
const workers = Number(process.env.LINDUNG_TEST_WORKERS ?? 2);

const integration = (name: string, env: Record<string, string>, globalSetup: string[] = []) => ({
  test: {
    name,
    globalSetup,
    maxWorkers: workers,
    // test/security: the attack suite (docs/security.md), on both databases like the rest.
    include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
    env: { ...cheapPasswords, ...env },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    sequence: { sequencer: HeavyFirstSequencer },
    projects: [
      // XLSX round trips take seconds on a busy 2-core CI machine; the 5 s default made them flaky.
      {
        test: {
          name: 'unit',
          maxWorkers: workers,
          include: ['test/unit/**/*.test.ts', 'test/rules/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      // The embedded data folder as processes share it: owner, CLI beside a server, signals, crashes.
      {
        test: {
          name: 'embedded',
          include: ['test/embedded/**/*.test.ts'],
          env: cheapPasswords,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          maxWorkers: workers,
        },
      },
      // One prepared database dumped per run; each file's starts from it (test/support/pglite-snapshot.ts).
      integration('pglite', { LINDUNG_TEST_DB: 'pglite' }, ['./test/support/pglite-snapshot.ts']),
      // PostgreSQL needs the audit key from outside (docs/security.md); a fixed one for tests only.
      ...(pgUrl
        ? [
            integration(
              'postgres',
              {
                LINDUNG_TEST_DB: 'postgres',
                TEST_DATABASE_URL: pgUrl,
                LINDUNG_AUDIT_KEY: 'test-only-audit-key-0123456789abcdef-not-a-secret',
              },
              // One prepared database per run, copied for each test (test/support/postgres-template.ts).
              ['./test/support/postgres-template.ts'],
            ),
          ]
        : []),
      ...(browserAvailable
        ? [
            {
              test: {
                name: 'e2e',
                include: ['e2e/**/*.test.ts'],
                // axe-core over every page the tests visit (e2e/support/axe.ts).
                setupFiles: ['./e2e/support/axe-setup.ts'],
                env: { ...cheapPasswords, CHROMIUM_PATH: chromium },
                testTimeout: 120_000,
                hookTimeout: 180_000,
                // Each file has its own server, port, data folder and browser.
                maxWorkers: workers,
              },
            },
          ]
        : []),
    ],
  },
});
