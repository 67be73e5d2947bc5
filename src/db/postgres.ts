import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { translatePgError } from './pg-errors.ts';
import { PARSERS } from './type-parsers.ts';
import type { Db, Queryable, QueryResult } from './types.ts';

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function wrap(q: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      try {
        const r = await q.query({ text: sql, values: params as unknown[], types });
        return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await q.query(sql);
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
  const pool = opts.socketDir
    ? new pg.Pool({ host: opts.socketDir, user: 'postgres', database: 'postgres', max: 1 })
    : new pg.Pool({ connectionString: url, max: 10, options: `-c TimeZone=UTC${auditMac}` });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next use.
  });
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end();
    throw translatePgError(e);
  }
  const base = wrap(pool);
  return {
    kind: opts.socketDir ? 'pglite' : 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect().catch((e) => {
        throw translatePgError(e);
      });
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw translatePgError(e);
      } finally {
        client.release();
      }
    },
    exec: base.exec,
    copyIn: base.copyIn,
    close: () => pool.end(),
  };
}
