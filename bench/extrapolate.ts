// The scale benchmark's extrapolation (issue 16 point 7): a growth curve fitted to the figures
// measured at a few sizes, and its value at a size not measured. It is an extrapolation, and
// says so: two sizes fit both curves exactly, and nothing measured says the growth stays so.

export interface Growth {
  /** 'linear': a + b·N; 'n log n': a + b·N·ln N. */
  model: 'linear' | 'n log n';
  a: number;
  b: number;
  /** Root mean square of the residuals over the measured points (0 with two points). */
  rms: number;
}

const SHAPES: Record<Growth['model'], (n: number) => number> = {
  linear: (n) => n,
  'n log n': (n) => n * Math.log(n),
};

/** Least squares of y = a + b·f(N) for each shape; the closer fit (linear on a tie); null below two sizes. */
export function fitGrowth(points: readonly { n: number; y: number }[]): Growth | null {
  if (new Set(points.map((p) => p.n)).size < 2) return null;
  let best: Growth | null = null;
  for (const [model, f] of Object.entries(SHAPES) as [Growth['model'], (n: number) => number][]) {
    const xs = points.map((p) => f(p.n));
    const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
    const my = points.reduce((s, p) => s + p.y, 0) / points.length;
    const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const b = xs.reduce((s, x, i) => s + (x - mx) * (points[i]!.y - my), 0) / sxx;
    const a = my - b * mx;
    const rms = Math.sqrt(xs.reduce((s, x, i) => s + (points[i]!.y - a - b * x) ** 2, 0) / xs.length);
    // A tie (two points fit both exactly) keeps the simpler curve, the first.
    if (!best || rms < best.rms - 1e-9 * Math.max(1, Math.abs(my))) best = { model, a, b, rms };
  }
  return best;
}

export function predict(g: Growth, n: number): number {
  return g.a + g.b * SHAPES[g.model](n);
}

export function formula(g: Growth, unit: string): string {
  const x = g.model === 'linear' ? 'N' : 'N·ln N';
  const sign = g.b < 0 ? '−' : '+';
  return `${g.a.toPrecision(3)} ${sign} ${Math.abs(g.b).toExponential(3)}·${x} ${unit}`;
}
