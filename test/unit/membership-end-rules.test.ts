import { describe, expect, it } from 'vitest';
import { akhirDariKlaim, alasanCocok } from '../../src/rules/keanggotaan/akhir.ts';
import type { JenisKlaim } from '../../src/rules/klaim/jenis.ts';

const paid = (program: string, kind: string, extra: { reason?: string; terminationDate?: string } = {}) =>
  akhirDariKlaim({ jenis: { program, kind } as JenisKlaim, eventDate: '2026-12-20', ...extra });

describe('which paid claims end memberships (src/rules/keanggotaan/akhir.ts)', () => {
  it('a death ends every membership of the person from the death date', () => {
    for (const [program, kind] of [
      ['JKM', 'kematian'],
      ['JKK', 'kematian'],
      ['JP', 'kematian'],
    ])
      expect(paid(program!, kind!)).toEqual({ alasan: 'death', tanggal: '2026-12-20', lingkup: 'person' });
    expect(paid('JHT', 'penuh', { reason: 'death' })).toEqual({
      alasan: 'death',
      tanggal: '2026-12-20',
      lingkup: 'person',
    });
  });

  it('full JHT, JP old-age and JKP end the claim’s membership; termination from the PHK date', () => {
    expect(paid('JHT', 'penuh', { reason: 'retirement_age' })).toEqual({
      alasan: 'retirement_age',
      tanggal: '2026-12-20',
      lingkup: 'membership',
    });
    expect(paid('JHT', 'penuh', { reason: 'resignation', terminationDate: '2026-11-30' })).toEqual({
      alasan: 'termination',
      tanggal: '2026-11-30',
      lingkup: 'membership',
    });
    expect(paid('JP', 'hari_tua')).toMatchObject({ alasan: 'retirement_age', lingkup: 'membership' });
    expect(paid('JKP', 'uang_tunai', { terminationDate: '2026-12-01' })).toEqual({
      alasan: 'termination',
      tanggal: '2026-12-01',
      lingkup: 'membership',
    });
  });

  it('benefits paid while the membership goes on end nothing', () => {
    for (const [program, kind] of [
      ['JKM', 'beasiswa'],
      ['JKK', 'cacat_sebagian'],
      ['JKK', 'cacat_total_tetap'],
      ['JKK', 'stmb'],
      ['JHT', 'sebagian_10'],
      ['JHT', 'sebagian_30'],
    ])
      expect(paid(program!, kind!)).toBeNull();
  });

  it('a move takes the reason moved_away only', () => {
    expect(alasanCocok('move', 'moved_away')).toBe(true);
    expect(alasanCocok('move', 'death')).toBe(false);
    expect(alasanCocok('exit', 'moved_away')).toBe(true);
  });
});
