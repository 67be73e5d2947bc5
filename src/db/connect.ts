import { AppError, isAppError } from '../errors.ts';
import { type AuditKeys, resolveAuditKeys } from '../security/audit-key.ts';
import { currentOwner } from './embedded/data-dir-lock.ts';
import { type OwnedDb, openOwned } from './embedded/owner.ts';
import { openPglite } from './pglite.ts';
import { openPostgres, type PoolerMode } from './postgres.ts';
import { openReadReplica } from './read-replica.ts';
import type { Db } from './types.ts';

export interface DbConfig {
  /** postgres://… — when set, a real PostgreSQL server is used. */
  databaseUrl?: string | undefined;
  /** Embedded database directory (PGlite), or memory:// */
  dataDir: string;
  /** LINDUNG_AUDIT_KEY: the audit chain's key (docs/security.md "Audit chain"). */
  auditKey?: string | undefined;
  /** LINDUNG_AUDIT_CHECKPOINTS: the file of signed chain heads. */
  auditCheckpoints?: string | undefined;
  /**
   * memory:// only: start from this PGlite data folder dump (dumpDataDir) instead of an empty
   * cluster. The tests start each file from one prepared database instead of running initdb,
   * the migrations and the region load again (test/support/pglite-snapshot.ts).
   */
  initialData?: Blob | undefined;
  /**
   * LINDUNG_DB_POOLER=transaction: DATABASE_URL is a pooler in transaction mode (pgbouncer), so
   * each transaction sets its own time zone, timeout and audit row key (docs/pooling.md). Unset, a pgbouncer that refuses or drops the startup options is found at open.
   */
  pooler?: PoolerMode | undefined;
  /** DATABASE_READ_URL: a streaming replica of DATABASE_URL for reports (docs/replicas.md). */
  readUrl?: string | undefined;
}

/** LINDUNG_DB_POOLER: `transaction`, or `none` / unset; anything else is refused, not guessed. */
function poolerFromEnv(value: string | undefined): PoolerMode | undefined {
  if (!value || value === 'none') return undefined;
  if (value === 'transaction') return 'transaction';
  throw new AppError('VALIDATION_FAILED', {
    detail: `LINDUNG_DB_POOLER=${value} (transaction or none; lindung needs transactions, so not statement mode)`,
  });
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LINDUNG_DATA_DIR || './data',
    auditKey: env.LINDUNG_AUDIT_KEY || undefined,
    auditCheckpoints: env.LINDUNG_AUDIT_CHECKPOINTS || undefined,
    pooler: poolerFromEnv(env.LINDUNG_DB_POOLER),
    readUrl: env.DATABASE_READ_URL || undefined,
  };
}

/**
 * Gives the session the row key (the setting lindung.audit_mac, read by the audit chain trigger)
 * and the Db its audit keys. PGlite has one session: set once. A socket client of the owner
 * shares the owner's session, which holds it already.
 */
async function withAuditKeys(db: Db, keys: AuditKeys | null, setSession: boolean): Promise<Db> {
  if (keys && setSession) await db.exec(`SET lindung.audit_mac = '${keys.rowPads}'`);
  db.audit = keys;
  return db;
}

const warnOnStderr = (message: string): void => {
  process.stderr.write(`warning: ${message}\n`);
};

/** A read replica is a PostgreSQL server's; refused before anything is opened for the embedded database. */
function checkReadUrl(config: DbConfig): void {
  if (config.readUrl && !config.databaseUrl) throw new AppError('READ_REPLICA_NEEDS_SERVER');
}

/**
 * Opens DATABASE_READ_URL beside the primary `db` (unreachable: the primary is closed and the
 * error thrown) and closes both together.
 */
async function withReplica(
  db: Db,
  config: DbConfig,
  warn: (message: string) => void = warnOnStderr,
): Promise<Db> {
  if (!config.readUrl) return db;
  let replica: Db;
  try {
    replica = await openReadReplica(config.readUrl, { pooler: config.pooler, warn });
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  const closePrimary = db.close;
  db.replica = replica;
  db.close = async () => {
    await Promise.all([closePrimary(), replica.close()]);
  };
  return db;
}

export const isMemory = (config: DbConfig) => config.dataDir.startsWith('memory://');

/** What the process is doing, as recorded in the data folder's lock (`lindung billing run`). */
function commandLine(): string {
  return ['lindung', ...process.argv.slice(2).filter((a) => !a.startsWith('-'))].slice(0, 4).join(' ');
}

/**
 * Opens the database. On an embedded data folder this process becomes its only owner; if a
 * running `lindung serve` already owns it, the database is used through that server's socket
 * instead (the same SQL, over the PostgreSQL protocol); any other owner is DATA_DIR_IN_USE.
 */
export async function openDb(
  config: DbConfig,
  opts: { command?: string; reports?: boolean } = {},
): Promise<Db> {
  if (opts.reports) checkReadUrl(config);
  const keys = resolveAuditKeys(config);
  if (config.databaseUrl) {
    const db = await withAuditKeys(
      await openPostgres(config.databaseUrl, { auditMac: keys?.rowPads, pooler: config.pooler }),
      keys,
      false,
    );
    // Only a command that reports needs the replica: a billing run must not fail for want of one.
    return opts.reports ? withReplica(db, config) : db;
  }
  if (isMemory(config))
    return withAuditKeys(
      (await openPglite(config.dataDir, { initialData: config.initialData })).db,
      keys,
      true,
    );
  try {
    return withAuditKeys((await openOwned(config.dataDir, opts.command ?? commandLine())).db, keys, true);
  } catch (e) {
    if (!isAppError(e) || e.code !== 'DATA_DIR_IN_USE') throw e;
    const owner = currentOwner(config.dataDir);
    if (!owner?.socketDir) throw e;
    return withAuditKeys(await openPostgres('', { socketDir: owner.socketDir }), keys, false);
  }
}

export interface ServingDb {
  db: Db;
  /** From now on, local CLI commands use the database through this process (embedded only). */
  share(): Promise<void>;
}

/** Opens the database for `lindung serve`: an embedded folder only as its owner, never as a client. */
export async function openServing(
  config: DbConfig,
  opts: { warn?: (message: string) => void } = {},
): Promise<ServingDb> {
  const none = async () => undefined;
  checkReadUrl(config);
  const keys = resolveAuditKeys(config);
  if (config.databaseUrl) {
    // Every server that writes must hold the same key; one made up here would be this machine's alone.
    if (!keys) throw new AppError('AUDIT_KEY_REQUIRED');
    const db = await openPostgres(config.databaseUrl, { auditMac: keys.rowPads, pooler: config.pooler });
    return { db: await withReplica(await withAuditKeys(db, keys, false), config, opts.warn), share: none };
  }
  if (isMemory(config))
    return { db: await withAuditKeys((await openPglite(config.dataDir)).db, keys, true), share: none };
  const owned: OwnedDb = await openOwned(config.dataDir, 'lindung serve');
  return { db: await withAuditKeys(owned.db, keys, true), share: owned.share };
}

export function describeDb(config: DbConfig): string {
  const hide = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');
  if (config.databaseUrl)
    return `PostgreSQL ${hide(config.databaseUrl)}${config.readUrl ? `, reports from ${hide(config.readUrl)}` : ''}`;
  const owner = isMemory(config) ? null : currentOwner(config.dataDir);
  if (owner && owner.pid !== process.pid)
    return `PGlite (embedded) in ${config.dataDir}, through lindung serve (pid ${owner.pid})`;
  return `PGlite (embedded) in ${config.dataDir}`;
}
