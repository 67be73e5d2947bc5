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
 * A PostgreSQL server through node-postgres; every session runs in UTC and holds the audit row key
 * (`auditMac`, src/security/audit-key.ts). With `socketDir`, the
 * server is the owner of an embedded data folder (PGlite behind its Unix socket): one session,
 * so one connection.
 */
export async function openPostgres(
  url: string,
  opts: { socketDir?: string; auditMac?: string | undefined } = {},
): Promise<Db> {
  // The audit row key travels in the startup packet (not a statement a log would show); hex only.
  const auditMac =
    opts.auditMac && /^[0-9a-f]+$/.test(opts.auditMac) ? ` -c lindung.audit_mac=${opts.auditMac}` : '';
  const config: pg.PoolConfig = opts.socketDir
    ? { host: opts.socketDir, user: 'postgres', database: 'postgres', max: 1 }
    : { connectionString: url, max: 10, options: `-c TimeZone=UTC${auditMac}` };
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
    throw translatePgError(e);
  }
  /** A pooled connection with the request's statement_timeout, for one statement or transaction. */
  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    throwIfAbandoned();
    const client = await pool.connect().catch((e) => {
      throw translatePgError(e);
    });
    try {
      await applyTimeout(client);
      return await fn(client);
    } finally {
      client.release(cancelled.has(client));
    }
  }
  const base = wrap(pool, cancelConfig);
  return {
    kind: opts.socketDir ? 'pglite' : 'postgres',
    query: (sql, params) => withClient((client) => wrap(client, cancelConfig).query(sql, params)),
    transaction: (fn) =>
      withClient(async (client) => {
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client, cancelConfig));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw translatePgError(e);
        }
      }),
    exec: base.exec,
    copyIn: base.copyIn,
    copyInFile: base.copyInFile,
    copyOut: base.copyOut,
    close: () => pool.end(),
  };
}
