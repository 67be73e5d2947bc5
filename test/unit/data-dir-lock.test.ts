import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, currentOwner, lockDirOf } from '../../src/db/embedded/data-dir-lock.ts';
import { isAppError } from '../../src/errors.ts';

/** A pid that certainly ran and certainly ended: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

function inUse(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    if (isAppError(e) && e.code === 'DATA_DIR_IN_USE') return e.params as Record<string, unknown>;
    throw e;
  }
  throw new Error('expected DATA_DIR_IN_USE');
}

describe('data folder lock', () => {
  let dir = '';
  let dataDir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-lock-'));
    dataDir = join(dir, 'data');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records pid, host and start beside the folder, refuses a second taker, and frees on release', () => {
    const lock = acquireDataDirLock(dataDir, 'lindung serve');
    expect(lock.dir).toBe(join(dir, '.data.lindung-lock'));
    const owner = JSON.parse(readFileSync(join(lock.dir, 'owner.json'), 'utf8'));
    expect(owner).toMatchObject({
      pid: process.pid,
      host: hostname(),
      command: 'lindung serve',
      socketDir: null,
    });
    expect(Date.parse(owner.startedAt)).toBeGreaterThan(0);

    const refused = inUse(() => acquireDataDirLock(dataDir, 'lindung billing run'));
    expect(refused).toMatchObject({ pid: process.pid, command: 'lindung serve', lock: lock.dir });
    expect(currentOwner(dataDir)?.pid).toBe(process.pid);

    lock.advertise('/some/socket/dir');
    expect(currentOwner(dataDir)?.socketDir).toBe('/some/socket/dir');
    lock.release();
    expect(currentOwner(dataDir)).toBeNull();
    acquireDataDirLock(dataDir, 'again').release();
  });

  it('takes over the lock of an owner that died (crash, kill -9)', () => {
    const pid = deadPid();
    mkdirSync(lockDirOf(dataDir), { recursive: true });
    writeFileSync(
      join(lockDirOf(dataDir), 'owner.json'),
      JSON.stringify({
        pid,
        host: hostname(),
        startedAt: '2026-01-01T00:00:00.000Z',
        command: 'lindung serve',
      }),
    );
    expect(currentOwner(dataDir)).toBeNull();
    const lock = acquireDataDirLock(dataDir, 'lindung audit verify');
    expect(currentOwner(dataDir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('treats a live pid whose process started at another time as a reused pid, hence stale', () => {
    const lock = acquireDataDirLock(dataDir, 'first');
    const path = join(lock.dir, 'owner.json');
    const owner = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...owner, processStart: '1' }));
    expect(currentOwner(dataDir)).toBeNull();
    lock.release(); // no longer ours by its record: left in place
    acquireDataDirLock(dataDir, 'second').release();
  });

  it('never takes over an owner on another host, whose process it cannot see', () => {
    mkdirSync(lockDirOf(dataDir), { recursive: true });
    writeFileSync(
      join(lockDirOf(dataDir), 'owner.json'),
      JSON.stringify({
        pid: deadPid(),
        host: 'another-host',
        startedAt: '2026-01-01T00:00:00.000Z',
        command: 'x',
      }),
    );
    expect(inUse(() => acquireDataDirLock(dataDir, 'y'))).toMatchObject({ host: 'another-host' });
  });

  it('takes over a lock folder left half made (no owner.json) only once it is old', () => {
    mkdirSync(lockDirOf(dataDir), { recursive: true });
    expect(inUse(() => acquireDataDirLock(dataDir, 'young'))).toMatchObject({ pid: '?' });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockDirOf(dataDir), old, old);
    acquireDataDirLock(dataDir, 'old').release();
  });
});
