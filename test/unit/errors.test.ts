import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_AREAS, ERROR_CATALOG, type ErrorCode, formatMessage } from '../../src/errors.ts';
import { tooMuch } from '../../src/services/enrolment-file/xlsx-limits.ts';
import { bulanTahun, monthYearEn } from '../../src/services/tanggal-id.ts';

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

  it('assembles the catalog from its areas with no code defined in two areas', () => {
    // A spread silently keeps only the last of two equal keys: the sizes would then differ.
    const areas = Object.values(ERROR_AREAS);
    const sum = areas.reduce((n, area) => n + Object.keys(area).length, 0);
    expect(Object.keys(Object.assign({}, ...areas)).length).toBe(sum);
    expect(codes.length).toBe(sum);
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

  it('fills {name} in English from nameEn when given, else from name; Indonesian never takes nameEn', () => {
    const params = {
      number: 'KLM/5304/2026/000001',
      reasonCode: 'NOT_COVERED',
      reason: 'Peserta tidak terlindungi pada tanggal kejadian.',
      reasonEn: 'The participant was not covered on the event date.',
    };
    const id = formatMessage('CLAIM_ALREADY_REFUSED', 'id', params);
    const en = formatMessage('CLAIM_ALREADY_REFUSED', 'en', params);
    expect(id).toContain(
      'KLM/5304/2026/000001 dengan alasan: Peserta tidak terlindungi pada tanggal kejadian.',
    );
    expect(id).not.toContain('The participant');
    expect(en).toContain(
      'KLM/5304/2026/000001 for this reason: The participant was not covered on the event date.',
    );
    expect(en).not.toContain('Peserta');
    for (const text of [id, en]) expect(text).not.toContain('NOT_COVERED');
    // Without an English variant the one value serves both languages (the claim number above).
    expect(formatMessage('REGION_NOT_FOUND', 'en', { code: '53.04.99', codeEn: '53.04.98' })).toBe(
      'Region 53.04.98 not found.',
    );
    expect(formatMessage('REGION_NOT_FOUND', 'id', { code: '53.04.99', codeEn: '53.04.98' })).toBe(
      'Wilayah 53.04.99 tidak ditemukan.',
    );
    // A placeholder with neither stays visible rather than vanishing.
    expect(formatMessage('REGION_NOT_FOUND', 'en', {})).toBe('Region {code} not found.');
  });

  it('names months in each language', () => {
    expect([bulanTahun('2026-01'), bulanTahun('2026-05'), bulanTahun('2025-12')]).toEqual([
      'Januari 2026',
      'Mei 2026',
      'Desember 2025',
    ]);
    expect([monthYearEn('2026-01'), monthYearEn('2026-05'), monthYearEn('2025-12')]).toEqual([
      'January 2026',
      'May 2026',
      'December 2025',
    ]);
  });

  it('names the spreadsheet cap that was hit in each language', () => {
    const e = tooMuch('cells', 3_200_320);
    expect(formatMessage(e.code, 'id', e.params)).toBe(
      'Isi berkas terlalu besar setelah dibuka: sel melebihi batas 3,200,320. Bagi menjadi beberapa berkas.',
    );
    expect(formatMessage(e.code, 'en', e.params)).toBe(
      'The file unpacks to too much: cells over the limit of 3,200,320. Split it into several files.',
    );
  });
});
