import { describe, expect, it } from 'vitest';
import { terbilang, terbilangRupiah } from '../../src/services/terbilang.ts';

describe('terbilang: amounts in Indonesian words', () => {
  it.each([
    [0, 'nol rupiah'],
    [1, 'satu rupiah'],
    [10, 'sepuluh rupiah'],
    [11, 'sebelas rupiah'],
    [12, 'dua belas rupiah'],
    [19, 'sembilan belas rupiah'],
    [20, 'dua puluh rupiah'],
    [99, 'sembilan puluh sembilan rupiah'],
    [100, 'seratus rupiah'],
    [111, 'seratus sebelas rupiah'],
    [999, 'sembilan ratus sembilan puluh sembilan rupiah'],
    [1_000, 'seribu rupiah'],
    [1_100, 'seribu seratus rupiah'],
    [2_000, 'dua ribu rupiah'],
    [11_000, 'sebelas ribu rupiah'],
    [100_000, 'seratus ribu rupiah'],
    [16_800, 'enam belas ribu delapan ratus rupiah'],
    [201_600, 'dua ratus satu ribu enam ratus rupiah'],
    [1_000_000, 'satu juta rupiah'],
    [1_001_000, 'satu juta seribu rupiah'],
    [42_000_000, 'empat puluh dua juta rupiah'],
    [1_000_000_000, 'satu miliar rupiah'],
    [28_700_000_000, 'dua puluh delapan miliar tujuh ratus juta rupiah'],
    [2_000_000_000_001, 'dua triliun satu rupiah'],
  ])('%i → %s', (n, words) => {
    expect(terbilangRupiah(n)).toBe(words);
  });

  it('says "minus" before a negative amount (a credit note)', () => {
    expect(terbilang(-16_800)).toBe('minus enam belas ribu delapan ratus');
  });

  it('refuses fractions and unsafe integers instead of guessing', () => {
    expect(() => terbilang(1.5)).toThrow(RangeError);
    expect(() => terbilang(2 ** 53)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });
});
