import { isAppError } from '../errors.ts';
import { currentOwner } from './embedded/data-dir-lock.ts';
import { type OwnedDb, openOwned } from './embedded/owner.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export interface DbConfig {
  /** postgres://… — when set, a real PostgreSQL server is used. */
  databaseUrl?: string | undefined;
  /** Embedded database directory (PGlite), or memory:// */
  dataDir: string;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.LINDUNG_DATA_DIR || './data' };
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
export async function openDb(config: DbConfig, opts: { command?: string } = {}): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  if (isMemory(config)) return (await openPglite(config.dataDir)).db;
  try {
    return (await openOwned(config.dataDir, opts.command ?? commandLine())).db;
  } catch (e) {
    if (!isAppError(e) || e.code !== 'DATA_DIR_IN_USE') throw e;
    const owner = currentOwner(config.dataDir);
    if (!owner?.socketDir) throw e;
    return openPostgres(config.databaseUrl ?? '', { socketDir: owner.socketDir });
  }
}

export interface ServingDb {
  db: Db;
  /** From now on, local CLI commands use the database through this process (embedded only). */
  share(): Promise<void>;
}

/** Opens the database for `lindung serve`: an embedded folder only as its owner, never as a client. */
export async function openServing(config: DbConfig): Promise<ServingDb> {
  const none = async () => undefined;
  if (config.databaseUrl) return { db: await openPostgres(config.databaseUrl), share: none };
  if (isMemory(config)) return { db: (await openPglite(config.dataDir)).db, share: none };
  const owned: OwnedDb = await openOwned(config.dataDir, 'lindung serve');
  return { db: owned.db, share: owned.share };
}

export function describeDb(config: DbConfig): string {
  if (config.databaseUrl) return `PostgreSQL ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`;
  const owner = isMemory(config) ? null : currentOwner(config.dataDir);
  if (owner && owner.pid !== process.pid)
    return `PGlite (embedded) in ${config.dataDir}, through lindung serve (pid ${owner.pid})`;
  return `PGlite (embedded) in ${config.dataDir}`;
}
