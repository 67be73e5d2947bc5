import { readFileSync } from 'node:fs';
import { auditHead, findChainBreak } from '../db/audit.ts';
import { type DbConfig, openDb } from '../db/connect.ts';
import { tableRowCounts } from '../db/database-summary.ts';
import { restoreDataDir } from '../db/embedded/backup.ts';
import { acquireDataDirLock } from '../db/embedded/data-dir-lock.ts';
import { AppError } from '../errors.ts';
import { requireEmbedded } from './backup-database.ts';

export interface DatabaseSummary {
  tables: Record<string, number>;
  audit: { rows: number; intact: boolean; head: string | null };
}

/** What a database holds, to compare a restore with its source. */
export async function summarizeDatabase(config: DbConfig): Promise<DatabaseSummary> {
  const db = await openDb(config, { command: 'lindung db restore' });
  try {
    const chain = await findChainBreak(db);
    return {
      tables: await tableRowCounts(db),
      audit: { rows: chain.rows, intact: chain.firstBreak === null, head: await auditHead(db) },
    };
  } finally {
    await db.close();
  }
}

/**
 * Puts a backup in place as the embedded database, holding the folder's lock throughout. A folder
 * that already holds a database is moved aside only when asked (`replace`), never deleted.
 */
export async function restoreDatabase(
  config: DbConfig,
  file: string,
  opts: { replace: boolean; stamp: string },
): Promise<DatabaseSummary & { movedAsideTo: string | null }> {
  requireEmbedded(config);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new AppError('BACKUP_FILE_INVALID', { file, detail: (e as Error).message });
  }
  const lock = acquireDataDirLock(config.dataDir, 'lindung db restore');
  let movedAsideTo: string | null;
  try {
    const aside = opts.replace ? `${config.dataDir.replace(/\/+$/, '')}.before-restore-${opts.stamp}` : null;
    ({ movedAsideTo } = await restoreDataDir(file, bytes, config.dataDir, aside));
  } finally {
    lock.release();
  }
  return { ...(await summarizeDatabase(config)), movedAsideTo };
}
