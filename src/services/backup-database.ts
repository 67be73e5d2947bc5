import { renameSync, writeFileSync } from 'node:fs';
import { type DbConfig, isMemory } from '../db/connect.ts';
import { dumpDataDir, requestBackup } from '../db/embedded/backup.ts';
import { currentOwner } from '../db/embedded/data-dir-lock.ts';
import { controlPath, openOwned } from '../db/embedded/owner.ts';
import { AppError, isAppError } from '../errors.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  /** 'owner': made by the running server that owns the folder; 'self': this process opened it. */
  via: 'owner' | 'self';
}

export function requireEmbedded(config: DbConfig): void {
  if (config.databaseUrl || isMemory(config)) throw new AppError('BACKUP_EMBEDDED_ONLY');
}

/**
 * A consistent copy of the embedded database in one file. A running server makes it itself
 * (the folder is its alone); otherwise this process opens the folder and makes it.
 */
export async function backupDatabase(config: DbConfig, file: string): Promise<BackupResult> {
  requireEmbedded(config);
  let bytes: Uint8Array;
  let via: BackupResult['via'] = 'self';
  try {
    const owned = await openOwned(config.dataDir, 'lindung db backup');
    try {
      bytes = await dumpDataDir(owned.open);
    } finally {
      await owned.db.close();
    }
  } catch (e) {
    const owner = isAppError(e) && e.code === 'DATA_DIR_IN_USE' ? currentOwner(config.dataDir) : null;
    if (!owner?.socketDir) throw e;
    bytes = await requestBackup(controlPath(owner.socketDir));
    via = 'owner';
  }
  // Written beside the target and renamed, so a half-written file never carries the name.
  const tmp = `${file}.partial-${process.pid}`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, file);
  return { file, bytes: bytes.length, via };
}
