import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { translatePgError } from './pg-errors.ts';
import { PARSERS } from './type-parsers.ts';
import type { Db, Queryable, QueryResult } from './types.ts';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      try {
        const r = await q.query<T>(sql, params as unknown[]);
        // PGlite reports affectedRows 0 for a SELECT; its row count is then the rows returned.
        return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async exec(sql: string): Promise<void> {
      try {
        await q.exec(sql);
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async copyIn(target: string, data: string): Promise<void> {
      try {
        await q.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) });
      } catch (e) {
        throw translatePgError(e);
      }
    },
  };
}

/** Embedded PostgreSQL in a data directory; `memory://` keeps it in RAM (tests). */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { parsers: PARSERS });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    async transaction(fn) {
      try {
        return await pg.transaction((tx) => fn(wrap(tx)));
      } catch (e) {
        throw translatePgError(e);
      }
    },
    exec: base.exec,
    copyIn: base.copyIn,
    close: () => pg.close(),
  };
}
