// Hasil pengembangan JHT: a year's return on a participant's JHT balance. The rate is data — the
// figure BPJS Ketenagakerjaan announces for the year, entered by a supervisor — never a constant
// here. What is fixed here is how the rate applies: to the balance carried into the year for
// twelve months, and to each movement of the year for the whole months left after its month
// (money credited in March earns April–December: 9 months; in December: none), as a simple
// yearly rate. One rounding at the end, down to the rupiah (floorRp): the account is never
// credited a fraction of a rupiah it did not earn.
import { floorRp, type Rupiah } from '../../money.ts';

export interface JhtYearMovement {
  /** Month of the year the movement counts from, 1–12. */
  readonly month: number;
  /** Signed rupiah: contributions and reversals positive (adjustments may be negative), withdrawals negative. */
  readonly amountRp: number;
}

export interface JhtReturnInput {
  /** Balance at the end of the previous year (all entries dated before 1 January). */
  readonly openingBalanceRp: number;
  readonly movements: readonly JhtYearMovement[];
  /** The announced yearly rate in basis points (1 bp = 0.01%). */
  readonly rateBp: number;
}

/** Balance × months earning interest: opening × 12 + Σ movement × (12 − month). */
export function jhtBalanceMonths(openingBalanceRp: number, movements: readonly JhtYearMovement[]): bigint {
  let total = BigInt(openingBalanceRp) * 12n;
  for (const m of movements) {
    if (!Number.isInteger(m.month) || m.month < 1 || m.month > 12) throw new RangeError(`month ${m.month}`);
    total += BigInt(m.amountRp) * BigInt(12 - m.month);
  }
  return total;
}

/**
 * The return from the balance-months: rate_bp / 10 000 × balance-months / 12, rounded down to
 * the rupiah; nothing when the balance-months are not positive.
 */
export function jhtReturnFromBalanceMonths(balanceMonthsRp: bigint, rateBp: number): Rupiah {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`rate ${rateBp} bp`);
  if (balanceMonthsRp <= 0n) return floorRp(0n, 1n);
  return floorRp(balanceMonthsRp * BigInt(rateBp), 10_000n * 12n);
}

export function jhtYearReturn(input: JhtReturnInput): Rupiah {
  return jhtReturnFromBalanceMonths(jhtBalanceMonths(input.openingBalanceRp, input.movements), input.rateBp);
}
