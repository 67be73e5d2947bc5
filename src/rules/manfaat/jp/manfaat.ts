// Manfaat JP — PP 45/2015; Permenaker 29/2015 (fact sheet §3.4).

import { AppError } from '../../../errors.ts';
import type { IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { maxRp, minRp, type Rupiah, roundHalfUpRp } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Alasan, alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import { batasPendaftaranJp, tanggalMencapaiUsiaPensiun } from './usia-pensiun.ts';

export interface ManfaatJpInput {
  /** The claim date (or date of death for reason 'death'). */
  readonly eventDate: IsoDate;
  readonly reason?: 'retirement' | 'death';
  readonly birthDate?: IsoDate;
  readonly contributionMonths: number;
  readonly averageIndexedWageRp?: Rupiah;
  /** Accumulated JP contributions + returns, for the lump sum. */
  readonly balanceRp?: Rupiah;
  readonly membershipMonths?: number;
  readonly paymentDensityBp?: number;
  /** Death: who receives the survivor pension (PP 45/2015 Pasal 16: janda/duda, anak, orang tua). */
  readonly survivor?: PenerimaAhliWaris;
}

/** The survivor pensions of PP 45/2015 Pasal 16 c–e, the keys of jp.manfaat_ahli_waris_persen. */
export const PENERIMA_AHLI_WARIS = ['janda_duda', 'anak', 'orang_tua'] as const;
export type PenerimaAhliWaris = (typeof PENERIMA_AHLI_WARIS)[number];

/** 1 % × (masa iur / 12) × average indexed wage, within the min/max in force where known. */
function manfaatBulanan(ex: Explainer, input: ManfaatJpInput, reasons: Alasan[]): Komponen {
  const d = input.eventDate;
  const wage = wajib(input.averageIndexedWageRp, 'averageIndexedWageRp', 'manfaat pensiun bulanan');
  const pct = ex.int('jp.manfaat_persen_per_tahun', d);
  let amount = roundHalfUpRp(BigInt(wage) * BigInt(input.contributionMonths) * BigInt(pct), 12n * 10_000n);
  const formula = `1% × ${input.contributionMonths}/12 × ${formatRp(wage)} = ${formatRp(amount)}`;
  const min = ex.maybe<number>('jp.manfaat_minimum', d);
  const max = ex.maybe<number>('jp.manfaat_maksimum', d);
  if (min !== null) amount = maxRp(amount, min as Rupiah);
  if (max !== null) amount = minRp(amount, max as Rupiah);
  if (min === null || max === null) {
    reasons.push(
      alasan(
        'jp_batas_tidak_diketahui',
        'Batas manfaat minimum/maksimum pada tanggal ini belum dikonfirmasi; tidak diterapkan.',
        'The minimum/maximum benefit on this date is unconfirmed and was not applied.',
      ),
    );
  }
  const range = `${min === null ? '?' : formatRp(min)} – ${max === null ? '?' : formatRp(max)}`;
  return {
    name: 'manfaat_pensiun_bulanan',
    amountRp: amount,
    basis: `${formula}; batas ${range} — PP 45/2015`,
    basisEn: `${formula}; bounds ${range} — PP 45/2015`,
  };
}

function sekaligus(input: ManfaatJpInput): Komponen {
  const balance = wajib(input.balanceRp, 'balanceRp', 'manfaat JP sekaligus (masa iur < 15 tahun)');
  return {
    name: 'manfaat_pensiun_sekaligus',
    amountRp: balance,
    basis: 'akumulasi iuran + hasil pengembangan — PP 45/2015',
    basisEn: 'accumulated contributions + returns — PP 45/2015',
  };
}

/**
 * Survivor pension: the formula on the masa iur (counted as 15 years under Permenaker 29/2015
 * Pasal 26) times the survivor's percentage. The percentages are unconfirmed in the fact sheet
 * (§3.4): until an administrator sets them this throws PARAMETER_VALUE_UNKNOWN rather than guess.
 */
function pensiunAhliWaris(
  ex: Explainer,
  input: ManfaatJpInput,
  minMonths: number,
  reasons: Alasan[],
): Komponen {
  const d = input.eventDate;
  const survivor = wajib(input.survivor, 'survivor', 'pensiun ahli waris (janda_duda, anak, orang_tua)');
  const table = ex.value<Record<string, number>>('jp.manfaat_ahli_waris_persen', d);
  const pct = table[survivor];
  if (pct === undefined)
    throw new AppError('PARAMETER_VALUE_UNKNOWN', {
      rule: `jp.manfaat_ahli_waris_persen.${survivor}`,
      date: d,
    });
  const months = Math.max(input.contributionMonths, minMonths);
  const formula = manfaatBulanan(ex, { ...input, contributionMonths: months }, reasons);
  const amount = roundHalfUpRp(BigInt(formula.amountRp) * BigInt(pct), 10_000n);
  return {
    name: `manfaat_pensiun_${survivor}`,
    amountRp: amount,
    basis: `${formatBp(pct)} × (${formula.basis}) — PP 45/2015 Pasal 16; Permenaker 29/2015 Pasal 26`,
    basisEn: `${formatBp(pct)} × (${formula.basisEn}) — PP 45/2015 Article 16; Permenaker 29/2015 Article 26`,
  };
}

function kematian(ex: Explainer, input: ManfaatJpInput, minMonths: number): ManfaatResult {
  const d = input.eventDate;
  let pension = input.contributionMonths >= minMonths;
  let why = `Masa iur ${input.contributionMonths} bulan`;
  let whyEn = `Contribution period ${input.contributionMonths} months`;
  if (!pension) {
    // Permenaker 29/2015 Pasal 26: counted as 15 years if member ≥ 1 year and density ≥ 80 %.
    const membership = wajib(input.membershipMonths, 'membershipMonths', 'JP ahli waris');
    const minMembership = ex.int('jp.ahli_waris_kepesertaan_minimum_bulan', d);
    why += `, kepesertaan ${membership} bulan (minimal ${minMembership})`;
    whyEn += `, membership ${membership} months (minimum ${minMembership})`;
    if (membership >= minMembership) {
      const density = wajib(
        input.paymentDensityBp,
        'paymentDensityBp',
        'JP ahli waris (kepesertaan ≥ 1 tahun)',
      );
      const minDensity = ex.int('jp.ahli_waris_kepadatan_iur_minimum', d);
      why += `, kepadatan iur ${formatBp(density)} (minimal ${formatBp(minDensity)})`;
      whyEn += `, payment density ${formatBp(density)} (minimum ${formatBp(minDensity)})`;
      pension = density >= minDensity;
    }
  }
  ex.apply(
    'manfaat.jp.ahli_waris',
    'PP 45/2015 Pasal 15–16; Permenaker 29/2015 Pasal 26',
    `${why}: ${pension ? 'pensiun ahli waris bulanan' : 'manfaat sekaligus'}.`,
    `${whyEn}: ${pension ? 'monthly survivor pension' : 'lump sum'}.`,
  );
  // PP 45/2015: the pension goes to a spouse, children or a parent; other heirs take the lump sum.
  if (pension && input.survivor !== undefined) {
    const reasons: Alasan[] = [];
    return hasil(ex, true, [pensiunAhliWaris(ex, input, minMonths, reasons)], reasons);
  }
  return hasil(
    ex,
    true,
    [sekaligus(input)],
    [
      alasan(
        'jp_ahli_waris_sekaligus',
        'Ahli waris menerima manfaat JP sekaligus (akumulasi iuran).',
        'The heirs receive the JP lump sum (accumulated contributions).',
      ),
    ],
  );
}

export function manfaatJp(book: ParameterBook, input: ManfaatJpInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const minMonths = ex.int('jp.masa_iur_minimum_bulan', d);
  if (input.reason === 'death') return kematian(ex, input, minMonths);
  const birth = wajib(input.birthDate, 'birthDate', 'manfaat pensiun');
  const reached = tanggalMencapaiUsiaPensiun(ex, birth);
  const reasons: Alasan[] = [
    alasan(
      'jp_batas_pendaftaran',
      `Batas bulan pendaftaran JP: ${batasPendaftaranJp(ex, birth)}.`,
      `Last JP registration month: ${batasPendaftaranJp(ex, birth)}.`,
    ),
  ];
  if (d < reached) {
    reasons.push(
      alasan(
        'jp_usia_pensiun',
        `Usia pensiun dicapai pada ${reached}.`,
        `Retirement age is reached on ${reached}.`,
      ),
    );
    return hasil(ex, false, [], reasons);
  }
  ex.apply(
    'manfaat.jp',
    'PP 45/2015 Pasal 15',
    'Masa iur ≥ 180 bulan: pensiun bulanan; kurang: sekaligus.',
    'At least 180 contribution months: monthly pension; fewer: lump sum.',
  );
  const component =
    input.contributionMonths >= minMonths ? manfaatBulanan(ex, input, reasons) : sekaligus(input);
  return hasil(ex, true, [component], reasons);
}
