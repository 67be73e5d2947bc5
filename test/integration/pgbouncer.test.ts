import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../src/db/connect.ts';
import { runInRequestScope } from '../../src/db/request-scope.ts';
import type { Db } from '../../src/db/types.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { verifyAudit } from '../../src/services/verify-audit.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, notBefore, TEST_NOW, type TestDb, testDbKind } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// Issue 16 point 5: lindung behind Debian's pgbouncer in transaction mode, where a server
// connection is this client's for one transaction only. The test starts its own pgbouncer (two
// server connections per database, so clients take turns on them) in front of the test server.

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p));
const WORKER_MONTH_RP = 16_800; // per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)
const OTHER_KEY = 'another-test-only-audit-key-0123456789abcdef';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Starts pgbouncer in transaction mode on a free port, in front of TEST_DATABASE_URL's server. */
async function startPgbouncer(serverUrl: URL, dir: string): Promise<{ proc: ChildProcess; port: number }> {
  if (!PGBOUNCER)
    throw new Error('pgbouncer is not installed: `apt-get install -y pgbouncer` (.ci/run installs it)');
  const port = await freePort();
  const user = decodeURIComponent(serverUrl.username || 'postgres');
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${serverUrl.hostname} port=${serverUrl.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 2',
      'max_client_conn = 50',
      // pgbouncer will not run as root: as root (CI), it changes to this user after startup.
      ...(process.getuid?.() === 0 ? ['user = nobody'] : []),
      '',
    ].join('\n'),
  );
  chmodSync(dir, 0o755);
  const proc = spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d) => (log += String(d)));
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`pgbouncer exited (${proc.exitCode}):\n${log}`);
    const client = new pg.Client({ host: '127.0.0.1', port, user, database: 'postgres' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return { proc, port };
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  proc.kill();
  throw new Error(`pgbouncer did not accept connections on port ${port}:\n${log}`);
}

describe.runIf(testDbKind === 'postgres')('through pgbouncer in transaction mode', () => {
  let t: TestDb;
  let bouncer: ChildProcess | undefined;
  let dir: string;
  let url: string;
  const opened: Db[] = [];
  let deps: Deps;
  let branch: Actor;

  /** The test's database through pgbouncer, with `auditKey` (the project's key by default). */
  /** `detect`: LINDUNG_DB_POOLER unset, so openDb has to find pgbouncer itself. */
  async function throughBouncer(opts: { auditKey?: string; detect?: boolean } = {}): Promise<Db> {
    const db = await openDb({
      databaseUrl: url,
      dataDir: '',
      auditKey: opts.auditKey ?? process.env.LINDUNG_AUDIT_KEY,
      pooler: opts.detect ? undefined : 'transaction',
    });
    opened.push(db);
    return db;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-pgbouncer-'));
    const server = new URL(process.env.TEST_DATABASE_URL!);
    const started = await startPgbouncer(server, dir);
    bouncer = started.proc;
    t = await freshDb({ template: inject('postgresTemplate') });
    await t.db.close();
    const u = new URL(t.location.databaseUrl!);
    u.hostname = '127.0.0.1';
    u.port = String(started.port);
    url = u.toString();
    deps = { db: await throughBouncer(), clock: fixedClock(TEST_NOW) };
    await prepareDatabase(deps.db, { provinces: ['53'] });
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
    bouncer?.kill();
    if (bouncer && bouncer.exitCode === null) await new Promise((ok) => bouncer!.once('exit', ok));
    await t?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('enrols a village, bills it, posts a payment retried by its key, and the audit chain verifies', async () => {
    await enrolActive(deps, '53.04.01.2001', 10);
    branch = await demoActor(deps, 'cabang.atambua');
    const run = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(run.totalRp).toBe(10 * WORKER_MONTH_RP); // 10 workers × Rp 16,800 = Rp 168,000
    const payerId = (await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE kind = 'village'`))
      .rows[0]!.id;
    const pay = () =>
      postPayment(notBefore(deps, '2026-12-10'), branch, {
        payerId,
        amountRp: 30_000,
        receivedOn: '2026-12-10',
        reference: 'TRF-BOUNCER',
        idempotencyKey: 'kewar-bouncer-2026-12',
      });
    const [first, again] = [await pay(), await pay()];
    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    const paid = await deps.db.query<{ rp: number }>(
      'SELECT coalesce(sum(amount_rp), 0)::bigint AS rp FROM payment',
    );
    expect(paid.rows[0]!.rp).toBe(30_000);
    const verdict = await verifyAudit(deps);
    expect(verdict).toMatchObject({ ok: true, firstBreak: null });
    expect(verdict.rows).toBeGreaterThan(3);
  });

  it('two clients sharing the pool never see each other’s key, time zone or timeout', async () => {
    const a = await throughBouncer();
    const b = await throughBouncer({ auditKey: OTHER_KEY });
    expect(a.audit!.rowPads).not.toBe(b.audit!.rowPads);
    const seen = (db: Db) =>
      db.transaction(async (tx) => {
        const r = await tx.query<{ mac: string; tz: string; timeout: string }>(
          `SELECT coalesce(current_setting('lindung.audit_mac', true), '') AS mac,
                  current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS timeout`,
        );
        await tx.query('SELECT pg_sleep(0.005)');
        return r.rows[0]!;
      });
    const scope = { signal: new AbortController().signal, statementTimeoutMs: 4321 };
    const rounds = Array.from({ length: 12 }, () => [
      runInRequestScope(scope, () => seen(a)),
      seen(b),
    ]).flat();
    const results = await Promise.all(rounds);
    results.forEach((r, i) => {
      const mine = i % 2 === 0 ? a : b;
      expect(r).toEqual({ mac: mine.audit!.rowPads, tz: 'UTC', timeout: i % 2 === 0 ? '4321ms' : '0' });
    });
    // Nothing stays in pgbouncer's server connections for its next client: a bare client sees no key.
    const u = new URL(url);
    for (let i = 0; i < 4; i++) {
      const bare = new pg.Client({ connectionString: u.toString() });
      await bare.connect();
      try {
        const r = await bare.query(`SELECT coalesce(current_setting('lindung.audit_mac', true), '') AS mac`);
        expect(r.rows[0].mac).toBe('');
      } finally {
        await bare.end();
      }
    }
  });

  it('a direct session, like a pooled transaction, runs in UTC with JIT off', async () => {
    const direct = await openDb({
      databaseUrl: t.location.databaseUrl!,
      dataDir: '',
      auditKey: process.env.LINDUNG_AUDIT_KEY,
    });
    opened.push(direct);
    const r = await direct.query<{ tz: string; jit: string }>(
      `SELECT current_setting('TimeZone') AS tz, current_setting('jit') AS jit`,
    );
    expect(r.rows[0]).toEqual({ tz: 'UTC', jit: 'off' });
  });

  it('finds pgbouncer by itself when LINDUNG_DB_POOLER is not set, and writes audited rows', async () => {
    const found = await throughBouncer({ detect: true });
    const r = await found.transaction(async (tx) => {
      await tx.query(`SELECT 1`);
      return tx.query<{ tz: string; keyed: boolean; jit: string }>(
        `SELECT current_setting('TimeZone') AS tz, current_setting('jit') AS jit,
                length(coalesce(current_setting('lindung.audit_mac', true), '')) = 256 AS keyed`,
      );
    });
    expect(r.rows[0]).toEqual({ tz: 'UTC', jit: 'off', keyed: true });
  });
});
