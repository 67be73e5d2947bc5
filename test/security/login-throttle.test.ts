import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each failed guess costs a full scrypt (N=2^17): minutes on a busy two-core machine.
const SLOW = { timeout: 300_000 };

import { buildServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/services/actor.ts';
import { DEMO_PASSWORD } from '../../src/services/load-demo.ts';
import { THROTTLE_FAILURES, THROTTLE_IP_FAILURES } from '../../src/services/log-in.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginCookie } from '../support/http.ts';
import { useProductionPasswordCost } from '../support/password-cost.ts';
import { tally } from '../support/security-tally.ts';

// Issue 14 B1/B7: the login throttle counts an attempt in one statement before the KDF, so a
// parallel burst cannot pass it; it limits per client address as well as per account; an admin
// can unlock a locked account; the client address is proxy-aware only for listed proxies.

describe('login throttle: atomic, per account and per address, unlockable', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  // The parallel burst races guesses against the production KDF's seconds, as an attacker would.
  useProductionPasswordCost();
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const login = (username: string, password: string, remoteAddress = '127.0.0.1', headers = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress,
      headers,
    });

  it(
    'a parallel burst of 40 wrong guesses and the right password lets no more than the limit reach the password check',
    SLOW,
    async () => {
      const burst = await Promise.all([
        ...Array.from({ length: 40 }, (_, i) =>
          login('dinas.belu', `tebakan-salah-${i}`, `198.51.100.${i + 1}`),
        ),
        login('dinas.belu', DEMO_PASSWORD, '198.51.100.200'),
      ]);
      const passed = burst.filter((r) => r.statusCode !== 429);
      tally('parallel login burst', {
        requests: burst.length,
        serverErrors: burst.filter((r) => r.statusCode >= 500).length,
        // Guesses that reached the password check beyond the limit.
        leaks: Math.max(0, passed.length - THROTTLE_FAILURES),
        principals: 1,
      });
      expect(passed.length).toBeLessThanOrEqual(THROTTLE_FAILURES);
      expect(burst.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(41 - THROTTLE_FAILURES);
      for (const r of burst.filter((r) => r.statusCode === 429))
        expect(r.json().error.code).toBe('LOGIN_THROTTLED');
      // Once over the limit, the right password answers 429 too, from any address (unless it was
      // among the first attempts counted and logged in, which starts the account's count again).
      if (burst[40]!.statusCode !== 200) {
        expect((await login('dinas.belu', DEMO_PASSWORD, '198.51.100.201')).statusCode).toBe(429);
      }
    },
  );

  it(
    'limits failed attempts per client address across accounts; X-Forwarded-For is not believed by default',
    SLOW,
    async () => {
      const spread = await Promise.all(
        Array.from({ length: THROTTLE_IP_FAILURES + 1 }, (_, i) =>
          login(`tidak.ada.${i}`, 'tebakan-salah-sekali', '203.0.113.9', {
            'x-forwarded-for': `192.0.2.${i + 1}`,
          }),
        ),
      );
      expect(spread.filter((r) => r.statusCode === 401)).toHaveLength(THROTTLE_IP_FAILURES);
      expect(spread.filter((r) => r.statusCode === 429)).toHaveLength(1);
      // A real user from that address is refused before the password is checked …
      const blocked = await login('desa.kewar', DEMO_PASSWORD, '203.0.113.9', {
        'x-forwarded-for': '192.0.2.250',
      });
      expect(blocked.statusCode).toBe(429);
      // … and logs in from another.
      expect((await login('desa.kewar', DEMO_PASSWORD, '203.0.113.10')).statusCode).toBe(200);
    },
  );

  it('an admin unlocks a locked account, over HTTP; a non-admin may not', SLOW, async () => {
    for (let i = 0; i < THROTTLE_FAILURES; i++) {
      expect((await login('supervisor.atambua', `salah-lagi-${i}`, `198.51.100.${50 + i}`)).statusCode).toBe(
        401,
      );
    }
    expect((await login('supervisor.atambua', DEMO_PASSWORD, '198.51.100.60')).statusCode).toBe(429);
    const admin = await loginCookie(app, 'admin');
    const state = await app.inject({
      url: '/api/v1/users/supervisor.atambua/sessions',
      headers: { cookie: admin },
    });
    expect(state.json()).toMatchObject({ username: 'supervisor.atambua', locked: true, disabled: false });
    const village = await loginCookie(app, 'desa.kewar');
    const denied = await app.inject({
      method: 'POST',
      url: '/api/v1/users/supervisor.atambua/unlock',
      headers: { cookie: village },
    });
    expect(denied.statusCode).toBe(403);
    const unlock = await app.inject({
      method: 'POST',
      url: '/api/v1/users/supervisor.atambua/unlock',
      headers: { cookie: admin },
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json()).toEqual({ username: 'supervisor.atambua', wasLocked: true });
    expect((await login('supervisor.atambua', DEMO_PASSWORD, '198.51.100.61')).statusCode).toBe(200);
    const audit = await deps.db.query<{ actor: string }>(
      "SELECT actor FROM audit_log WHERE action = 'user.unlock' AND after->>'wasLocked' = 'true'",
    );
    expect(audit.rows).toEqual([{ actor: 'admin' }]);
  });

  it('takes the client address from X-Forwarded-For only when the peer is a listed proxy', SLOW, async () => {
    const behindProxy = await buildServer({ deps, webDir: '/nonexistent', trustedProxies: ['127.0.0.1'] });
    const fail = (username: string, remoteAddress: string, forwardedFor: string) =>
      behindProxy.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'tebakan-salah-sekali' },
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    try {
      expect((await fail('tidak.ada.proxy', '127.0.0.1', '198.18.0.77')).statusCode).toBe(401);
      expect((await fail('tidak.ada.langsung', '198.18.0.5', '198.18.0.78')).statusCode).toBe(401);
    } finally {
      await behindProxy.close();
    }
    const keys = (
      await deps.db.query<{ key: string }>(
        "SELECT key FROM login_throttle WHERE key LIKE 'ip:198.18.%' ORDER BY key",
      )
    ).rows.map((r) => r.key);
    // The listed proxy's client is 198.18.0.77; an unlisted peer's header is ignored.
    expect(keys).toEqual(['ip:198.18.0.5', 'ip:198.18.0.77']);
  });
});
