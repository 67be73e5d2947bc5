import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenPglite, openPglite } from '../pglite.ts';
import type { Db } from '../types.ts';
import { dumpDataDir } from './backup.ts';
import { type ControlServer, startControlServer } from './control-server.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { startWireServer, type WireServer } from './wire-server.ts';

/** node-postgres finds a server's socket as `<dir>/.s.PGSQL.<port>`. */
export const SOCKET_PORT = 5432;
export const socketPath = (dir: string) => join(dir, `.s.PGSQL.${SOCKET_PORT}`);
export const controlPath = (dir: string) => join(dir, 'control.sock');
/** Unix socket paths are limited to about 107 bytes; past this the socket goes to the temp dir. */
const MAX_SOCKET_PATH = 100;

export interface OwnedDb {
  db: Db;
  open: OpenPglite;
  lock: DataDirLock;
  /** Lets other local processes (the CLI) use the database through this process; idempotent. */
  share(): Promise<void>;
}

/** Opens the data folder as its only owner (DATA_DIR_IN_USE when another process has it). */
export async function openOwned(dataDir: string, command: string): Promise<OwnedDb> {
  const lock = acquireDataDirLock(dataDir, command);
  let open: OpenPglite;
  try {
    open = await openPglite(dataDir);
  } catch (e) {
    lock.release();
    throw e;
  }
  let wire: WireServer | null = null;
  let control: ControlServer | null = null;
  let socketDir: string | null = null;
  const db: Db = {
    ...open.db,
    async close() {
      await wire?.close();
      await control?.close();
      try {
        await open.db.close();
      } finally {
        if (socketDir && socketDir !== lock.dir) rmSync(socketDir, { recursive: true, force: true });
        lock.release();
      }
    },
  };
  return {
    db,
    open,
    lock,
    async share() {
      if (wire) return;
      socketDir =
        socketPath(lock.dir).length <= MAX_SOCKET_PATH ? lock.dir : mkdtempSync(join(tmpdir(), 'lindung-'));
      wire = await startWireServer(open.pg, open.session, socketPath(socketDir));
      control = await startControlServer(controlPath(socketDir), { backup: () => dumpDataDir(open) });
      lock.advertise(socketDir);
    },
  };
}
