import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOG, type ErrorCode, formatMessage } from '../../src/errors.ts';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('error catalog', () => {
  const codes = Object.keys(ERROR_CATALOG) as ErrorCode[];

  it.each(codes)('%s has a status, both languages and a line in docs/errors.md', (code) => {
    const e = ERROR_CATALOG[code];
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.id.trim().length).toBeGreaterThan(5);
    expect(e.en.trim().length).toBeGreaterThan(5);
    expect(e.id).not.toBe(e.en);
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\| ${e.status} \\|`, 'm'));
  });

  it('names every placeholder the same way in both languages', () => {
    for (const code of codes) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(ERROR_CATALOG[code].id), code).toEqual(names(ERROR_CATALOG[code].en));
    }
  });

  it('documents no code that no longer exists', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...codes].sort());
  });

  it('fills placeholders and keeps the code on the error', () => {
    const e = new AppError('REGION_NOT_FOUND', { code: '53.04.99' });
    expect(e.localized('id')).toBe('Wilayah 53.04.99 tidak ditemukan.');
    expect(e.localized('en')).toBe('Region 53.04.99 not found.');
    expect(e.status).toBe(404);
    expect(formatMessage('LOGIN_THROTTLED', 'en', { minutes: 15 })).toContain('15 minutes');
  });
});
