import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

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

const integration = (name: string, env: Record<string, string>) => ({
  test: {
    name,
    // test/security: the attack suite (docs/security.md), on both databases like the rest.
    include: ['test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
    env,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      // XLSX round trips take seconds on a busy 2-core CI machine; the 5 s default made them flaky.
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/rules/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      // The embedded data folder as processes share it: owner, CLI beside a server, signals, crashes.
      {
        test: {
          name: 'embedded',
          include: ['test/embedded/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      integration('pglite', { LINDUNG_TEST_DB: 'pglite' }),
      ...(pgUrl ? [integration('postgres', { LINDUNG_TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl })] : []),
      ...(browserAvailable
        ? [
            {
              test: {
                name: 'e2e',
                include: ['e2e/**/*.test.ts'],
                env: { CHROMIUM_PATH: chromium },
                testTimeout: 120_000,
                hookTimeout: 180_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
