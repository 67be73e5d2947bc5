import { describe, expect, it } from 'vitest';
import { jhtBalanceMonths, jhtYearReturn } from '../../src/rules/manfaat/jht/hasil-pengembangan.ts';

// The rate values below are arbitrary test inputs, not BPJS announcements.
describe('JHT yearly return (hasil pengembangan) from the year’s entries and a rate', () => {
  it('pays the full rate on a balance carried all year', () => {
    // 10,000,000 × 5.00% = 500,000
    expect(jhtYearReturn({ openingBalanceRp: 10_000_000, movements: [], rateBp: 500 })).toBe(500_000);
  });

  it('weights each movement by the whole months left after its month', () => {
    // March credit 285,000 earns 9 months; December credit earns none; a July withdrawal of
    // 1,000,000 stops earning for 5 months.
    const movements = [
      { month: 3, amountRp: 285_000 },
      { month: 12, amountRp: 285_000 },
      { month: 7, amountRp: -1_000_000 },
    ];
    expect(jhtBalanceMonths(2_000_000, movements)).toBe(2_000_000n * 12n + 285_000n * 9n - 1_000_000n * 5n);
    // (24,000,000 + 2,565,000 − 5,000,000) × 0.0525 / 12 = 94,346.875 → 94,346 (rounded down)
    expect(jhtYearReturn({ openingBalanceRp: 2_000_000, movements, rateBp: 525 })).toBe(94_346);
  });

  it('rounds down to the rupiah, never up', () => {
    // 100 × 12 × 0.0001 / 12 = 0.01 → 0; 19,999 × 1% = 199.99 → 199
    expect(jhtYearReturn({ openingBalanceRp: 100, movements: [], rateBp: 1 })).toBe(0);
    expect(jhtYearReturn({ openingBalanceRp: 19_999, movements: [], rateBp: 100 })).toBe(199);
  });

  it('gives nothing on an emptied account or a zero rate, and refuses a rate outside 0–100%', () => {
    expect(
      jhtYearReturn({
        openingBalanceRp: 1_000_000,
        movements: [{ month: 1, amountRp: -1_000_000 }],
        rateBp: 500,
      }),
    ).toBe(Math.floor(((1_000_000 * 12 - 1_000_000 * 11) * 0.05) / 12));
    expect(jhtYearReturn({ openingBalanceRp: 5_000_000, movements: [], rateBp: 0 })).toBe(0);
    expect(
      jhtYearReturn({ openingBalanceRp: 0, movements: [{ month: 6, amountRp: -10 }], rateBp: 500 }),
    ).toBe(0);
    expect(() => jhtYearReturn({ openingBalanceRp: 1, movements: [], rateBp: 10_001 })).toThrow(RangeError);
    expect(() => jhtBalanceMonths(1, [{ month: 13, amountRp: 1 }])).toThrow(RangeError);
  });
});
