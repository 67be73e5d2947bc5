// Plain-text formatting used inside explanations (no Intl: rules stay dependency-free and exact).
// Display formatting for people (dates as "22 Mei 2023") lives in src/services/explain-calculation.ts.

/**
 * 28700000000 → "Rp 28.700.000.000"; a credit → "-Rp 16.800". The one money format of every
 * server text (explanations, bases, documents, the CLI), the same as the web's formatRupiah.
 */
export function formatRp(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}

/** A fraction n/denominator as a percentage with a decimal comma: (174, 10 000) → "1,74%". */
export function formatRate(numerator: number, denominator: number): string {
  const scale = denominator / 100;
  const whole = Math.floor(numerator / scale);
  const frac = String(numerator % scale)
    .padStart(String(scale).length - 1, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `,${frac}` : ''}%`;
}

export const formatBp = (rateBp: number): string => formatRate(rateBp, 10_000);
