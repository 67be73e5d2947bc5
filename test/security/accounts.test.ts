import { scryptSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername, setPasswordHash } from '../../src/db/users.ts';
import type { Deps } from '../../src/services/actor.ts';
import { DEMO_PASSWORD } from '../../src/services/load-demo.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginCookie } from '../support/http.ts';
import { atProductionPasswordCost } from '../support/password-cost.ts';

// Issue 14 point 6: change and reset a password, disable a user, list and revoke sessions and
// tokens, tokens that expire, an idle timeout, the ASVS L2 password policy, scrypt upgraded.

const SLOW = { timeout: 300_000 };
const MINUTE = 60_000;

describe('accounts: passwords, resets, disabling, sessions and tokens', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let admin: string;
  const advance = (ms: number) => (deps.clock as unknown as { advance(ms: number): void }).advance(ms);
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    admin = await loginCookie(app, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const post = (url: string, cookie?: string, payload?: object) =>
    app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  const me = (cookie: string) => app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
  const login = (username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const audited = async (action: string) =>
    (await deps.db.query<{ actor: string }>('SELECT actor FROM audit_log WHERE action = $1', [action])).rows;

  it(
    'a user changes their own password: policy checked, other sessions end, a new cookie works',
    SLOW,
    async () => {
      const first = await loginCookie(app, 'auditor');
      const second = await loginCookie(app, 'auditor');
      const change = (currentPassword: string, newPassword: string) =>
        post('/api/v1/auth/password', first, { currentPassword, newPassword });
      expect((await change(DEMO_PASSWORD, 'pendek')).json().error.code).toBe('PASSWORD_TOO_SHORT');
      expect((await change(DEMO_PASSWORD, 'password1234')).json().error.code).toBe('PASSWORD_TOO_COMMON');
      const wrong = await change('bukan-sandi-lama', 'mangga harum manis 7');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
      const ok = await change(DEMO_PASSWORD, 'mangga harum manis 7');
      expect(ok.statusCode).toBe(204);
      const cookie = ok.cookies.find((c) => c.name === 'lindung_session')!;
      expect((await me(`lindung_session=${cookie.value}`)).statusCode).toBe(200);
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(401);
      expect((await login('auditor', DEMO_PASSWORD)).statusCode).toBe(401);
      expect((await login('auditor', 'mangga harum manis 7')).statusCode).toBe(200);
      expect(await audited('user.password_change')).toEqual([{ actor: 'auditor' }]);
    },
  );

  it(
    'an admin issues a one-time reset code; it sets a password once, ends sessions, and expires',
    SLOW,
    async () => {
      const village = await loginCookie(app, 'desa.kewar');
      expect((await post('/api/v1/users/desa.kewar/password-reset', village)).statusCode).toBe(403);
      expect((await post('/api/v1/users/tidak.ada/password-reset', admin)).statusCode).toBe(404);
      const old = (await post('/api/v1/users/desa.kewar/password-reset', admin)).json();
      const issued = await post('/api/v1/users/desa.kewar/password-reset', admin);
      expect(issued.statusCode).toBe(201);
      const { code, expiresAt } = issued.json();
      expect(Date.parse(expiresAt) - Date.parse(deps.clock.now())).toBe(24 * 60 * MINUTE);
      const reset = (c: string, username = 'desa.kewar', newPassword = 'pisang goreng hangat') =>
        post('/api/v1/auth/password-reset', undefined, { username, code: c, newPassword });
      // The old password still works until the code is used.
      expect((await login('desa.kewar', DEMO_PASSWORD)).statusCode).toBe(200);
      for (const [c, u] of [
        [old.code, 'desa.kewar'], // replaced by the newer code
        ['salah-sekali', 'desa.kewar'],
        [code, 'desa.fulur'], // another user's code
        [code, 'tidak.ada'],
      ]) {
        const res = await reset(c!, u);
        expect(res.statusCode, `${u} ${c}`).toBe(401);
        expect(res.json().error.code).toBe('RESET_FAILED');
      }
      expect((await reset(code, 'desa.kewar', 'qwertyuiop12')).json().error.code).toBe('PASSWORD_TOO_COMMON');
      expect((await reset(code)).statusCode).toBe(204);
      expect((await reset(code, 'desa.kewar', 'pisang goreng dingin')).statusCode).toBe(401);
      expect((await me(village)).statusCode).toBe(401);
      expect((await login('desa.kewar', 'pisang goreng hangat')).statusCode).toBe(200);
      const later = (await post('/api/v1/users/desa.kewar/password-reset', admin)).json().code;
      advance(24 * 60 * MINUTE + 1);
      expect((await reset(later, 'desa.kewar', 'pisang goreng dingin')).statusCode).toBe(401);
      admin = await loginCookie(app, 'admin');
      expect((await audited('user.password_reset_issue')).length).toBe(3);
      expect(await audited('user.password_reset')).toEqual([{ actor: 'desa.kewar' }]);
    },
  );

  it('an admin disables a user (sessions and tokens stop) and enables them again', SLOW, async () => {
    const cookie = await loginCookie(app, 'cabang.atambua');
    const made = await post('/api/v1/users/cabang.atambua/tokens', admin, { name: 'bank export', days: 30 });
    expect(made.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${made.json().token}` };
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(200);
    const off = await post('/api/v1/users/cabang.atambua/disable', admin);
    expect(off.json()).toEqual({ username: 'cabang.atambua', disabled: true, sessionsEnded: 1 });
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(401);
    const refused = await login('cabang.atambua', DEMO_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await post('/api/v1/users/admin/disable', admin)).statusCode).toBe(400);
    expect((await post('/api/v1/users/cabang.atambua/enable', admin)).json().disabled).toBe(false);
    expect((await login('cabang.atambua', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(200);
    expect((await audited('user.disable')).length).toBe(1);
    expect((await audited('user.enable')).length).toBe(1);
  });

  it('lists and revokes sessions and tokens; a token expires', SLOW, async () => {
    const cookie = await loginCookie(app, 'dinas.belu');
    const made = (await post('/api/v1/users/dinas.belu/tokens', admin, { name: 'laporan', days: 7 })).json();
    const bearer = { authorization: `Bearer ${made.token}` };
    const list = (
      await app.inject({ url: '/api/v1/users/dinas.belu/sessions', headers: { cookie: admin } })
    ).json();
    expect(list.sessions).toHaveLength(1);
    expect(list.tokens).toEqual([
      expect.objectContaining({ id: made.id, name: 'laporan', expiresAt: made.expiresAt, revokedAt: null }),
    ]);
    expect(JSON.stringify(list)).not.toContain(made.token);
    const revoke = await post(`/api/v1/users/dinas.belu/tokens/${made.id}/revoke`, admin);
    expect(revoke.json()).toEqual({ username: 'dinas.belu', tokenId: made.id, revoked: true });
    expect((await app.inject({ url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await post(`/api/v1/users/admin/tokens/${made.id}/revoke`, admin)).statusCode).toBe(404);
    expect((await post('/api/v1/users/dinas.belu/sessions/revoke', admin)).json()).toEqual({
      username: 'dinas.belu',
      revoked: 1,
    });
    expect((await me(cookie)).statusCode).toBe(401);

    const week = (await post('/api/v1/users/dinas.belu/tokens', admin, { name: 'seminggu', days: 7 })).json();
    const weekBearer = { authorization: `Bearer ${week.token}` };
    expect((await app.inject({ url: '/api/v1/auth/me', headers: weekBearer })).statusCode).toBe(200);
    advance(7 * 24 * 60 * MINUTE + 1);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: weekBearer })).statusCode).toBe(401);
    admin = await loginCookie(app, 'admin');
    expect((await audited('api_token.revoke')).length).toBe(1);
    expect((await audited('user.sessions_revoke')).length).toBe(1);
  });

  it('a session ends after 30 minutes unused, and after 12 hours in any case', SLOW, async () => {
    const cookie = await loginCookie(app, 'supervisor.atambua');
    for (let i = 0; i < 3; i++) {
      advance(29 * MINUTE);
      expect((await me(cookie)).statusCode, `after ${(i + 1) * 29} minutes, in use`).toBe(200);
    }
    advance(31 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(401);
    const busy = await loginCookie(app, 'supervisor.atambua');
    for (let i = 0; i < 24; i++) {
      advance(29 * MINUTE);
      expect((await me(busy)).statusCode).toBe(200);
    }
    advance(29 * MINUTE);
    expect((await me(busy)).statusCode, 'past 12 hours').toBe(401);
    admin = await loginCookie(app, 'admin');
  });

  it('refuses a weak password for a new user, and upgrades an old scrypt hash at log-in', SLOW, async () => {
    const weak = await post('/api/v1/users', admin, {
      username: 'op.lemah',
      displayName: 'Operator Lemah',
      role: 'village_operator',
      scope: '53.04.01.2004',
      password: 'admin1234567',
    });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_COMMON');
    const salt = Buffer.alloc(16, 3);
    const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const user = (await findUserByUsername(deps.db, 'desa.fulur'))!;
    await setPasswordHash(
      deps.db,
      user.id,
      `$scrypt$n=32768,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`,
    );
    // The upgrade a deployment makes: to the production cost, not this suite's lower one.
    await atProductionPasswordCost(async () => {
      expect((await login('desa.fulur', DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await findUserByUsername(deps.db, 'desa.fulur'))!.passwordHash).toMatch(
        /^\$scrypt\$n=131072,r=8,p=1\$/,
      );
      expect((await login('desa.fulur', DEMO_PASSWORD)).statusCode).toBe(200);
    });
  });
});
