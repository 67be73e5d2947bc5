import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect.ts';
import { lindung } from '../support/cli.ts';
import { freshDb, type TestDb } from '../support/db.ts';

describe('lindung CLI', () => {
  let t: TestDb;
  let dir: string;
  let env: { databaseUrl?: string; dataDir?: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-cli-'));
    t = await freshDb({ dataDir: join(dir, 'data') });
    env = t.location.databaseUrl ? { databaseUrl: t.location.databaseUrl } : { dataDir: t.location.dataDir };
    await t.db.close(); // PGlite: one process at a time; the CLI opens it next
  });
  afterAll(async () => {
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('db migrate, then regions show 53.04 --json lists 12 kecamatan and counts 69 desa, 12 kelurahan', () => {
    const m = lindung(['db', 'migrate', '--json'], env);
    expect(m.status, m.stderr).toBe(0);
    expect(JSON.parse(m.stdout).migrations).toContain('0001_foundation');
    const r = lindung(['regions', 'show', '53.04', '--json'], env);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.children).toHaveLength(12);
    expect(out.region.counts).toEqual({ districts: 12, desa: 69, kelurahan: 12 });
  });

  // Four CLI processes and two scrypt hashes (N=2^17): over a minute on a busy two-core machine.
  it('demo is idempotent; users add validates role and scope with exit code 2', { timeout: 300_000 }, () => {
    // --users-only: the Belu 2023 data takes minutes; test/integration/demo.test.ts covers it.
    expect(lindung(['demo', '--users-only'], env).status).toBe(0);
    const again = lindung(['demo', '--users-only', '--json'], env);
    expect(JSON.parse(again.stdout).usersCreated).toBe(0);
    const bad = lindung(
      ['users', 'add', '--username', 'x.y.z', '--role', 'king', '--password', 'abcdefghijkl'],
      env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('VALIDATION_FAILED');
    const ok = lindung(
      [
        'users',
        'add',
        '--username',
        'op.duarato',
        '--role',
        'village_operator',
        '--scope',
        '53.04.01.2004',
        '--json',
      ],
      { ...env, extra: { LINDUNG_PASSWORD: 'kata-sandi-panjang' } },
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ username: 'op.duarato', scopeCode: '53.04.01.2004' });
  });

  it('audit verify passes, then fails with exit 1 after a row is altered by hand', async () => {
    const good = lindung(['audit', 'verify', '--json'], env);
    expect(good.status, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout).ok).toBe(true);
    const db = await openDb({ databaseUrl: env.databaseUrl, dataDir: env.dataDir ?? '' });
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(`UPDATE audit_log SET after = '{"role":"admin"}' WHERE chain_seq = 3`);
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await db.close();
    const bad = lindung(['audit', 'verify'], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BROKEN at row id \d+ \(seq 3\): hash_mismatch/);
  });

  it('names DATABASE_URL when the server cannot be reached', () => {
    const r = lindung(['db', 'migrate'], { databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DB_UNREACHABLE');
    expect(r.stderr).toContain('DATABASE_URL');
  });

  it('every command answers --help', () => {
    for (const cmd of [
      [],
      ['serve'],
      ['db', 'migrate'],
      ['demo'],
      ['users', 'add'],
      ['audit', 'verify'],
      ['regions', 'show'],
    ]) {
      const r = lindung([...cmd, '--help'], env);
      expect(r.status, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: lindung');
    }
  });
});
