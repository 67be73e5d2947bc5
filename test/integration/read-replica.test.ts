import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServing } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/types.ts';
import { isAppError } from '../../src/errors.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { type DistrictDashboard, districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { setEnrolmentPolicy } from '../../src/services/set-enrolment-policy.ts';
import { demoActor } from '../support/actors.ts';
import { TEST_NOW, testDbKind } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginCookie } from '../support/http.ts';
import { freePort, type LocalCluster, startCluster, startReplica } from '../support/local-cluster.ts';
import { pdfText } from '../support/pdf.ts';

// Issue 16 point 4: with DATABASE_READ_URL, dashboards, reports and exports read a streaming
// replica (pg_basebackup -R on a second local cluster) and say how stale they may be; every
// write goes to the primary. Replay is paused on the replica to make the difference visible.

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const AS_OF = TEST_NOW.slice(0, 10);
const AUDIT_KEY = process.env.LINDUNG_AUDIT_KEY;

const activeIn = (d: DistrictDashboard) =>
  d.areas.filter((a) => a.level === 'district').reduce((s, a) => s + a.active, 0);

/** The error code of a rejected promise, with both languages of its message. */
async function rejection(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a catalog error, got ${String(e)}`);
  return { code: e.code, id: e.localized('id'), en: e.localized('en') };
}

describe('DATABASE_READ_URL without a server', () => {
  it('is refused for the embedded database, which has no replicas', async () => {
    const r = await rejection(
      openServing({ dataDir: 'memory://', readUrl: 'postgres://postgres@127.0.0.1:1/postgres' }),
    );
    expect(r.code).toBe('READ_REPLICA_NEEDS_SERVER');
  });
});

describe.runIf(testDbKind === 'postgres')('reports on a streaming read replica', () => {
  let primary: LocalCluster;
  let replica: LocalCluster;
  let db: Db;
  let deps: Deps;
  /** The same lindung with the replica taken away: what the primary answers. */
  let onPrimary: Deps;
  let district: Actor;
  let app: FastifyInstance;
  let cookie: string;

  async function sql<T>(cluster: LocalCluster, text: string): Promise<T> {
    const c = new pg.Client({ connectionString: cluster.url() });
    await c.connect();
    try {
      return (await c.query(text)).rows[0] as T;
    } finally {
      await c.end();
    }
  }

  /** Waits until the replica has received (or replayed) all the WAL the primary has written now. */
  async function replicaAt(what: 'receive' | 'replay'): Promise<void> {
    const { lsn } = await sql<{ lsn: string }>(primary, 'SELECT pg_current_wal_lsn()::text AS lsn');
    for (let i = 0; i < 300; i++) {
      const r = await sql<{ there: boolean }>(
        replica,
        `SELECT pg_last_wal_${what}_lsn() >= '${lsn}'::pg_lsn AS there`,
      );
      if (r.there) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error(`the replica did not ${what} up to ${lsn}`);
  }

  const dashboard = (d: Deps) => districtDashboard(d, district, { regencyCode: '53.04', asOf: AS_OF });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    primary = await startCluster();
    replica = await startReplica(primary);
    const warnings: string[] = [];
    ({ db } = await openServing(
      { databaseUrl: primary.url(), readUrl: replica.url(), dataDir: '', auditKey: AUDIT_KEY },
      { warn: (m) => warnings.push(m) },
    ));
    expect(warnings).toEqual([]);
    deps = { db, clock: fixedClock(TEST_NOW) };
    onPrimary = { ...deps, db: { ...db, replica: undefined } };
    // Migrated and seeded through the services, on the primary while the replica streams it all.
    await prepareDatabase(db, { provinces: ['53'] });
    app = await demoServer(deps);
    cookie = await loginCookie(app, 'dinas.belu');
    district = await demoActor(deps, 'dinas.belu');
    await setEnrolmentPolicy(deps, district, '53.04', {
      ageMinYears: 18,
      ageMaxYears: 65,
      villageWorkersMin: 1,
      villageWorkersMax: null,
    });
    await enrolActive(deps, KEWAR, 3, { serialStart: 1 });
    await replicaAt('replay');
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    await replica?.stop();
    await primary?.stop();
  });

  it('reads the dashboard on the replica, caught up: the primary’s figures, 0 s stale', async () => {
    const onReplica = await dashboard(deps);
    const fromPrimary = await dashboard(onPrimary);
    expect(onReplica.freshness).toEqual({ replica: true, staleSeconds: 0 });
    expect(fromPrimary.freshness).toEqual({ replica: false, staleSeconds: 0 });
    expect(activeIn(onReplica)).toBe(3);
    expect({ ...onReplica, freshness: null }).toEqual({ ...fromPrimary, freshness: null });
  });

  it('keeps the old figures while replay is paused, says how stale, and catches up after', async () => {
    await sql(replica, 'SELECT pg_wal_replay_pause()');
    try {
      // Writes go to the primary (the replica would refuse them: it is read-only).
      await enrolActive(deps, FULUR, 2, { serialStart: 101 });
      await replicaAt('receive');
      const stale = await dashboard(deps);
      expect(activeIn(stale)).toBe(3);
      expect(stale.freshness.replica).toBe(true);
      expect(stale.freshness.staleSeconds).toBeGreaterThan(0);
      expect(activeIn(await dashboard(onPrimary))).toBe(5);

      // Through HTTP, as the web reads it: JSON, and the PDF's footer.
      const json = await get(`/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}`);
      expect(json.statusCode).toBe(200);
      expect(activeIn(json.json())).toBe(3);
      expect(json.json().freshness.staleSeconds).toBeGreaterThan(0);
      const pdf = await get(`/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdfText(pdf.rawPayload).join('\n')).toMatch(/Data replika, tertunda ± \d+ detik/);
      const budget = await get('/api/v1/budget-use?regency=53.04&year=2026');
      expect(budget.json().freshness).toMatchObject({ replica: true });
    } finally {
      await sql(replica, 'SELECT pg_wal_replay_resume()');
    }
    await replicaAt('replay');
    const caughtUp = await dashboard(deps);
    expect(caughtUp.freshness).toEqual({ replica: true, staleSeconds: 0 });
    expect(activeIn(caughtUp)).toBe(5);
    expect({ ...caughtUp, freshness: null }).toEqual({ ...(await dashboard(onPrimary)), freshness: null });
  });

  it('warns about a read server that is not a replica, and refuses one it cannot reach', async () => {
    const warnings: string[] = [];
    const notReplica = await openServing(
      { databaseUrl: primary.url(), readUrl: primary.url(), dataDir: '', auditKey: AUDIT_KEY },
      { warn: (m) => warnings.push(m) },
    );
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/bukan replika.*is not a replica/);
      const d = await dashboard({ ...deps, db: notReplica.db });
      expect(d.freshness).toEqual({ replica: false, staleSeconds: 0 });
    } finally {
      await notReplica.db.close();
    }
    const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    const r = await rejection(
      openServing({ databaseUrl: primary.url(), readUrl: nowhere, dataDir: '', auditKey: AUDIT_KEY }),
    );
    expect(r.code).toBe('READ_REPLICA_UNREACHABLE');
    expect(r.id).toMatch(/Replika baca tidak dapat dihubungi.*DATABASE_READ_URL/);
    expect(r.en).toMatch(/Cannot reach the read replica.*DATABASE_READ_URL/);
  });
});
