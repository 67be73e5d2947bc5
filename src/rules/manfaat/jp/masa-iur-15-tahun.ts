// Masa iur dihitung 15 tahun — Permenaker 29/2015: when a survivor or disability pension counts a
// masa iur under 15 years as 15 years, and the monthly formula on the months so counted.

import type { Explainer } from '../../explanation.ts';
import { formatBp } from '../../format.ts';
import { type Alasan, type Komponen, wajib } from '../types.ts';
import type { ManfaatJpInput } from './manfaat.ts';
import { manfaatBulanan } from './rumus.ts';

/**
 * The conditions under which a masa iur under 15 years counts as 15 years: membership of at least
 * N months and a payment density of at least D (for survivors Permenaker 29/2015 Pasal 26).
 */
export interface Syarat15Tahun {
  readonly membershipId: string;
  readonly densityId: string;
  readonly what: string;
}

export interface Keputusan15Tahun {
  /** Monthly pension (true) or the lump sum. */
  readonly pension: boolean;
  /** The masa iur the formula uses: the actual months, or 15 years when counted so. */
  readonly months: number;
  /** The legal basis of the counting rule (the membership parameter's reference). */
  readonly basis: string;
  readonly why: string;
  readonly whyEn: string;
}

export function dihitung15Tahun(
  ex: Explainer,
  input: ManfaatJpInput,
  minMonths: number,
  syarat: Syarat15Tahun,
): Keputusan15Tahun {
  const d = input.eventDate;
  const basis = ex.entry(syarat.membershipId, d).reference;
  let why = `Masa iur ${input.contributionMonths} bulan`;
  let whyEn = `Contribution period ${input.contributionMonths} months`;
  if (input.contributionMonths >= minMonths) {
    return { pension: true, months: input.contributionMonths, basis, why, whyEn };
  }
  const membership = wajib(input.membershipMonths, 'membershipMonths', syarat.what);
  const minMembership = ex.int(syarat.membershipId, d);
  why += `, kepesertaan ${membership} bulan (minimal ${minMembership})`;
  whyEn += `, membership ${membership} months (minimum ${minMembership})`;
  let pension = false;
  if (membership >= minMembership) {
    const density = wajib(
      input.paymentDensityBp,
      'paymentDensityBp',
      `${syarat.what} (kepesertaan ≥ 1 tahun)`,
    );
    const minDensity = ex.int(syarat.densityId, d);
    why += `, kepadatan iur ${formatBp(density)} (minimal ${formatBp(minDensity)})`;
    whyEn += `, payment density ${formatBp(density)} (minimum ${formatBp(minDensity)})`;
    pension = density >= minDensity;
  }
  if (pension) {
    why += `: masa iur dihitung ${minMonths} bulan`;
    whyEn += `: contribution period counted as ${minMonths} months`;
  }
  return { pension, months: pension ? minMonths : input.contributionMonths, basis, why, whyEn };
}

/** The formula on the counted masa iur, named and cited for the pension it is. */
export function pensiunBulanan(
  ex: Explainer,
  input: ManfaatJpInput,
  k: Keputusan15Tahun,
  reasons: Alasan[],
): Komponen {
  const formula = manfaatBulanan(ex, { ...input, contributionMonths: k.months }, reasons);
  const counted = k.months > input.contributionMonths ? `; ${k.basis}` : '';
  return { ...formula, basis: `${formula.basis}${counted}`, basisEn: `${formula.basisEn}${counted}` };
}
