import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../src/db/connect.ts';
import { knownMigrations, migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/types.ts';

export interface Target {
  name: 'PGlite' | 'PostgreSQL';
  db: Db;
  url?: string;
  drop(): Promise<void>;
}

/**
 * A PostgreSQL database kept between runs (BENCH_KEEP prepares it, BENCH_REUSE measures it): its
 * name, fixed per size so a later run finds it, and whether this run reuses it.
 */
export interface Kept {
  name: string;
  reuse: boolean;
  /** Dropped after the run all the same: only the name is fixed (the scale benchmark without BENCH_KEEP). */
  temporary?: boolean;
}

/**
 * PGlite in memory, and PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set: a fresh
 * database each, or, with `kept`, PostgreSQL only under a fixed name (created afresh, or reused).
 */
export async function targets(kept?: Kept): Promise<Target[]> {
  const list: Target[] = [];
  // BENCH_ONLY=postgres skips PGlite (a million rows in memory take long to generate there);
  // a kept database is PostgreSQL's only (PGlite here lives in memory).
  if (process.env.BENCH_ONLY !== 'postgres' && !kept) {
    const db = await openDb({ dataDir: 'memory://' });
    list.push({ name: 'PGlite', db, drop: () => db.close() });
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (base) {
    const name = kept?.name ?? `lindung_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      const exists =
        (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
      if (kept?.reuse && !exists)
        throw new Error(`BENCH_REUSE: database ${name} does not exist; prepare it first with BENCH_KEEP=1`);
      if (!kept?.reuse) {
        if (exists) await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
    } finally {
      await admin.end();
    }
    const u = new URL(base);
    u.pathname = `/${name}`;
    // PostgreSQL writes its audit log only with a key from outside (docs/security.md); a bench's own,
    // the same on every run for a kept database so its audit chain stays one chain.
    const auditKey =
      process.env.LINDUNG_AUDIT_KEY ??
      (kept ? createHash('sha256').update(name).digest('hex') : randomBytes(32).toString('hex'));
    const pgDb = await openDb({ databaseUrl: u.toString(), dataDir: '', auditKey });
    list.push({
      name: 'PostgreSQL',
      db: pgDb,
      url: u.toString(),
      async drop() {
        await pgDb.close();
        if (kept && !kept.temporary) return; // kept for the next run (BENCH_REUSE)
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    });
  } else if (kept) {
    throw new Error('BENCH_KEEP and BENCH_REUSE need BENCH_DATABASE_URL=postgres://…');
  } else {
    console.log('(PostgreSQL not measured: set BENCH_DATABASE_URL=postgres://…)');
  }
  return list;
}

export function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [n, r] of rows.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/**
 * Runs `measure` on every target (each dropped after), a failure as a row of its own, and prints
 * the table under `header`; `size` names what was measured in the failure row.
 */
export async function onEveryTarget(
  header: string[],
  size: string,
  measure: (t: Target, rows: string[][]) => Promise<void>,
): Promise<void> {
  const rows: string[][] = [header];
  for (const t of await targets()) {
    try {
      await measure(t, rows);
    } catch (e) {
      console.error(`${t.name}: failed at ${size}: ${(e as Error).message}`);
      rows.push([t.name, size, 'failed', ...header.slice(3).map(() => '-')]);
    } finally {
      await t.drop().catch(() => undefined);
    }
  }
  table(rows);
}

/** p50 and p95 of `runs` runs of fn, after one run to warm the caches and plans. */
export async function percentiles(
  fn: () => Promise<unknown>,
  runs: number,
): Promise<{ p50: number; p95: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timed(fn)).ms);
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
  return { p50: at(50), p95: at(95) };
}

/**
 * A kept database (BENCH_REUSE) must have this program's migrations: one it does not know, or
 * pending ones without BENCH_MIGRATE=1, are refused; with it, the pending ones are applied.
 * Returns the migrations this program knows.
 */
export async function checkKeptSchema(
  t: Target,
  name: string,
  refuse: (why: string) => never,
): Promise<ReturnType<typeof knownMigrations>> {
  const known = knownMigrations();
  const applied = (
    await t.db.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migration ORDER BY version',
    )
  ).rows;
  const differs = applied.find(
    (a, i) => known[i]?.version !== a.version || known[i]?.checksum !== a.checksum,
  );
  if (differs) refuse(`has migration ${differs.version} that this program does not have (or had edited)`);
  const pending = known.slice(applied.length).map((m) => `${m.version}_${m.name}`);
  if (pending.length && process.env.BENCH_MIGRATE !== '1')
    refuse(
      `is at schema ${applied.at(-1)?.version ?? 'none'}, this program at ${known.at(-1)?.version}` +
        ` (pending: ${pending.join(', ')}); BENCH_MIGRATE=1 applies them to it`,
    );
  if (pending.length) {
    const m = await timed(() => migrate(t.db));
    console.log(
      `${t.name}: migrations ${pending.join(', ')} applied to ${name} in ${(m.ms / 1000).toFixed(1)} s`,
    );
    await t.db.query('VACUUM ANALYZE');
  }
  return known;
}
