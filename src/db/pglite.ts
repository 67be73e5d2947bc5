import { mkdirSync, openAsBlob, writeFileSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { SessionLock } from './embedded/session-lock.ts';
import { translatePgError } from './pg-errors.ts';
import { yieldThenThrowIfAbandoned } from './request-scope.ts';
import { PARSERS } from './type-parsers.ts';
import type { Db, Queryable, QueryResult } from './types.ts';

// A PGlite statement runs to its end (the WebAssembly engine is not interruptible): a statement
// of a request whose client left is not started instead (issue 14, B3). The check runs once the
// session is this statement's, so requests queued behind a slow one cost nothing once abandoned.
function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      await yieldThenThrowIfAbandoned();
      try {
        const r = await q.query<T>(sql, params as unknown[]);
        // PGlite reports affectedRows 0 for a SELECT; its row count is then the rows returned.
        return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async exec(sql: string): Promise<void> {
      await yieldThenThrowIfAbandoned();
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
    async copyInFile(target: string, path: string): Promise<void> {
      try {
        await q.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: await openAsBlob(path) });
      } catch (e) {
        throw translatePgError(e);
      }
    },
    async copyOut(query: string, path: string): Promise<void> {
      try {
        const r = await q.query(`COPY (${query}) TO '/dev/blob'`);
        writeFileSync(path, r.blob ? new Uint8Array(await r.blob.arrayBuffer()) : new Uint8Array());
      } catch (e) {
        throw translatePgError(e);
      }
    },
  };
}

/**
 * PGlite runs PostgreSQL in single-user mode: no checkpointer, so WAL is trimmed only at a
 * checkpoint, and then kept up to max_wal_size (1 GB by default) as recycled segments. The Belu
 * demo folder was 792 MB, 497 MB of it WAL (issue 16). With these limits a CHECKPOINT (after an
 * import, a backup, at close) leaves 32-64 MB of WAL: the folder stays near the size of its data.
 */
export const WAL_SETTINGS = ['-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'];

/** An open PGlite with the lock that lends its one session to one user at a time. */
export interface OpenPglite {
  db: Db;
  pg: PGlite;
  session: SessionLock;
}

/**
 * Embedded PostgreSQL in a data directory; `memory://` keeps it in RAM (tests). Every use of the
 * session from this process borrows it through `session`, as socket clients of the owner do.
 */
export async function openPglite(dataDir: string, opts: { initialData?: Blob } = {}): Promise<OpenPglite> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, {
    parsers: PARSERS,
    // Name search by trigram (migration 0027); a PostgreSQL server has it from its contrib package.
    extensions: { pg_trgm },
    ...(opts.initialData ? { loadDataDir: opts.initialData } : {}),
    startParams: [...PGlite.defaultStartParams, ...WAL_SETTINGS],
  });
  await pg.exec(`SET TIME ZONE 'UTC'`);
  const session = new SessionLock();
  const base = wrap(pg);
  const db: Db = {
    kind: 'pglite',
    query: (sql, params) => session.run(() => base.query(sql, params)),
    async transaction(fn) {
      try {
        return await session.run(async () => {
          await yieldThenThrowIfAbandoned();
          return pg.transaction((tx) => fn(wrap(tx)));
        });
      } catch (e) {
        throw translatePgError(e);
      }
    },
    exec: (sql) => session.run(() => base.exec(sql)),
    copyIn: (target, data) => session.run(() => base.copyIn(target, data)),
    copyInFile: (target, path) => session.run(() => base.copyInFile(target, path)),
    copyOut: (query, path) => session.run(() => base.copyOut(query, path)),
    close: () => session.run(() => pg.close()),
  };
  return { db, pg, session };
}
