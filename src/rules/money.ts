// Money is integer rupiah. Every rounding is a named function; every rule says which one it uses.
// Products are taken in BigInt so that upah × rate never loses precision past 2^53.
import { AppError } from '../errors.ts';

export type Rupiah = number & { readonly __brand: 'Rupiah' };

/** The guard at every boundary: a rupiah amount is a safe, non-negative integer. */
export function rp(amount: number, field = 'amount'): Rupiah {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new AppError('VALIDATION_FAILED', {
      detail: `${field} harus bilangan bulat rupiah ≥ 0 / must be a whole rupiah amount ≥ 0 (${amount})`,
    });
  }
  return amount as Rupiah;
}

function toRupiah(value: bigint): Rupiah {
  return rp(Number(value));
}

/** numerator / denominator, halves rounded up (non-negative operands). */
export function roundHalfUpRp(numerator: bigint, denominator: bigint): Rupiah {
  return toRupiah((numerator * 2n + denominator) / (denominator * 2n));
}

/** numerator / denominator, rounded down to the rupiah. */
export function floorRp(numerator: bigint, denominator: bigint): Rupiah {
  return toRupiah(numerator / denominator);
}

/** numerator / denominator, rounded down to the hundred rupiah (JP wage cap, PP 45/2015 Pasal 29). */
export function floorToHundredRp(numerator: bigint, denominator: bigint): Rupiah {
  return toRupiah((numerator / (denominator * 100n)) * 100n);
}

export type Rounding = (numerator: bigint, denominator: bigint) => Rupiah;

/** A rate as an exact fraction: basis points are n/10 000, per-100 000 units are n/100 000. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
}

export const bp = (rateBp: number): Rate => ({ numerator: rateBp, denominator: 10_000 });
export const per100k = (rate: number): Rate => ({ numerator: rate, denominator: 100_000 });

/** amount × rate₁ × rate₂ × … with a single rounding at the end. */
export function applyRates(amount: Rupiah, rates: readonly Rate[], round: Rounding): Rupiah {
  let num = BigInt(amount);
  let den = 1n;
  for (const r of rates) {
    num *= BigInt(r.numerator);
    den *= BigInt(r.denominator);
  }
  return round(num, den);
}

export function timesRp(amount: Rupiah, factor: number): Rupiah {
  return toRupiah(BigInt(amount) * BigInt(factor));
}

export function sumRp(amounts: readonly Rupiah[]): Rupiah {
  return toRupiah(amounts.reduce((acc, a) => acc + BigInt(a), 0n));
}

export function minRp(a: Rupiah, b: Rupiah): Rupiah {
  return (a < b ? a : b) as Rupiah;
}

export function maxRp(a: Rupiah, b: Rupiah): Rupiah {
  return (a > b ? a : b) as Rupiah;
}
