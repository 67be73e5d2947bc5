import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../../errors.ts';
import type { OpenPglite } from '../pglite.ts';

// A backup is PGlite's own dump of the data folder (a gzipped tar), taken while the session is
// idle and right after a CHECKPOINT, so it needs no WAL replay beyond that point. The owner of a
// live folder makes it; another process asks the owner for it over the owner's control socket.

/** gzip's magic number: what every backup file starts with. */
const GZIP = [0x1f, 0x8b];

export async function dumpDataDir(open: OpenPglite): Promise<Uint8Array> {
  return open.session.run(async () => {
    await open.pg.exec('CHECKPOINT');
    const blob = await open.pg.dumpDataDir('gzip');
    return new Uint8Array(await blob.arrayBuffer());
  });
}

/** Asks the live owner listening at `controlPath` for a backup; its bytes. */
export function requestBackup(controlPath: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const socket = connect(controlPath);
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write('{"op":"backup"}\n'));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const nl = all.indexOf(0x0a);
      if (nl < 0) return reject(new Error('the owner closed the control socket without an answer'));
      const head = JSON.parse(all.subarray(0, nl).toString('utf8')) as {
        ok: boolean;
        bytes?: number;
        error?: string;
      };
      const body = all.subarray(nl + 1);
      if (!head.ok) return reject(new Error(`the owner could not make the backup: ${head.error}`));
      if (body.length !== head.bytes) return reject(new Error('the backup arrived incomplete'));
      resolve(new Uint8Array(body));
    });
  });
}

export function checkBackupBytes(file: string, bytes: Uint8Array): void {
  if (bytes.length < 2 || bytes[0] !== GZIP[0] || bytes[1] !== GZIP[1])
    throw new AppError('BACKUP_FILE_INVALID', { file, detail: 'not a gzip archive / bukan arsip gzip' });
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Writes a backup into `dataDir`, which must be empty unless `replaceAs` names where its present
 * contents go (nothing is deleted). The caller holds the folder's lock.
 */
export async function restoreDataDir(
  file: string,
  bytes: Uint8Array,
  dataDir: string,
  replaceAs: string | null,
): Promise<{ movedAsideTo: string | null }> {
  checkBackupBytes(file, bytes);
  let movedAsideTo: string | null = null;
  if (!isEmptyDir(dataDir)) {
    if (!replaceAs) throw new AppError('RESTORE_TARGET_NOT_EMPTY', { dir: dataDir });
    renameSync(dataDir, replaceAs);
    movedAsideTo = replaceAs;
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir, { loadDataDir: new Blob([new Uint8Array(bytes)]) });
  } catch (e) {
    // Leave the folder as it was: no half-restored files, the previous database back in place.
    rmSync(dataDir, { recursive: true, force: true });
    if (movedAsideTo) renameSync(movedAsideTo, dataDir);
    throw new AppError('BACKUP_FILE_INVALID', { file, detail: (e as Error).message });
  }
  await pg.close();
  return { movedAsideTo };
}
