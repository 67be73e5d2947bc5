import { describe, expect, it } from 'vitest';
import { formatRp } from '../../src/rules/format.ts';
import {
  displayDate,
  formatCount,
  formatDate,
  formatDateShort,
  formatPeriod,
  formatRupiah,
} from '../../web/src/format.ts';
import { budgetChartRows, isOverBudget, searchPayers } from '../../web/src/pages/dashboards/budget-chart.ts';

describe('web display formats', () => {
  it('writes money one way, in both languages and on the server: Rp 42.000.000', () => {
    expect(formatRupiah(28_700_000_000, 'id')).toBe('Rp 28.700.000.000');
    expect(formatRupiah(28_700_000_000, 'en')).toBe('Rp 28.700.000.000');
    expect(formatRupiah(-5000, 'id')).toBe('-Rp 5.000');
    expect(formatRupiah(0, 'en')).toBe('Rp 0');
    // The server's texts (claim explanations, billing bases, documents) use the same format.
    for (const n of [0, 999, 1000, 42_000_000, 28_700_000_000, -16_800]) {
      expect(formatRp(n)).toBe(formatRupiah(n, 'id'));
    }
    expect(formatCount(64_139, 'id')).toBe('64.139');
    expect(formatCount(64_139, 'en')).toBe('64,139');
  });
  it('refuses fractional money', () => {
    expect(() => formatRupiah(1.5, 'id')).toThrow(RangeError);
  });
  it('shows calendar dates and periods without time-zone shifts', () => {
    expect(formatDate('2023-05-22', 'id')).toBe('22 Mei 2023');
    expect(formatDate('2023-05-22', 'en')).toBe('22 May 2023');
    expect(formatPeriod('2023-05', 'id')).toBe('Mei 2023');
    expect(() => formatDate('2023-02-30', 'id')).toThrow(RangeError);
    expect(() => formatPeriod('2023-13', 'id')).toThrow(RangeError);
  });
  it('writes compact dates dd/mm/yyyy and never throws while rendering', () => {
    expect(formatDateShort('2023-05-22')).toBe('22/05/2023');
    expect(() => formatDateShort('2023-02-30')).toThrow(RangeError);
    expect(displayDate('2023-05-22', 'id')).toBe('22 Mei 2023');
    expect(displayDate('2023-05-22T10:00:00Z', 'en')).toBe('22 May 2023');
    expect(displayDate('1990-01-05', 'en', true)).toBe('05/01/1990');
    expect(displayDate(null, 'id')).toBe('–');
    expect(displayDate('5-1-1990', 'id')).toBe('5-1-1990');
  });
});

describe('the budget chart picks a bounded set of payers', () => {
  const payer = (i: number, allocatedRp: number, committedRp: number) => ({
    payerName: `Pemerintah Desa ${String.fromCharCode(65 + (i % 26))}${i}`,
    allocatedRp,
    committedRp,
    usedRp: 0,
  });
  // 58 villages, none with a pagu (Rp 0): not one of them is over budget.
  const unset = Array.from({ length: 58 }, (_, i) => payer(i, 0, 1_000 * (i + 1)));

  it('treats a pagu of Rp 0 as not set, never as over', () => {
    expect(unset.filter(isOverBudget)).toEqual([]);
    expect(isOverBudget(payer(1, 10_000, 10_001))).toBe(true);
    expect(isOverBudget(payer(1, 10_000, 10_000))).toBe(false);
  });
  it('shows the ten largest by committed money and every payer over its pagu, at most twenty', () => {
    const rows = budgetChartRows(unset);
    expect(rows.map((r) => r.committedRp)).toEqual(Array.from({ length: 10 }, (_, i) => 1_000 * (58 - i)));
    const over = payer(99, 100, 500); // small, but over its pagu
    expect(budgetChartRows([...unset, over]).at(-1)).toBe(over);
    const manyOver = Array.from({ length: 30 }, (_, i) => payer(i, 1, 2 + i));
    expect(budgetChartRows(manyOver)).toHaveLength(20);
  });
  it('searches payers by name, ignoring case and accents', () => {
    const all = [payer(0, 0, 1), { ...payer(1, 0, 1), payerName: 'Pemerintah Desa Sesekoé' }];
    expect(searchPayers(all, 'sesekoe').map((p) => p.payerName)).toEqual(['Pemerintah Desa Sesekoé']);
    expect(searchPayers(all, '  ')).toHaveLength(2);
  });
});
