import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.ts';
import { type BulkResult, insertBulkParticipants } from '../support/bulk-participants.ts';
import { lindung } from '../support/cli.ts';
import { preparedDeps, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';

// A billing run killed with SIGKILL in the middle of writing its invoices leaves no trace (one
// transaction; PGlite / PostgreSQL recover from their WAL), and the next run bills exactly once.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKERS = 5_000;
const PERIOD = '2026-12';
const MONTH_RP = 16_800;
const ARGS = ['billing', 'run', '--period', PERIOD, '--regency', '53.04'];

interface Killed {
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  sawIssuing: boolean;
}

/** Starts the real CLI, waits for its "issuing" progress line, and kills it with SIGKILL. */
function killWhileIssuing(env: { databaseUrl?: string; dataDir?: string }): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...ARGS], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: env.databaseUrl ?? '',
        LINDUNG_DATA_DIR: env.dataDir ?? '',
        LINDUNG_REGIONS: '53',
      },
    });
    let stdout = '';
    let stderr = '';
    let sawIssuing = false;
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sawIssuing && stderr.includes('issuing')) {
        sawIssuing = true;
        child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stdout, stderr, sawIssuing });
    });
  });
}

async function counts(db: Db) {
  const r = await db.query<{
    runs: number;
    invoices: number;
    lines: number;
    total: number;
    ledger: number;
    entries: number;
  }>(
    `SELECT (SELECT count(*)::int FROM billing_run) AS runs,
            (SELECT count(*)::int FROM invoice) AS invoices,
            (SELECT count(*)::int FROM invoice_line) AS lines,
            (SELECT coalesce(sum(amount_rp), 0)::bigint FROM invoice_line) AS total,
            (SELECT coalesce(sum(amount_rp), 0)::bigint FROM ledger_line) AS ledger,
            (SELECT count(*)::int FROM ledger_entry) AS entries`,
  );
  return r.rows[0]!;
}

describe(`billing run killed with SIGKILL mid-run (${testDbKind})`, () => {
  let dir = '';
  let t: TestDb;
  let bulk: BulkResult;
  const location = () =>
    testDbKind === 'pglite' ? { dataDir: join(dir, 'data') } : { databaseUrl: t.location.databaseUrl! };
  /** On PGlite only one process may hold the data directory: open it, look, close it again. */
  const inspect = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    if (testDbKind !== 'pglite') return fn(t.db);
    const { t: reopened } = await preparedDeps({ dataDir: join(dir, 'data') });
    try {
      return await fn(reopened.db);
    } finally {
      await reopened.drop();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-crash-'));
    ({ t } = await preparedDeps(testDbKind === 'pglite' ? { dataDir: join(dir, 'data') } : {}));
    bulk = await t.db.transaction((tx) =>
      insertBulkParticipants(tx, {
        regencyCode: '53.04',
        count: WORKERS,
        villages: 40,
        effectiveDate: '2026-11-01',
        at: TEST_NOW,
      }),
    );
    if (testDbKind === 'pglite') await t.drop(); // the child process needs the data directory to itself
  });
  afterAll(async () => {
    if (testDbKind !== 'pglite') await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no half-written run, and the next run issues exactly one clean run', async () => {
    expect(bulk.participants).toBe(WORKERS);
    const killed = await killWhileIssuing(location());
    expect(killed.sawIssuing, `the run never reached "issuing": ${killed.stderr}`).toBe(true);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toContain('regular run');
    // Reopening recovers the database (WAL replay on PGlite's data directory); nothing of the run is there.
    expect(await inspect(counts)).toEqual({
      runs: 0,
      invoices: 0,
      lines: 0,
      total: 0,
      ledger: 0,
      entries: 0,
    });

    const again = lindung(ARGS, location());
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`regular run`);
    const after = await inspect(async (db) => ({
      counts: await counts(db),
      receivable: (
        await db.query<{ payerId: number; rp: number }>(
          `SELECT payer_id AS "payerId", sum(amount_rp)::bigint AS rp FROM ledger_line
           WHERE account = 'receivable' GROUP BY payer_id ORDER BY payer_id`,
        )
      ).rows,
      unbalanced: (
        await db.query('SELECT entry_id FROM ledger_line GROUP BY entry_id HAVING sum(amount_rp) <> 0')
      ).rows,
    }));
    expect(after.counts).toEqual({
      runs: 1,
      invoices: bulk.perPayer.size,
      lines: 2 * WORKERS,
      total: WORKERS * MONTH_RP,
      ledger: 0,
      entries: bulk.perPayer.size,
    });
    expect(after.unbalanced).toEqual([]);
    const expected = [...bulk.perPayer]
      .sort(([a], [b]) => a - b)
      .map(([payerId, n]) => ({ payerId, rp: n * MONTH_RP }));
    expect(after.receivable).toEqual(expected);

    const third = lindung(ARGS, location());
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toContain('nothing new to bill');
  }, 90_000);
});
