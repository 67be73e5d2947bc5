import { describe, expect, it } from 'vitest';
import {
  initials,
  maskAccount,
  maskName,
  maskNik,
  maskPerson,
  maskPersonal,
} from '../../src/privacy/mask.ts';

describe('personal data masking', () => {
  it('keeps only the regency code and last two digits of a NIK: the district and DDMMYY are hidden', () => {
    expect(maskNik('5304014506900001')).toBe('5304**********01');
  });
  it('masks birth date and sex beside a masked NIK (they are its digits 7-12)', () => {
    const row = {
      nik: '5304014506900001',
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      kpj: '1',
    };
    expect(maskPerson(row)).toEqual({
      nik: '5304**********01',
      fullName: 'M**** B***',
      birthDate: '****-**-**',
      sex: '*',
      kpj: '1',
    });
    expect(maskPersonal({ nik: '5304014506900001', birth_date: '1990-06-05', sex: 'P' })).toEqual({
      nik: '5304**********01',
      birth_date: '****-**-**',
      sex: '*',
    });
  });
  it('gives only initials to a public answer', () => {
    expect(initials('Maria goreti  Bere')).toBe('M. G. B.');
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
      nik: '5304**********01',
      name: 'Y****** M**',
      heir: { fullName: 'A*** M**', bankAccount: '******7890' },
      role: 'participant',
    });
  });
});
