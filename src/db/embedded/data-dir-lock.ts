import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../errors.ts';

// One process owns an embedded data folder at a time. The lock is a directory beside the data
// folder (`data` → `.data.lindung-lock/`): mkdir is atomic, and keeping it outside the folder keeps
// it out of PGlite's files and out of backups. It holds owner.json (pid, host, start) and, while a
// server owns the folder, the Unix socket through which the CLI reaches that server.

export interface DataDirOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
  /** Directory of the owner's PostgreSQL-protocol socket, when the owner serves one. */
  socketDir: string | null;
  /** Boot and process start of the owner, to tell a live owner from a reused pid. */
  bootId: string | null;
  processStart: string | null;
}

export interface DataDirLock {
  readonly dir: string;
  readonly owner: DataDirOwner;
  /** Records where the owner's socket is, so other processes go through it. */
  advertise(socketDir: string): void;
  release(): void;
}

export function lockDirOf(dataDir: string): string {
  const abs = resolve(dataDir);
  return join(dirname(abs), `.${basename(abs)}.lindung-lock`);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot (Linux). */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded owner is certainly gone: same host, and its process no longer runs. */
function isStale(o: DataDirOwner): boolean {
  if (o.host !== hostname()) return false;
  const boot = bootId();
  if (o.bootId && boot && o.bootId !== boot) return true;
  if (!alive(o.pid)) return true;
  const start = processStart(o.pid);
  return Boolean(o.processStart && start && o.processStart !== start);
}

function readOwner(lockDir: string): DataDirOwner | null {
  const text = readText(join(lockDir, 'owner.json'));
  if (!text) return null;
  try {
    return JSON.parse(text) as DataDirOwner;
  } catch {
    return null;
  }
}

function writeOwner(lockDir: string, owner: DataDirOwner): void {
  const tmp = join(lockDir, `owner.json.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(owner), { mode: 0o600 });
  renameSync(tmp, join(lockDir, 'owner.json'));
}

function inUse(dataDir: string, lockDir: string, o: DataDirOwner | null): AppError {
  return new AppError('DATA_DIR_IN_USE', {
    dir: dataDir,
    pid: o?.pid ?? '?',
    host: o?.host ?? '?',
    command: o?.command ?? '?',
    since: o?.startedAt ?? '?',
    lock: lockDir,
  });
}

/** A lock folder without owner.json that is older than this was left by a crash while being made. */
const HALF_MADE_MS = 10_000;

/**
 * Takes a stale lock over. Only one process may do it: the one that creates `takeover` inside the
 * stale lock folder, and only if owner.json there still names the dead owner it judged.
 */
function takeOver(lockDir: string, dead: DataDirOwner | null): boolean {
  try {
    mkdirSync(join(lockDir, 'takeover'));
  } catch {
    return false;
  }
  const now = readOwner(lockDir);
  const same = dead ? now !== null && now.pid === dead.pid && now.startedAt === dead.startedAt : now === null;
  if (!same) {
    rmSync(join(lockDir, 'takeover'), { recursive: true, force: true });
    return false;
  }
  const aside = `${lockDir}.stale-${randomBytes(4).toString('hex')}`;
  renameSync(lockDir, aside);
  rmSync(aside, { recursive: true, force: true });
  return true;
}

/** Locks this process holds: however it ends, their folders are free again. */
const held = new Set<DataDirLock>();
let releaseOnExit = false;
function hold(lock: DataDirLock): void {
  if (!releaseOnExit) {
    releaseOnExit = true;
    process.on('exit', () => {
      for (const l of held) l.release();
    });
  }
  held.add(lock);
}

/** Where a live owner serves the folder, or null when nobody owns it. */
export function currentOwner(dataDir: string): DataDirOwner | null {
  const owner = readOwner(lockDirOf(dataDir));
  return owner && !isStale(owner) ? owner : null;
}

/** Takes the folder for this process, or throws DATA_DIR_IN_USE naming the live owner. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const lockDir = lockDirOf(dataDir);
  mkdirSync(dirname(lockDir), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      mkdirSync(lockDir, { mode: 0o700 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(lockDir);
      const halfMade = !owner && Date.now() - statSync(lockDir).mtimeMs > HALF_MADE_MS;
      if ((owner && isStale(owner)) || halfMade) {
        takeOver(lockDir, owner);
        continue;
      }
      throw inUse(dataDir, lockDir, owner);
    }
    const owner: DataDirOwner = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      command,
      socketDir: null,
      bootId: bootId(),
      processStart: processStart(process.pid),
    };
    writeOwner(lockDir, owner);
    let released = false;
    const lock: DataDirLock = {
      dir: lockDir,
      owner,
      advertise(socketDir) {
        owner.socketDir = socketDir;
        writeOwner(lockDir, owner);
      },
      release() {
        if (released) return;
        released = true;
        held.delete(lock);
        const now = readOwner(lockDir);
        if (now?.pid === process.pid && now.startedAt === owner.startedAt)
          rmSync(lockDir, { recursive: true, force: true });
      },
    };
    hold(lock);
    return lock;
  }
  throw inUse(dataDir, lockDir, readOwner(lockDir));
}
