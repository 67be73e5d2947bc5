import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  dummyHash,
  hashPassword,
  needsRehash,
  PRODUCTION_COST,
  passwordCost,
  TEST_COST_ENV,
  verifyPassword,
} from '../../src/security/password.ts';

// scrypt at N=2^17 takes most of a second per hash on a busy machine.
const SLOW = { timeout: 60_000 };

/** A hash as the code before issue 14 made them: N=2^15. */
function oldHash(password: string): string {
  const salt = Buffer.alloc(16, 7);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, {
    N: 2 ** 15,
    r: 8,
    p: 1,
    maxmem: 64 * 1024 * 1024,
  });
  return `$scrypt$n=32768,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe('password hashing (scrypt)', () => {
  it('hashes at N=2^17 in every deployment: the test-only lower cost needs NODE_ENV=test', () => {
    // This project runs without the lower cost (vitest.config.ts gives it to the integration suites).
    expect(process.env[TEST_COST_ENV]).toBeUndefined();
    expect(passwordCost()).toEqual({ n: 2 ** 17, r: 8, p: 1 });
    expect(PRODUCTION_COST).toEqual({ n: 131072, r: 8, p: 1 });
    for (const NODE_ENV of [undefined, 'production', 'development', 'TEST'])
      expect(passwordCost({ NODE_ENV, [TEST_COST_ENV]: '1024' })).toEqual(PRODUCTION_COST);
    // Under a test run: only a power of two from 2^10 below 2^17 lowers it.
    expect(passwordCost({ NODE_ENV: 'test', [TEST_COST_ENV]: '1024' })).toEqual({ n: 1024, r: 8, p: 1 });
    for (const n of ['512', '1000', '262144', '131072', 'abc', ''])
      expect(passwordCost({ NODE_ENV: 'test', [TEST_COST_ENV]: n })).toEqual(PRODUCTION_COST);
    expect(dummyHash()).toMatch(/^\$scrypt\$n=131072,r=8,p=1\$/);
  });
  it(
    'hashes at the OWASP setting (N=2^17, r=8, p=1), verifies the right password, refuses a wrong one',
    SLOW,
    async () => {
      const h = await hashPassword('kata-sandi-rahasia');
      expect(h).toMatch(/^\$scrypt\$n=131072,r=8,p=1\$/);
      expect(await verifyPassword('kata-sandi-rahasia', h)).toBe(true);
      expect(await verifyPassword('kata-sandi-rahasiA', h)).toBe(false);
      expect(needsRehash(h)).toBe(false);
    },
  );
  it('salts: the same password hashes differently', SLOW, async () => {
    expect(await hashPassword('sama-sama-saja')).not.toBe(await hashPassword('sama-sama-saja'));
  });
  it('still verifies a hash made with the old parameters, and asks for it to be upgraded', SLOW, async () => {
    const h = oldHash('kata-sandi-lama-sekali');
    expect(await verifyPassword('kata-sandi-lama-sekali', h)).toBe(true);
    expect(await verifyPassword('kata-sandi-lain-sekali', h)).toBe(false);
    expect(needsRehash(h)).toBe(true);
    expect(needsRehash('!activation-pending')).toBe(false);
  });
  it('never verifies anything against the dummy hash or garbage', SLOW, async () => {
    expect(await verifyPassword('', dummyHash())).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', '$scrypt$n=1099511627776,r=8,p=1$AAAA$AAAA')).toBe(false);
  });
  it(
    'spends a full KDF on a stored value that is not a hash (an account waiting for activation)',
    SLOW,
    async () => {
      const timed = async (stored: string) => {
        const t0 = performance.now();
        await verifyPassword('tebakan-apa-saja', stored);
        return performance.now() - t0;
      };
      // Interleaved, the fastest of three each: a busy machine only adds time to a try.
      const dummy: number[] = [];
      const marker: number[] = [];
      for (let i = 0; i < 3; i++) {
        dummy.push(await timed(dummyHash()));
        marker.push(await timed('!activation-pending'));
      }
      expect(Math.min(...marker)).toBeGreaterThan(Math.min(...dummy) * 0.4);
    },
  );
});
