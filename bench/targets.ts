import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../src/db/connect.ts';
import type { Db } from '../src/db/types.ts';

export interface Target {
  name: 'PGlite' | 'PostgreSQL';
  db: Db;
  url?: string;
  drop(): Promise<void>;
}

/** PGlite in memory, and PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set: a fresh database each. */
export async function targets(): Promise<Target[]> {
  const list: Target[] = [];
  // BENCH_ONLY=postgres skips PGlite (a million rows in memory take long to generate there).
  if (process.env.BENCH_ONLY !== 'postgres') {
    const db = await openDb({ dataDir: 'memory://' });
    list.push({ name: 'PGlite', db, drop: () => db.close() });
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `lindung_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    // PostgreSQL writes its audit log only with a key from outside (docs/security.md); a bench's own.
    const auditKey = process.env.LINDUNG_AUDIT_KEY ?? randomBytes(32).toString('hex');
    const pgDb = await openDb({ databaseUrl: u.toString(), dataDir: '', auditKey });
    list.push({
      name: 'PostgreSQL',
      db: pgDb,
      url: u.toString(),
      async drop() {
        await pgDb.close();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    });
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
