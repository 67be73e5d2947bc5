import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src/security/password.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('kata-sandi-rahasia');
    expect(h).toMatch(/^\$scrypt\$n=32768,r=8,p=1\$/);
    expect(await verifyPassword('kata-sandi-rahasia', h)).toBe(true);
    expect(await verifyPassword('kata-sandi-rahasiA', h)).toBe(false);
  });
  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('sama-sama-saja')).not.toBe(await hashPassword('sama-sama-saja'));
  });
  it('never verifies anything against the dummy hash or garbage', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
