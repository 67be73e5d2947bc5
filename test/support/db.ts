import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDb } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/types.ts';
import type { Deps } from '../../src/services/actor.ts';
import { fixedClock, officeDate } from '../../src/services/clock.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { preparedSnapshot } from './pglite-snapshot.ts';
import { admin } from './postgres-template.ts';

export const TEST_NOW = '2026-11-24T02:00:00.000Z';
export const testDbKind = (process.env.LINDUNG_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export interface TestDb {
  db: Db;
  /** postgres:// URL of this test's own database, or the PGlite data dir. */
  location: { databaseUrl?: string; dataDir: string };
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, empty database of the kind this vitest project tests: in-memory PGlite, or a new
 * database on TEST_DATABASE_URL's server (created here, dropped by drop()).
 */
export async function freshDb(
  opts: { dataDir?: string; initialData?: Blob; template?: string } = {},
): Promise<TestDb> {
  return freshDbOf(testDbKind, opts);
}

/** A fresh database of the given kind (a move between the two needs both); `auditKey` overrides the default. */
export async function freshDbOf(
  kind: 'pglite' | 'postgres',
  opts: { dataDir?: string; auditKey?: string; initialData?: Blob; template?: string } = {},
): Promise<TestDb> {
  if (kind === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DATABASE_URL is required for the postgres project');
    const name = `lindung_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(base, `CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`);
    const databaseUrl = withDatabase(base, name);
    // The audit key a PostgreSQL deployment must set (vitest.config.ts sets it for this project).
    const db = await openDb({
      databaseUrl,
      dataDir: '',
      auditKey: opts.auditKey ?? process.env.LINDUNG_AUDIT_KEY,
    });
    return {
      db,
      location: { databaseUrl, dataDir: '' },
      async drop() {
        await db.close().catch(() => undefined);
        await admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  const db = await openDb({ dataDir, initialData: opts.initialData, auditKey: opts.auditKey });
  return {
    db,
    location: { dataDir },
    async drop() {
      await db.close().catch(() => undefined);
    },
  };
}

function prepared(opts: { dataDir?: string }): { initialData?: Blob; template?: string } {
  if (testDbKind === 'postgres') {
    const template = inject('postgresTemplate');
    return template ? { template } : {};
  }
  const snapshot = opts.dataDir ? undefined : inject('pgliteSnapshot');
  return snapshot ? { initialData: preparedSnapshot(snapshot) } : {};
}

/** Fresh database, migrated, with NTT's regions and the office tree; frozen clock. */
export async function preparedDeps(opts: { dataDir?: string } = {}): Promise<{ deps: Deps; t: TestDb }> {
  // Start from the run's prepared database (pglite-snapshot.ts, postgres-template.ts) when there
  // is one; prepareDatabase below still runs on it and finds the migrations, regions and offices.
  const t = await freshDb({ ...opts, ...prepared(opts) });
  await prepareDatabase(t.db, { provinces: ['53'] });
  return { deps: { db: t.db, clock: fixedClock(TEST_NOW) }, t };
}

/**
 * The same deps with the clock at 10:00 WITA on `day`: a step taken on that day. Services refuse
 * business dates after today (time-guards.ts), so a test that bills December or posts a payment
 * received in December takes that step on a December day.
 */
export function onDay(deps: Deps, day: string): Deps {
  return { ...deps, clock: fixedClock(`${day}T02:00:00.000Z`) };
}

/** The deps as they are when their clock already reached `day` (office date), else on `day`. */
export function notBefore(deps: Deps, day: string): Deps {
  return officeDate(deps.clock.now()) >= day ? deps : onDay(deps, day);
}
