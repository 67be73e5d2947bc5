import { describe, expect, it } from 'vitest';
import { maskAccount, maskName, maskNik, maskPersonal } from '../../src/privacy/mask.ts';

describe('personal data masking', () => {
  it('keeps the region prefix and last two digits of a NIK', () => {
    expect(maskNik('5304014506900001')).toBe('530401********01');
  });
  it('keeps only initials of names and the last 4 digits of an account', () => {
    expect(maskName('Maria Goreti  Bere')).toBe('M**** G***** B***');
    expect(maskAccount('0123 4567 8901')).toBe('********8901');
  });
  it('masks nested records and drops secrets entirely', () => {
    const out = maskPersonal({
      nik: '5304014506900001',
      name: 'Yohanes Mau',
      heir: { fullName: 'Anna Mau', bankAccount: '1234567890' },
      passwordHash: '$scrypt$…',
      role: 'participant',
    });
    expect(out).toEqual({
      nik: '530401********01',
      name: 'Y****** M**',
      heir: { fullName: 'A*** M**', bankAccount: '******7890' },
      role: 'participant',
    });
  });
});
