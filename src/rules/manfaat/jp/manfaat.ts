// Manfaat JP — PP 45/2015; Permenaker 29/2015 (fact sheet §3.4).

import { AppError } from '../../../errors.ts';
import type { IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import { formatBp, formatRp } from '../../format.ts';
import { maxRp, minRp, type Rupiah, roundHalfUpRp } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Alasan, alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import { batasPendaftaranJp, tanggalMencapaiUsiaPensiun } from './usia-pensiun.ts';

/** Why the JP benefit is asked for (PP 45/2015 Pasal 16): old age, death (survivors), disability. */
export const ALASAN_JP = ['retirement', 'death', 'disability'] as const;
export type AlasanJp = (typeof ALASAN_JP)[number];

export interface ManfaatJpInput {
  /** The claim date (the date of death for 'death', of the total permanent disability for 'disability'). */
  readonly eventDate: IsoDate;
  readonly reason?: AlasanJp;
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

/** The lump sum, said aloud when it is Rp 0 (a claim of Rp 0 is never approved silently). */
function hasilSekaligus(ex: Explainer, input: ManfaatJpInput, reasons: Alasan[]): ManfaatResult {
  const component = sekaligus(input);
  if (component.amountRp === 0) {
    reasons.push(
      alasan(
        'jp_sekaligus_nol',
        'Akumulasi iuran JP Rp 0: tidak ada yang dibayarkan; klaim Rp 0 hanya disetujui dengan alasan tertulis.',
        'Accumulated JP contributions are Rp 0: nothing is paid; a Rp 0 claim is approved only with a written reason.',
      ),
    );
  }
  return hasil(ex, true, [component], reasons);
}

/**
 * The conditions under which a masa iur under 15 years counts as 15 years: membership of at least
 * N months and a payment density of at least D (for survivors Permenaker 29/2015 Pasal 26).
 */
interface Syarat15Tahun {
  readonly membershipId: string;
  readonly densityId: string;
  readonly what: string;
}

const SYARAT_AHLI_WARIS: Syarat15Tahun = {
  membershipId: 'jp.ahli_waris_kepesertaan_minimum_bulan',
  densityId: 'jp.ahli_waris_kepadatan_iur_minimum',
  what: 'JP ahli waris',
};

const SYARAT_CACAT: Syarat15Tahun = {
  membershipId: 'jp.cacat_kepesertaan_minimum_bulan',
  densityId: 'jp.cacat_kepadatan_iur_minimum',
  what: 'JP cacat',
};

interface Keputusan15Tahun {
  /** Monthly pension (true) or the lump sum. */
  readonly pension: boolean;
  /** The masa iur the formula uses: the actual months, or 15 years when counted so. */
  readonly months: number;
  /** The legal basis of the counting rule (the membership parameter's reference). */
  readonly basis: string;
  readonly why: string;
  readonly whyEn: string;
}

function dihitung15Tahun(
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
function pensiunBulanan(
  ex: Explainer,
  input: ManfaatJpInput,
  k: Keputusan15Tahun,
  reasons: Alasan[],
): Komponen {
  const formula = manfaatBulanan(ex, { ...input, contributionMonths: k.months }, reasons);
  const counted = k.months > input.contributionMonths ? `; ${k.basis}` : '';
  return { ...formula, basis: `${formula.basis}${counted}`, basisEn: `${formula.basisEn}${counted}` };
}

/**
 * Survivor pension: the formula on the masa iur (counted as 15 years under Permenaker 29/2015
 * Pasal 26) times the survivor's percentage (jp.manfaat_ahli_waris_persen, PP 45/2015: janda/duda
 * 50 %, anak 50 %, orang tua 20 %; single source, fact sheet §3.4 lists them as not read).
 */
function pensiunAhliWaris(
  ex: Explainer,
  input: ManfaatJpInput,
  k: Keputusan15Tahun,
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
  const law = ex.entry('jp.manfaat_ahli_waris_persen', d).reference;
  const formula = pensiunBulanan(ex, input, k, reasons);
  const amount = roundHalfUpRp(BigInt(formula.amountRp) * BigInt(pct), 10_000n);
  return {
    name: `manfaat_pensiun_${survivor}`,
    amountRp: amount,
    basis: `${formatBp(pct)} × (${formula.basis}) — ${law} Pasal 16`,
    basisEn: `${formatBp(pct)} × (${formula.basisEn}) — ${law} Article 16`,
  };
}

function kematian(ex: Explainer, input: ManfaatJpInput, minMonths: number): ManfaatResult {
  const k = dihitung15Tahun(ex, input, minMonths, SYARAT_AHLI_WARIS);
  ex.apply(
    'manfaat.jp.ahli_waris',
    `PP 45/2015 Pasal 15–16; ${k.basis}`,
    `${k.why}: ${k.pension ? 'pensiun ahli waris bulanan' : 'manfaat sekaligus'}.`,
    `${k.whyEn}: ${k.pension ? 'monthly survivor pension' : 'lump sum'}.`,
  );
  // PP 45/2015: the pension goes to a spouse, children or a parent; other heirs take the lump sum.
  const reasons: Alasan[] = [];
  if (k.pension && input.survivor !== undefined) {
    return hasil(ex, true, [pensiunAhliWaris(ex, input, k, reasons)], reasons);
  }
  reasons.push(
    alasan(
      'jp_ahli_waris_sekaligus',
      'Ahli waris menerima manfaat JP sekaligus (akumulasi iuran).',
      'The heirs receive the JP lump sum (accumulated contributions).',
    ),
  );
  return hasilSekaligus(ex, input, reasons);
}

/**
 * Pensiun cacat (PP 45/2015 Pasal 16 huruf b): total permanent disability before the usia pensiun.
 * The formula on the masa iur, counted as 15 years when the membership and payment density
 * conditions hold (jp.cacat_*; the article of Permenaker 29/2015 is not recorded); else the lump sum.
 */
function cacat(ex: Explainer, input: ManfaatJpInput, minMonths: number): ManfaatResult {
  const d = input.eventDate;
  const birth = wajib(input.birthDate, 'birthDate', 'pensiun cacat (sebelum usia pensiun)');
  const reached = tanggalMencapaiUsiaPensiun(ex, birth);
  if (d >= reached) {
    const reason = alasan(
      'jp_cacat_usia_pensiun',
      `Usia pensiun dicapai pada ${reached}, sebelum cacat pada ${d}: yang berlaku pensiun hari tua, bukan pensiun cacat.`,
      `Retirement age was reached on ${reached}, before the disability on ${d}: the old-age pension applies, not the disability pension.`,
    );
    ex.apply('manfaat.jp.cacat', 'PP 45/2015 Pasal 15–16', reason.id, reason.en);
    return hasil(ex, false, [], [reason]);
  }
  const k = dihitung15Tahun(ex, input, minMonths, SYARAT_CACAT);
  ex.apply(
    'manfaat.jp.cacat',
    `PP 45/2015 Pasal 16 huruf b; ${k.basis}`,
    `Cacat total tetap sebelum usia pensiun (${reached}). ${k.why}: ${k.pension ? 'pensiun cacat bulanan' : 'manfaat sekaligus'}.`,
    `Total permanent disability before retirement age (${reached}). ${k.whyEn}: ${k.pension ? 'monthly disability pension' : 'lump sum'}.`,
  );
  const reasons: Alasan[] = [];
  if (k.pension) {
    const formula = pensiunBulanan(ex, input, k, reasons);
    const component = {
      ...formula,
      name: 'manfaat_pensiun_cacat',
      basis: `${formula.basis}; pensiun cacat PP 45/2015 Pasal 16 huruf b`,
      basisEn: `${formula.basisEn}; disability pension PP 45/2015 Article 16(b)`,
    };
    return hasil(ex, true, [component], reasons);
  }
  reasons.push(
    alasan(
      'jp_cacat_sekaligus',
      'Syarat pensiun cacat bulanan tidak terpenuhi: peserta menerima manfaat JP sekaligus (akumulasi iuran).',
      'The conditions of a monthly disability pension are not met: the participant receives the JP lump sum (accumulated contributions).',
    ),
  );
  return hasilSekaligus(ex, input, reasons);
}

export function manfaatJp(book: ParameterBook, input: ManfaatJpInput): ManfaatResult {
  const ex = new Explainer(book);
  const d = input.eventDate;
  const minMonths = ex.int('jp.masa_iur_minimum_bulan', d);
  if (input.reason === 'death') return kematian(ex, input, minMonths);
  if (input.reason === 'disability') return cacat(ex, input, minMonths);
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
  if (input.contributionMonths >= minMonths)
    return hasil(ex, true, [manfaatBulanan(ex, input, reasons)], reasons);
  return hasilSekaligus(ex, input, reasons);
}
