import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { createApiToken } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { THROTTLE_FAILURES } from '../../src/services/log-in.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginCookie } from '../support/http.ts';

describe('HTTP: login, sessions, tokens', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('logs in with an HttpOnly, SameSite session cookie and answers /me', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'desa.kewar', password: 'lindung-demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lindung_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `lindung_session=${cookie.value}` },
    });
    expect(me.json().user).toMatchObject({
      username: 'desa.kewar',
      role: 'village_operator',
      scope: { type: 'region', code: '53.04.01.2001', name: 'Kewar' },
      homeRegion: '53.04.01.2001',
    });
  });

  it('answers 401 without a session, in the language asked for', async () => {
    const id = await app.inject({ url: '/api/v1/auth/me' });
    expect(id.statusCode).toBe(401);
    expect(id.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'Silakan masuk terlebih dahulu.' },
    });
    const en = await app.inject({ url: '/api/v1/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('Please log in first.');
  });

  it('refuses a wrong password, and throttles after repeated failures', async () => {
    const bad = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'desa.fulur', password: 'nope' },
      });
    const first = await bad();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('INVALID_CREDENTIALS');
    for (let i = 1; i < THROTTLE_FAILURES; i++) await bad();
    const locked = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'desa.fulur', password: 'lindung-demo' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('LOGIN_THROTTLED');
  });

  it('logs out: the old cookie no longer works', async () => {
    const cookie = await loginCookie(app, 'dinas.belu');
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('accepts a bearer API token, and refuses a made-up one', async () => {
    const { token } = await createApiToken(deps, consoleActor(), 'dinas.belu', 'integration');
    const ok = await app.inject({
      url: '/api/v1/regions/53.04',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    const bad = await app.inject({
      url: '/api/v1/regions/53.04',
      headers: { authorization: 'Bearer lnd_fake' },
    });
    expect(bad.statusCode).toBe(401);
  });

  it('rejects invalid bodies and oversized bodies with catalog errors', async () => {
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    expect(invalid.json().error.message).toContain('password');
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('publishes OpenAPI 3.1 with every /api/v1 route, and the docs page', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    for (const p of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/regions/{code}',
      '/api/v1/users',
      '/api/v1/audit',
    ]) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
    expect((await app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/v1/health' })).json()).toMatchObject({ status: 'ok' });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
