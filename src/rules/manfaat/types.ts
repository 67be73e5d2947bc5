// Shared shapes of the benefit (manfaat) rules.
import { AppError } from '../../errors.ts';
import type { Bilingual, Explainer, Explanation } from '../explanation.ts';
import { type Rupiah, sumRp } from '../money.ts';
import { labelKomponen } from './komponen-label.ts';

/** A benefit component as a rule computes it: its code, amount and basis (formula and law). */
export interface Komponen {
  readonly name: string;
  readonly amountRp: Rupiah;
  /** Bahasa Indonesia. */
  readonly basis: string;
  readonly basisEn: string;
}

/** A component in a result: with its label in both languages (from its code). */
export interface KomponenHasil extends Komponen {
  readonly label: Bilingual;
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
  readonly components: KomponenHasil[];
  readonly reasons: Alasan[];
  readonly explanation: Explanation;
}

export function hasil(
  ex: Explainer,
  eligible: boolean,
  components: Komponen[],
  reasons: Alasan[],
): ManfaatResult {
  const paid = eligible ? components.map((c) => ({ ...c, label: labelKomponen(c.name) })) : [];
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
