import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { translatePgError } from './pg-errors.ts';
import { currentRequestScope, throwIfAbandoned } from './request-scope.ts';
import { PARSERS } from './type-parsers.ts';
import type { Db, Queryable, QueryResult } from './types.ts';

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The statement_timeout each pooled connection was last given (a new one has none). */
const timeouts = new WeakMap<pg.PoolClient, number>();
/**
 * Connections a cancel was sent for: closed rather than pooled again, so that a cancel arriving
 * late cannot stop another request's statement.
 */
const cancelled = new WeakSet<pg.PoolClient | pg.Pool>();

interface Canceller {
  connection: NodeJS.EventEmitter;
  cancel(client: pg.PoolClient | pg.Pool, query: unknown): void;
}

/** Gives the connection the current request's statement_timeout (0 outside a request). */
async function applyTimeout(client: pg.PoolClient): Promise<void> {
  const wanted = Math.max(0, Math.floor(currentRequestScope()?.statementTimeoutMs ?? 0));
  if ((timeouts.get(client) ?? 0) === wanted) return;
  await client.query(`SET statement_timeout = ${wanted}`);
  timeouts.set(client, wanted);
}

/**
 * Runs one statement on `client`; if the request's client leaves meanwhile, the statement is
 * cancelled (PostgreSQL's cancel request, on a connection of its own) instead of running on.
 */
async function cancellable<T>(
  client: pg.PoolClient | pg.Pool,
  cancelConfig: pg.ClientConfig | null,
  run: () => Promise<T>,
): Promise<T> {
  throwIfAbandoned();
  const signal = currentRequestScope()?.signal;
  if (!signal || !cancelConfig || client instanceof pg.Pool) return run();
  const onAbort = () => {
    const active = (client as unknown as { activeQuery?: unknown }).activeQuery;
    if (!active) return;
    cancelled.add(client);
    // node-postgres's Client.cancel: a CancelRequest with the backend's key, on a new socket.
    const canceller = new pg.Client(cancelConfig) as unknown as Canceller;
    canceller.connection.on('error', () => undefined);
    canceller.cancel(client, active);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await run();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function wrap(q: pg.Pool | pg.PoolClient, cancelConfig: pg.ClientConfig | null): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      try {
        const r = await cancellable(q, cancelConfig, () =>
          q.query({ text: sql, values: params as unknown[], types }),
        );
        return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await cancellable(q, cancelConfig, () => q.query(sql));
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async copyIn(target: string, data: string): Promise<void> {
      // A pool hands out a client for the COPY; a transaction's client is used as it is.
      const client = q instanceof pg.Pool ? await q.connect() : q;
      try {
        await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
      } catch (e) {
        throw translatePgError(e);
      } finally {
        if (client !== q) (client as pg.PoolClient).release();
      }
    },
    async copyInFile(target: string, path: string): Promise<void> {
      const client = q instanceof pg.Pool ? await q.connect() : q;
      try {
        await pipeline(createReadStream(path), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
      } catch (e) {
        throw translatePgError(e);
      } finally {
        if (client !== q) (client as pg.PoolClient).release();
      }
    },
    async copyOut(query: string, path: string): Promise<void> {
      const client = q instanceof pg.Pool ? await q.connect() : q;
      try {
        await pipeline(client.query(copyTo(`COPY (${query}) TO STDOUT`)), createWriteStream(path));
      } catch (e) {
        throw translatePgError(e);
      } finally {
        if (client !== q) (client as pg.PoolClient).release();
      }
    },
  };
}

/**
 * How the connections reach PostgreSQL: straight (`direct`, session state set once per
 * connection), or through a pooler in transaction mode (`transaction`, pgbouncer): a server
 * connection then belongs to this client for one transaction only, so nothing may live in the
 * session (docs/pooling.md).
 */
export type PoolerMode = 'direct' | 'transaction';

/**
 * What a transaction through a pooler sets first, all of it local to the transaction (gone at
 * COMMIT or ROLLBACK, never seen by the pooler's next client): UTC, the request's
 * statement_timeout, and the audit row key as a bind parameter, never in the statement text.
 */
const PRELUDE = `SELECT set_config('TimeZone', 'UTC', true), set_config('statement_timeout', $1, true),
                         set_config('jit', 'off', true)`;
const PRELUDE_KEYED = `${PRELUDE}, length(set_config('lindung.audit_mac', $2, true)) AS keyed`;

/** pgbouncer refuses a startup parameter it does not know (`options`) unless told to drop it. */
const isPoolerRefusal = (e: unknown) => /unsupported startup parameter/i.test((e as Error)?.message ?? '');

/**
 * A PostgreSQL server through node-postgres; every session runs in UTC and holds the audit row key
 * (`auditMac`, src/security/audit-key.ts). Direct, both travel in the startup packet; through a
 * pooler in transaction mode (`pooler`, or found here: pgbouncer refuses or drops the startup
 * options), each transaction sets them itself (PRELUDE). With `socketDir`, the server is the owner
 * of an embedded data folder (PGlite behind its Unix socket): one session, so one connection.
 */
export async function openPostgres(
  url: string,
  opts: { socketDir?: string; auditMac?: string | undefined; pooler?: PoolerMode | undefined } = {},
): Promise<Db> {
  const auditMac = opts.auditMac && /^[0-9a-f]+$/.test(opts.auditMac) ? opts.auditMac : undefined;
  if (opts.socketDir || opts.pooler === 'transaction') return openPool(url, { ...opts, auditMac });
  let db: Db;
  try {
    db = await openPool(url, { ...opts, auditMac });
  } catch (e) {
    if (!isPoolerRefusal(e)) throw translatePgError(e);
    return openPool(url, { ...opts, auditMac, pooler: 'transaction' });
  }
  // A pooler told to ignore `options` (ignore_startup_parameters) drops them: the session is then
  // not in UTC, or has no key. Such a session is the pooler's, so the transactions set both.
  const r = await db.query<{ utc: boolean; keyed: boolean }>(
    `SELECT current_setting('TimeZone') = 'UTC' AS utc,
            coalesce(current_setting('lindung.audit_mac', true), '') <> '' AS keyed`,
  );
  if (r.rows[0]!.utc && (r.rows[0]!.keyed || !auditMac)) return db;
  await db.close();
  return openPool(url, { ...opts, auditMac, pooler: 'transaction' });
}

async function openPool(
  url: string,
  opts: { socketDir?: string | undefined; auditMac?: string | undefined; pooler?: PoolerMode | undefined },
): Promise<Db> {
  const pooled = opts.pooler === 'transaction' && !opts.socketDir;
  const auditMac = opts.auditMac;
  // Direct, the audit row key travels in the startup packet (not a statement a log would show).
  // JIT off: a statement over many invoice_line partitions is costed past jit_above_cost and then
  // spent 1.5-2.8 s compiling to run in 10-400 ms (the late-fee and JHT-credit reads in the Belu
  // demo's later years; docs/scale.md). lindung's heavy statements are I/O and index bound.
  const startup = `-c TimeZone=UTC -c jit=off${auditMac ? ` -c lindung.audit_mac=${auditMac}` : ''}`;
  // Idle connections are kept five minutes, not pg's 10 s: a new connection plans its first
  // dashboard queries afresh (20–28 ms each at 3 M), which users would feel after every quiet
  // spell. allowExitOnIdle: a CLI command still exits when its work is done.
  const keep = { max: 10, idleTimeoutMillis: 300_000, allowExitOnIdle: true };
  const config: pg.PoolConfig = opts.socketDir
    ? { host: opts.socketDir, user: 'postgres', database: 'postgres', max: 1 }
    : pooled
      ? { connectionString: url, ...keep }
      : { connectionString: url, ...keep, options: startup };
  const pool = new pg.Pool(config);
  // PGlite behind its socket takes no cancel request (its statements are not interruptible).
  const cancelConfig = opts.socketDir ? null : config;
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next use.
  });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    throw isPoolerRefusal(e) ? e : translatePgError(e);
  }
  /** Through a pooler: the transaction's own UTC, statement_timeout, JIT off and audit key (PRELUDE). */
  async function prelude(client: pg.PoolClient): Promise<void> {
    const timeout = String(Math.max(0, Math.floor(currentRequestScope()?.statementTimeoutMs ?? 0)));
    await client.query(auditMac ? PRELUDE_KEYED : PRELUDE, auditMac ? [timeout, auditMac] : [timeout]);
  }
  /**
   * A pooled connection for one statement or transaction (`tx`). Direct: with the request's
   * statement_timeout. Through a pooler every use is a transaction that starts with the prelude,
   * a single statement or a COPY too, so that nothing is left in the server's session.
   */
  async function withClient<T>(tx: boolean, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    throwIfAbandoned();
    const client = await pool.connect().catch((e) => {
      throw translatePgError(e);
    });
    let open = false;
    try {
      if (!pooled) await applyTimeout(client);
      if (tx || pooled) {
        await client.query('BEGIN');
        open = true;
      }
      if (pooled) await prelude(client);
      const result = await fn(client);
      if (open) await client.query('COMMIT');
      return result;
    } catch (e) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw translatePgError(e);
    } finally {
      client.release(cancelled.has(client));
    }
  }
  const base = wrap(pool, cancelConfig);
  const on = (client: pg.PoolClient) => wrap(client, cancelConfig);
  return {
    kind: opts.socketDir ? 'pglite' : 'postgres',
    query: (sql, params) => withClient(false, (client) => on(client).query(sql, params)),
    transaction: (fn) => withClient(true, (client) => fn(on(client))),
    exec: pooled ? (sql) => withClient(false, (client) => on(client).exec(sql)) : base.exec,
    copyIn: pooled ? (t, data) => withClient(false, (client) => on(client).copyIn(t, data)) : base.copyIn,
    copyInFile: pooled
      ? (t, path) => withClient(false, (client) => on(client).copyInFile(t, path))
      : base.copyInFile,
    copyOut: pooled ? (q, path) => withClient(false, (client) => on(client).copyOut(q, path)) : base.copyOut,
    close: () => pool.end(),
  };
}
