import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lindung } from '../support/cli.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

// Issue 14 point 6 on the command line: `lindung users …` resets, disables, unlocks, lists and
// revokes, with the same services (and audit) as the HTTP API.

describe('lindung users: accounts from the server console', () => {
  let t: TestDb;
  let dir: string;
  let env: { databaseUrl?: string; dataDir?: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-users-cli-'));
    ({ t } = await preparedDeps({ dataDir: join(dir, 'data') }));
    env = t.location.databaseUrl ? { databaseUrl: t.location.databaseUrl } : { dataDir: t.location.dataDir };
    await t.db.close(); // PGlite: one process at a time; the CLI opens it next
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = (args: string[], extra?: NodeJS.ProcessEnv) => {
    const r = lindung([...args, '--json'], { ...env, extra });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  it('adds, issues an expiring token, lists, revokes it, issues a reset code, disables, unlocks', {
    timeout: 600_000,
  }, () => {
    json(['users', 'add', '--username', 'ops.admin', '--role', 'admin'], {
      LINDUNG_PASSWORD: 'gunung mutis berkabut',
    });
    const token = json(['users', 'token', 'ops.admin', '--name', 'backup', '--days', '7']);
    expect(token).toMatchObject({ username: 'ops.admin', id: expect.any(Number) });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    const listed = json(['users', 'sessions', 'ops.admin']);
    expect(listed).toMatchObject({ username: 'ops.admin', disabled: false, locked: false, sessions: [] });
    expect(listed.tokens).toEqual([
      expect.objectContaining({ id: token.id, name: 'backup', revokedAt: null }),
    ]);
    expect(json(['users', 'revoke-token', 'ops.admin', String(token.id)])).toMatchObject({ revoked: true });
    const reset = json(['users', 'reset-password', 'ops.admin']);
    expect(reset.code).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(json(['users', 'disable', 'ops.admin'])).toMatchObject({ disabled: true });
    expect(json(['users', 'unlock', 'ops.admin'])).toEqual({ username: 'ops.admin', wasLocked: false });
  });
});
