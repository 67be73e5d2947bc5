import { afterAll, beforeAll } from 'vitest';
import { TEST_COST_ENV } from '../../src/security/password.ts';

/**
 * Hash and verify at the production scrypt cost (N=2^17) in this file, from its first
 * beforeAll on: for the tests that time the KDF or check the hash a log-in upgrades to. The
 * integration projects lower the cost for everyone else (vitest.config.ts). Call it before the
 * file's own beforeAll, so the demo users are made at that cost too.
 */
export function useProductionPasswordCost(): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env[TEST_COST_ENV];
    delete process.env[TEST_COST_ENV];
  });
  afterAll(() => {
    if (saved !== undefined) process.env[TEST_COST_ENV] = saved;
  });
}

/** Runs `fn` at the production scrypt cost, then puts the file's cost back. */
export async function atProductionPasswordCost<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env[TEST_COST_ENV];
  delete process.env[TEST_COST_ENV];
  try {
    return await fn();
  } finally {
    if (saved !== undefined) process.env[TEST_COST_ENV] = saved;
  }
}
