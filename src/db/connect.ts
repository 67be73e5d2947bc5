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

export async function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config.dataDir);
}

export function describeDb(config: DbConfig): string {
  if (config.databaseUrl) return `PostgreSQL ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`;
  return `PGlite (embedded) in ${config.dataDir}`;
}
