// DATABASE_READ_URL (issue 16 point 4, docs/replicas.md): a streaming replica that dashboards,
// reports and exports read from, and how far behind the primary its data may be.
import { AppError, isAppError } from '../errors.ts';
import { openPostgres, type PoolerMode } from './postgres.ts';
import type { Db, Queryable } from './types.ts';

/** Where a report's figures were read, and how stale they may be. */
export interface Freshness {
  /** true: read on a streaming replica (a server in recovery); false: on the primary. */
  replica: boolean;
  /**
   * At most this many whole seconds of the primary's commits may be missing from the figures:
   * 0 on the primary, or on a replica that has replayed all the WAL it received from a
   * connected primary; null: a replica that cannot tell (it replayed no transaction yet).
   */
  staleSeconds: number | null;
}

export const ON_PRIMARY: Freshness = { replica: false, staleSeconds: 0 };

/**
 * A replica that has replayed every WAL record it received while its WAL receiver is running is
 * as current as the stream; otherwise the last replayed commit's age bounds what is missing (it
 * overstates when the primary has been idle since, never understates). pg_stat_wal_receiver shows
 * its row (the pid at least) to every role.
 */
const FRESHNESS = `
  SELECT pg_is_in_recovery() AS replica,
         CASE
           WHEN NOT pg_is_in_recovery() THEN 0
           WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver)
                AND pg_last_wal_replay_lsn() >= pg_last_wal_receive_lsn() THEN 0
           ELSE greatest(0, ceil(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())))
         END::int AS stale_seconds`;

export async function freshnessOf(db: Queryable): Promise<Freshness> {
  const r = await db.query<{ replica: boolean; stale_seconds: number | null }>(FRESHNESS);
  return { replica: r.rows[0]!.replica, staleSeconds: r.rows[0]!.stale_seconds };
}

/**
 * Opens the read pool. Unreachable: READ_REPLICA_UNREACHABLE (not the primary's DB_UNREACHABLE,
 * whose advice is about DATABASE_URL). A server that is not in recovery works but is said: it is
 * not a replica, and its figures are as stale as whatever copies data into it.
 */
export async function openReadReplica(
  url: string,
  opts: { pooler?: PoolerMode | undefined; warn: (message: string) => void },
): Promise<Db> {
  let db: Db;
  try {
    db = await openPostgres(url, { pooler: opts.pooler });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'DB_UNREACHABLE') throw e;
    throw new AppError('READ_REPLICA_UNREACHABLE', { detail: String(e.params.detail ?? e.message) });
  }
  const f = await freshnessOf(db).catch(async (e) => {
    await db.close();
    throw e;
  });
  if (!f.replica)
    opts.warn(
      'DATABASE_READ_URL bukan replika (server tidak dalam pemulihan); laporan tetap dibaca dari sana / ' +
        'is not a replica (the server is not in recovery); reports still read from it',
    );
  return db;
}
