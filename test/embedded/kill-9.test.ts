import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChainBreak } from '../../src/db/audit.ts';
import { openDb } from '../../src/db/connect.ts';
import { insertBulkParticipants } from '../support/bulk-participants.ts';
import { lindung } from '../support/cli.ts';
import { preparedDeps, TEST_NOW } from '../support/db.ts';
import { nikFor, toCsv, validWorkers } from '../support/enrolment-csv.ts';

// What PGlite promises after a crash, tried: the owner of the folder is killed with SIGKILL at a
// random moment of a billing run or an enrolment import, 20 times; after each, the folder opens
// again (WAL replay, the dead owner's lock taken over), the audit chain is intact, every ledger
// entry balances, and each run or upload is there whole or not at all.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLS = 20;
const WORKERS = 4_000;
const ROWS = 3_000;
const VILLAGE = '53.04.01.2001';

/** File f's workers: serials 1..ROWS (NIKs have 4 digits for it), birth years shifted by f, so no NIK repeats. */
function workersOfFile(f: number) {
  return validWorkers(ROWS).map((w, k) => {
    const year = 1965 + ((Number(w.birthDate.slice(0, 4)) - 1965 + f) % 40);
    const birthDate = `${year}${w.birthDate.slice(4)}`;
    return { ...w, birthDate, nik: nikFor({ birthDate, sex: w.sex as 'L' | 'P', serial: k + 1 }) };
  });
}

/** mulberry32: a small seeded generator, so a failing series can be replayed (KILL_SEED). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Outcome {
  signal: NodeJS.Signals | null;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI, waits until its work is under way (`marker` on stderr), then SIGKILL after `delayMs`. */
function killDuringWork(args: string[], dataDir: string, marker: RegExp, delayMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LINDUNG_DATA_DIR: dataDir, LINDUNG_REGIONS: '53' },
    });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!armed && marker.test(stderr)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function checkFolder(dataDir: string) {
  const db = await openDb({ dataDir });
  try {
    const chain = await findChainBreak(db);
    const ledger = (
      await db.query<{ total: number; unbalanced: number; receivable: number; invoiced: number }>(
        `SELECT (SELECT coalesce(sum(amount_rp), 0)::bigint FROM ledger_line) AS total,
                (SELECT count(*)::int FROM (SELECT entry_id FROM ledger_line GROUP BY entry_id
                                            HAVING sum(amount_rp) <> 0) u) AS unbalanced,
                (SELECT coalesce(sum(amount_rp), 0)::bigint FROM ledger_line WHERE account = 'receivable') AS receivable,
                (SELECT coalesce(sum(amount_rp), 0)::bigint FROM invoice_line) AS invoiced`,
      )
    ).rows[0]!;
    const partialUploads = (
      await db.query<{ id: number }>(
        `SELECT u.id FROM enrolment_upload u
         WHERE u.row_count <> (SELECT count(*) FROM enrolment_row r WHERE r.upload_id = u.id)`,
      )
    ).rows;
    const counts = (
      await db.query<{ runs: number; uploads: number }>(
        `SELECT (SELECT count(*)::int FROM billing_run) AS runs, (SELECT count(*)::int FROM enrolment_upload) AS uploads`,
      )
    ).rows[0]!;
    return { chain, ledger, partialUploads, counts };
  } finally {
    await db.close();
  }
}

describe('kill -9 of the embedded folder’s owner, 20 times, during billing and import', () => {
  let dir = '';
  let dataDir = '';
  const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-kill9-'));
    dataDir = join(dir, 'data');
    const { t } = await preparedDeps({ dataDir });
    await t.db.transaction((tx) =>
      insertBulkParticipants(tx, {
        regencyCode: '53.04',
        count: WORKERS,
        villages: 30,
        effectiveDate: '2024-12-01',
        at: TEST_NOW,
      }),
    );
    await t.drop();
    for (let i = 0; i < KILLS; i++) writeFileSync(join(dir, `desa-${i}.csv`), toCsv(workersOfFile(i)));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reopens clean after every kill', async () => {
    console.log(`kill -9 series: seed ${seed} (replay with KILL_SEED=${seed})`);
    const next = random(seed);
    const log: string[] = [];
    let before = (await checkFolder(dataDir)).counts;
    for (let i = 0; i < KILLS; i++) {
      const billing = i % 2 === 0;
      const period = `2025-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`;
      const args = billing
        ? ['billing', 'run', '--period', period, '--regency', '53.04']
        : ['import', 'enrolment', join(dir, `desa-${i}.csv`), '--village', VILLAGE];
      const delayMs = Math.floor(next() * 400);
      const outcome = await killDuringWork(
        args,
        dataDir,
        billing ? /reading tariff keys/ : /rows read/,
        delayMs,
      );
      const after = await checkFolder(dataDir);
      log.push(
        `${i + 1}. ${args[0]} ${billing ? period : `desa-${i}`} +${delayMs} ms: ${outcome.signal ?? `exit ${outcome.code}`}; runs ${after.counts.runs}, uploads ${after.counts.uploads}`,
      );
      expect(outcome.signal, `${args.join(' ')} finished before the kill:\n${outcome.stderr}`).toBe(
        'SIGKILL',
      );
      expect(after.chain.firstBreak, log.at(-1)).toBeNull();
      expect(after.ledger.total).toBe(0);
      expect(after.ledger.unbalanced).toBe(0);
      expect(after.ledger.receivable).toBe(after.ledger.invoiced);
      expect(after.partialUploads).toEqual([]);
      // What the command reported as done (its result is printed after the commit) is there, and
      // nothing committed earlier was lost.
      const reported = outcome.stdout.trim() !== '' ? 1 : 0;
      expect(after.counts).toEqual({
        runs: before.runs + (billing ? reported : 0),
        uploads: before.uploads + (billing ? 0 : reported),
      });
      // Every third command is then run to the end, so later kills hit a folder with committed
      // invoices, ledger entries and uploads.
      if (i % 3 === 2) {
        const whole = lindung(args, { dataDir });
        expect(whole.status, whole.stderr).toBe(0);
        log.push(`   then ${args[0]} run whole`);
      }
      before = (await checkFolder(dataDir)).counts;
    }
    expect(before.runs + before.uploads).toBeGreaterThanOrEqual(6);
    console.log(log.join('\n'));

    // The folder still works for whole runs afterwards.
    const run = lindung(['billing', 'run', '--period', '2025-11', '--regency', '53.04'], { dataDir });
    expect(run.status, run.stderr).toBe(0);
    const verify = lindung(['audit', 'verify'], { dataDir });
    expect(verify.status, verify.stderr).toBe(0);
  }, 900_000);
});
