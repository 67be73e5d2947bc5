import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each failed guess costs a full scrypt (N=2^17): minutes on a busy two-core machine.
const SLOW = { timeout: 300_000 };

import { insertUser } from '../../src/db/users.ts';
import { setDisabled } from '../../src/services/accounts.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { NO_PASSWORD_YET } from '../../src/services/self-service/activation-code.ts';
import { preparedDeps, TEST_NOW, type TestDb } from '../support/db.ts';
import { demoServer } from '../support/http.ts';
import { useProductionPasswordCost } from '../support/password-cost.ts';

// Issue 14 L5: an account waiting for activation answered a log-in in 15 ms against ~550 ms for
// the others. Every account state now costs one KDF and answers the same error.

// The fastest of each state's tries: a busy machine only ever adds time, so the minimum is the
// try least disturbed by other work (the median compared 568 ms against 1,146 ms on a loaded CI).
const fastest = (xs: number[]) => Math.min(...xs);

describe('login answers every account state in the same time, with the same error', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  const PENDING = '53040000017';
  // The times compared are the production KDF's: 15 ms against 2^17 is what the fix closed.
  useProductionPasswordCost();
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    // A participant account as the branch's first activation code leaves it: no password yet.
    await insertUser(deps.db, {
      username: PENDING,
      displayName: 'Peserta Menunggu Aktivasi',
      role: 'participant',
      scopeType: 'participant',
      scopeCode: PENDING,
      passwordHash: NO_PASSWORD_YET,
      createdAt: TEST_NOW,
    });
    await setDisabled(deps, consoleActor(), 'desa.fulur', true);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it(
    'pending activation, disabled and unknown accounts take about as long as a wrong password',
    SLOW,
    async () => {
      const states = {
        wrongPassword: 'dinas.belu',
        pendingActivation: PENDING,
        disabled: 'desa.fulur',
        unknown: 'tidak.pernah.ada',
      };
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(states).map((s) => [s, []]));
      const bodies = new Set<string>();
      let n = 0;
      // Interleaved rounds, each from its own address; 4 tries per account stay under its limit.
      for (let round = 0; round < 4; round++) {
        for (const [state, username] of Object.entries(states)) {
          const started = performance.now();
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password: 'bukan-kata-sandinya' },
            remoteAddress: `198.51.100.${++n}`,
          });
          times[state]!.push(performance.now() - started);
          expect(res.statusCode, `${state}: ${res.body}`).toBe(401);
          bodies.add(res.body);
        }
      }
      expect([...bodies]).toEqual([
        JSON.stringify({
          error: { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' },
        }),
      ]);
      const normal = fastest(times.wrongPassword!);
      for (const state of ['pendingActivation', 'disabled', 'unknown']) {
        // A generous factor: the machine may be busy, but 15 ms against a full KDF fails it.
        expect(
          fastest(times[state]!),
          `${state} vs wrong password (${normal.toFixed(0)} ms)`,
        ).toBeGreaterThan(normal * 0.5);
      }
    },
  );
});
