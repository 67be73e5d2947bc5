// Pensiun ahli waris JP (janda/duda, anak, orang tua) — PP 45/2015 Pasal 15–16; Permenaker 29/2015
// Pasal 26 (fact sheet §3.4).

import { AppError } from '../../../errors.ts';
import type { Explainer } from '../../explanation.ts';
import { formatBp } from '../../format.ts';
import { roundHalfUpRp } from '../../money.ts';
import { type Alasan, alasan, hasil, type Komponen, type ManfaatResult, wajib } from '../types.ts';
import type { ManfaatJpInput } from './manfaat.ts';
import {
  dihitung15Tahun,
  type Keputusan15Tahun,
  pensiunBulanan,
  type Syarat15Tahun,
} from './masa-iur-15-tahun.ts';
import { hasilSekaligus } from './rumus.ts';

/** The survivor pensions of PP 45/2015 Pasal 16 c–e, the keys of jp.manfaat_ahli_waris_persen. */
export const PENERIMA_AHLI_WARIS = ['janda_duda', 'anak', 'orang_tua'] as const;
export type PenerimaAhliWaris = (typeof PENERIMA_AHLI_WARIS)[number];

const SYARAT_AHLI_WARIS: Syarat15Tahun = {
  membershipId: 'jp.ahli_waris_kepesertaan_minimum_bulan',
  densityId: 'jp.ahli_waris_kepadatan_iur_minimum',
  what: 'JP ahli waris',
};

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

export function kematian(ex: Explainer, input: ManfaatJpInput, minMonths: number): ManfaatResult {
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
