import { describe, expect, it } from 'vitest';
import { splitPopulation } from '../../bench/mixed-split.ts';

describe('billing benchmark: the mixed population split', () => {
  it('gives each group its share of a million exactly', () => {
    expect(splitPopulation(1_000_000)).toEqual({
      pu: 300_000,
      village: 350_000,
      bpuAgent: 150_000,
      bpuPersonal: 150_000,
      jakon: 50_000,
    });
  });

  it('hands the rounding remainder to the largest remainders, so the groups add up to the total', () => {
    // 7 × 300‰ = 2.1, × 350‰ = 2.45, × 150‰ = 1.05 (twice), × 50‰ = 0.35: 2 + 2 + 1 + 1 + 0 = 6,
    // the seventh to the village group (remainder 0.45 is the largest).
    expect(splitPopulation(7)).toEqual({ pu: 2, village: 3, bpuAgent: 1, bpuPersonal: 1, jakon: 0 });
    for (const total of [1, 3, 19, 20_001, 999_999]) {
      const s = splitPopulation(total);
      expect(Object.values(s).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});
