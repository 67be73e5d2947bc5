import { describe, expect, it } from 'vitest';
import { fitGrowth, formula, predict } from '../../bench/extrapolate.ts';

// The scale benchmark's growth curve (issue 16 point 7): the closer of a + b·N and a + b·N·ln N.

describe('fitGrowth', () => {
  it('needs two distinct sizes', () => {
    expect(fitGrowth([])).toBeNull();
    expect(fitGrowth([{ n: 1000, y: 1 }])).toBeNull();
    expect(
      fitGrowth([
        { n: 1000, y: 1 },
        { n: 1000, y: 2 },
      ]),
    ).toBeNull();
  });

  it('keeps the linear curve when two points fit both exactly', () => {
    const g = fitGrowth([
      { n: 1_000_000, y: 10 },
      { n: 3_000_000, y: 28 },
    ])!;
    expect(g.model).toBe('linear');
    expect(g.rms).toBeCloseTo(0, 9);
    expect(predict(g, 42_000_000)).toBeCloseTo(1 + 9e-6 * 42_000_000, 6);
    expect(formula(g, 's')).toBe('1.00 + 9.000e-6·N s');
  });

  it('chooses N·ln N for points on that curve, and linear for points on a line', () => {
    const sizes = [1e6, 3e6, 1e7];
    const nlogn = fitGrowth(sizes.map((n) => ({ n, y: 2 + 1e-7 * n * Math.log(n) })))!;
    expect(nlogn.model).toBe('n log n');
    expect(predict(nlogn, 42e6)).toBeCloseTo(2 + 1e-7 * 42e6 * Math.log(42e6), 6);
    const line = fitGrowth(sizes.map((n) => ({ n, y: 5 + 3e-6 * n })))!;
    expect(line.model).toBe('linear');
    expect(predict(line, 42e6)).toBeCloseTo(5 + 3e-6 * 42e6, 6);
  });

  it('writes a falling curve with a minus sign', () => {
    const g = fitGrowth([
      { n: 1e6, y: 10 },
      { n: 2e6, y: 8 },
    ])!;
    expect(formula(g, 'ms')).toBe('12.0 − 2.000e-6·N ms');
  });
});
