import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, findChainBreak } from '../../src/db/audit.ts';
import { openDb } from '../../src/db/connect.ts';
import { tableRowCounts } from '../../src/db/database-summary.ts';
import { lockDirOf } from '../../src/db/embedded/data-dir-lock.ts';
import { DEMO_PASSWORD } from '../../src/services/load-demo.ts';
import { lindung } from '../support/cli.ts';
import { httpLogin, type Served, startServe } from '../support/serve.ts';

// A running `lindung serve` owns its embedded data folder. CLI commands beside it work through
// it (its socket), a second server is refused, and a backup comes from the server itself.

async function summary(dataDir: string) {
  const db = await openDb({ dataDir });
  try {
    return {
      kind: db.kind,
      tables: await tableRowCounts(db),
      head: await auditHead(db),
      chain: await findChainBreak(db),
    };
  } finally {
    await db.close();
  }
}

/** The report as JSON without the moment it was made. */
const reportBody = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: undefined });

describe('lindung serve owns the embedded data folder', () => {
  let dir = '';
  let dataDir = '';
  let served: Served;
  const env = () => ({ dataDir, extra: { LINDUNG_PASSWORD: 'kata-sandi-uji-1' } });
  const reportArgs = [
    'report',
    'branch',
    '--regency',
    '53.04',
    '--from',
    '2026-01-01',
    '--to',
    '2026-11-30',
    '--json',
  ];
  let reportThroughOwner: unknown;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-owner-'));
    dataDir = join(dir, 'data');
    served = await startServe(dataDir);
  }, 120_000);
  afterAll(async () => {
    served?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second server on the same folder, naming the owner', () => {
    const second = lindung(['serve', '--port', '0'], env());
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('DATA_DIR_IN_USE');
    expect(second.stderr).toContain(`proses ${served.pid} (lindung serve)`);
    expect(second.stderr).toContain(lockDirOf(dataDir));
    const english = lindung(['serve', '--port', '0'], { dataDir, extra: { LINDUNG_LANG: 'en' } });
    expect(english.stderr).toContain(`in use by process ${served.pid} (lindung serve)`);
  });

  it('adds a user from the CLI that the running server sees at once', async () => {
    expect(await httpLogin(served.url, 'lock.test1', 'kata-sandi-uji-1')).toBeNull();
    const add = lindung(
      ['users', 'add', '--username', 'lock.test1', '--role', 'auditor', '--scope', '53.04'],
      env(),
    );
    expect(add.status, add.stderr).toBe(0);
    expect(add.stdout).toContain('user lock.test1 (auditor');
    expect(await httpLogin(served.url, 'lock.test1', 'kata-sandi-uji-1')).toMatch(/^lindung_session=/);
    const again = lindung(
      ['users', 'add', '--username', 'lock.test1', '--role', 'auditor', '--scope', '53.04'],
      env(),
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('DUPLICATE');
  });

  it('runs the branch report and a billing run through the server', () => {
    const report = lindung(reportArgs, env());
    expect(report.status, report.stderr).toBe(0);
    reportThroughOwner = reportBody(report.stdout);
    expect(reportThroughOwner).toMatchObject({ regencyCode: '53.04', claimsTotal: { count: 0 } });
    const billing = lindung(['billing', 'run', '--period', '2026-11', '--regency', '53.04'], env());
    expect(billing.status, billing.stderr).toBe(0);
    expect(billing.stdout).toContain('2026-11');
    const bad = lindung(['billing', 'run', '--period', '2026-13'], env());
    expect(bad.status).toBe(2);
  });

  it('backs up the live database through the server; the restore holds the same rows and audit chain', async () => {
    const live = await summary(dataDir); // through the server's socket, as the CLI does
    expect(live.kind).toBe('pglite');
    expect(live.chain.firstBreak).toBeNull();
    expect(live.tables.app_user).toBeGreaterThanOrEqual(8);

    const file = join(dir, 'cadangan.tar.gz');
    const backup = lindung(['db', 'backup', file, '--json'], env());
    expect(backup.status, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ file, via: 'owner' });

    const restoredDir = join(dir, 'restored');
    const restore = lindung(['db', 'restore', file, '--json'], { dataDir: restoredDir });
    expect(restore.status, restore.stderr).toBe(0);
    const r = JSON.parse(restore.stdout);
    expect(r.tables).toEqual(live.tables);
    expect(r.audit).toEqual({ rows: live.chain.rows, intact: true, head: live.head });
    expect(await summary(restoredDir)).toMatchObject({ tables: live.tables, head: live.head });

    const refused = lindung(['db', 'restore', file], { dataDir: restoredDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('RESTORE_TARGET_NOT_EMPTY');
    const notBackup = lindung(['db', 'restore', join(dir, 'nothing.tar.gz')], { dataDir: join(dir, 'r2') });
    expect(notBackup.stderr).toContain('BACKUP_FILE_INVALID');
    expect(existsSync(join(dir, 'r2'))).toBe(false);
  });

  it('stops on SIGTERM during a write load: every acknowledged write is kept, the folder is free', async () => {
    const cookie = await httpLogin(served.url, 'admin', DEMO_PASSWORD);
    expect(cookie).not.toBeNull();
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const username = `beban.${w}.${i}`;
        try {
          const res = await fetch(`${served.url}/api/v1/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: cookie!, 'x-lindung-client': 'test' },
            body: JSON.stringify({
              username,
              displayName: username,
              role: 'auditor',
              scope: '53.04',
              password: 'sangat-rahasia-1',
            }),
          });
          if (res.status === 201) acknowledged.push(username);
        } catch {
          return; // the server has gone
        }
      }
    };
    const writers = [1, 2, 3, 4].map(writer);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    served.child.kill('SIGTERM');
    const exit = await served.exited;
    stop = true;
    await Promise.all(writers);
    expect(exit, served.stderr()).toEqual({ code: 0, signal: null });
    expect(served.stderr()).toContain('SIGTERM: stopping');
    expect(served.stderr()).toMatch(/stopped cleanly in \d+ ms/);
    expect(existsSync(lockDirOf(dataDir))).toBe(false);

    const db = await openDb({ dataDir });
    try {
      const kept = await db.query<{ username: string }>(
        `SELECT username FROM app_user WHERE username LIKE 'beban.%'`,
      );
      const names = new Set(kept.rows.map((r) => r.username));
      expect(names.size).toBeGreaterThanOrEqual(20);
      expect(acknowledged.filter((u) => !names.has(u))).toEqual([]);
      expect((await findChainBreak(db)).firstBreak).toBeNull();
    } finally {
      await db.close();
    }
    // The same command answers the same with the folder opened directly.
    const direct = lindung(reportArgs, env());
    expect(direct.status).toBe(0);
    expect(reportBody(direct.stdout)).toEqual(reportThroughOwner);
  }, 400_000);
});
