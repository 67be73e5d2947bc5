// Shared shapes of the benefit (manfaat) rules.
import { AppError } from '../../errors.ts';
import type { Explainer, Explanation } from '../explanation.ts';
import { type Rupiah, sumRp } from '../money.ts';

export interface Komponen {
  readonly name: string;
  readonly amountRp: Rupiah;
  readonly basis: string;
}

/** Why a claim is (not) eligible or how it was decided, in both languages. */
export interface Alasan {
  readonly code: string;
  readonly id: string;
  readonly en: string;
}

export interface ManfaatResult {
  readonly eligible: boolean;
  readonly totalRp: Rupiah;
  readonly components: Komponen[];
  readonly reasons: Alasan[];
  readonly explanation: Explanation;
}

export function hasil(
  ex: Explainer,
  eligible: boolean,
  components: Komponen[],
  reasons: Alasan[],
): ManfaatResult {
  const paid = eligible ? components : [];
  return {
    eligible,
    totalRp: sumRp(paid.map((c) => c.amountRp)),
    components: paid,
    reasons,
    explanation: ex.explanation(),
  };
}

export function alasan(code: string, id: string, en: string): Alasan {
  return { code, id, en };
}

/** A field the chosen programme or case needs. */
export function wajib<T>(value: T | undefined, field: string, why: string): T {
  if (value === undefined)
    throw new AppError('VALIDATION_FAILED', { detail: `${field}: wajib untuk ${why} / required for ${why}` });
  return value;
}
