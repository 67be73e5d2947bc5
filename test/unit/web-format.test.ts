import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatPeriod, formatRupiah } from '../../web/src/format.ts';

describe('web display formats', () => {
  it('shows rupiah with id-ID and en grouping', () => {
    expect(formatRupiah(28_700_000_000, 'id')).toBe('Rp 28.700.000.000');
    expect(formatRupiah(28_700_000_000, 'en')).toBe('Rp 28,700,000,000');
    expect(formatRupiah(-5000, 'id')).toBe('-Rp 5.000');
    expect(formatCount(64_139, 'id')).toBe('64.139');
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
});
