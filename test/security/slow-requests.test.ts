import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listParticipantsInScope } from '../../src/db/participant-list.ts';
import type { Queryable } from '../../src/db/types.ts';
import { buildServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/services/load-demo.ts';
import { insertBulkParticipants } from '../support/bulk-participants.ts';
import { preparedDeps, type TestDb, testDbKind } from '../support/db.ts';
import { loginCookie } from '../support/http.ts';

// B3 (issue 14): slow requests must not stall the server. A statement of a request whose client
// left is cancelled on PostgreSQL, and not started on PGlite (whose statements cannot be
// interrupted: there the one already running finishes); a request's statements have a timeout on
// PostgreSQL; exact KPJ and NIK searches are index-backed; the list pages by keyset.
// The list's search calls name_key twice: a slow request sleeps twice this.
const SLOW_SECONDS = testDbKind === 'postgres' ? 20 : 1;
const SLOW_SEARCH = 'lambat sekali';
const ABANDONED = 10;

/** name_key() that sleeps on one search text: a slow request at will, through the real route. */
async function slowDown(deps: Deps): Promise<void> {
  await deps.db.exec(`ALTER FUNCTION name_key(text) RENAME TO name_key_fast;
    CREATE FUNCTION name_key(name text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
    BEGIN
      IF name = '${SLOW_SEARCH}' THEN PERFORM pg_sleep(${SLOW_SECONDS}); END IF;
      RETURN name_key_fast(name);
    END $$;`);
}

/**
 * Runs `run`'s statement under EXPLAIN ANALYZE with sequential scans disabled (the test tables are
 * small enough to scan): the rows it read from each table. A search an index serves reads one.
 */
async function rowsRead(
  deps: Deps,
  run: (q: Queryable) => Promise<unknown>,
): Promise<Record<string, number>> {
  let sql = '';
  let params: readonly unknown[] = [];
  await run({
    async query(text, values = []) {
      sql = text;
      params = values;
      return { rows: [], rowCount: 0 };
    },
    exec: async () => undefined,
    copyIn: async () => undefined,
    copyInFile: async () => undefined,
    copyOut: async () => undefined,
  });
  return deps.db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    const r = await tx.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const raw = Object.values(r.rows[0]!)[0];
    const read: Record<string, number> = {};
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, number | string | undefined>;
        const table = n['Relation Name'];
        if (typeof table === 'string') {
          const rows = Number(n['Actual Rows'] ?? 0) + Number(n['Rows Removed by Filter'] ?? 0);
          read[table] = (read[table] ?? 0) + rows * Number(n['Actual Loops'] ?? 1);
        }
        Object.values(n).forEach(walk);
      }
    };
    walk(typeof raw === 'string' ? JSON.parse(raw) : raw);
    return read;
  });
}

describe('B3: slow and abandoned requests', () => {
  let t: TestDb;
  let deps: Deps;
  let app: FastifyInstance;
  let base = '';
  let cookie = '';
  let kpj = '';
  let nik = '';

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await loadDemo(deps, consoleActor());
    await insertBulkParticipants(deps.db, {
      regencyCode: '53.04',
      count: 120,
      villages: 3,
      effectiveDate: '2026-01-01',
      at: '2026-01-01T00:00:00Z',
    });
    await deps.db.query('ANALYZE');
    const one = await deps.db.query<{ kpj: string; nik: string }>(
      'SELECT pa.kpj, p.nik FROM participant pa JOIN person p ON p.id = pa.person_id ORDER BY pa.id LIMIT 1',
    );
    ({ kpj, nik } = one.rows[0]!);
    app = await buildServer({ deps, webDir: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    cookie = await loginCookie(app, 'dinas.belu');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('pages the list by keyset: every participant once, in (region, name, id) order, no total', async () => {
    const seen: { id: number; regionCode: string; fullName: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const url: string = `/api/v1/participants?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).not.toHaveProperty('total');
      seen.push(...body.participants);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((p) => p.id)).size).toBe(120);
    // The database's own order (its collation, not JavaScript's).
    const order = await deps.db.query<{ id: number }>(
      `SELECT pa.id FROM participant pa JOIN person p ON p.id = pa.person_id
       ORDER BY pa.region_code, p.full_name, pa.id`,
    );
    expect(seen.map((p) => Number(p.id))).toEqual(order.rows.map((r) => Number(r.id)));
  });

  it('finds one participant by exact KPJ and by NIK through indexes (one row read, not all)', async () => {
    for (const search of [kpj, nik]) {
      const read = await rowsRead(deps, (q) =>
        listParticipantsInScope(q, { scopes: ['53.04'], regionCode: null, search, limit: 2, afterId: null }),
      );
      // Not the 120 participants of the regency: the one asked for.
      expect(read.participant).toBeLessThanOrEqual(2);
      expect(read.person).toBeLessThanOrEqual(2);
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/participants?q=${search}`,
        headers: { cookie },
      });
      expect(res.json().participants.map((p: { kpj: string }) => p.kpj)).toEqual([kpj]);
    }
  });

  it(`${ABANDONED} abandoned slow requests leave health and login answering`, async () => {
    await slowDown(deps);
    const controllers = Array.from({ length: ABANDONED }, () => new AbortController());
    const abandoned = controllers.map((c) =>
      fetch(`${base}/api/v1/participants?q=${encodeURIComponent(SLOW_SEARCH)}`, {
        headers: { cookie },
        signal: c.signal,
      }).catch(() => 'abandoned'),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const c of controllers) c.abort();
    expect(await Promise.all(abandoned)).toEqual(Array(ABANDONED).fill('abandoned'));

    // PostgreSQL: nothing waits on the ten. PGlite: at most the statement running when the
    // clients left and the one that took the session before the server saw them go (the ten
    // would take 20 s).
    const deadline = testDbKind === 'postgres' ? 5_000 : 2 * (2 * SLOW_SECONDS * 1000) + 2_000;
    const started = performance.now();
    const health = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(deadline) });
    expect(health.status).toBe(200);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'desa.kewar', password: DEMO_PASSWORD }),
      signal: AbortSignal.timeout(deadline),
    });
    expect(login.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(deadline);
    if (testDbKind === 'postgres') {
      // The ten statements were cancelled, not left running.
      await expect
        .poll(
          async () =>
            (
              await deps.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                 WHERE datname = current_database() AND state = 'active' AND query LIKE '%name_key%'
                   AND pid <> pg_backend_pid()`,
              )
            ).rows[0]!.n,
          { timeout: 3_000 },
        )
        .toBe(0);
    }
  });

  it.skipIf(testDbKind !== 'postgres')(
    'PostgreSQL: a request’s statement stops at its timeout with QUERY_STOPPED',
    async () => {
      const strict = await buildServer({ deps, webDir: '/nonexistent', statementTimeoutMs: 1_000 });
      try {
        const started = performance.now();
        const res = await strict.inject({
          method: 'GET',
          url: `/api/v1/participants?q=${encodeURIComponent(SLOW_SEARCH)}`,
          headers: { cookie },
        });
        expect(res.statusCode).toBe(503);
        expect(res.json().error.code).toBe('QUERY_STOPPED');
        expect(performance.now() - started).toBeLessThan(5_000);
      } finally {
        await strict.close();
      }
    },
  );
});
