import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from '../../src/security/password-policy.ts';

const codeOf = (password: string, inputs: string[] = []) => {
  try {
    checkPasswordPolicy(password, inputs);
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('password policy (ASVS 4.0 L2, 2.1)', () => {
  it('needs at least 12 characters and allows up to 128, counted in characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(codeOf('pendek-sekl')).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf('jagung bakar manis')).toBe('ok');
    expect(codeOf('x'.repeat(129))).toBe('PASSWORD_TOO_SHORT');
    // Eleven emoji are eleven characters, not 22 UTF-16 units.
    expect(codeOf('🌽'.repeat(11))).toBe('PASSWORD_TOO_SHORT');
  });
  it('refuses breached and common passwords of 12 characters or more', () => {
    for (const p of [
      'password1234',
      'qwertyuiop12',
      'aaaaaaaaaaaa',
      'Password123!',
      'admin1234567',
      '123456789012',
    ]) {
      expect(codeOf(p), p).toBe('PASSWORD_TOO_COMMON');
    }
  });
  it('refuses a password built on the username', () => {
    expect(codeOf('supervisor.atambua1', ['supervisor.atambua', 'Supervisor KC Atambua'])).toBe(
      'PASSWORD_TOO_COMMON',
    );
  });
  it('accepts a passphrase and any characters, without composition rules', () => {
    expect(codeOf('kopi tubruk di pagi hari')).toBe('ok');
    expect(codeOf('sawah hijau di atambua', ['desa.kewar'])).toBe('ok');
    expect(codeOf('lindung-demo', ['admin', 'Administrator Sistem'])).toBe('ok');
  });
});
