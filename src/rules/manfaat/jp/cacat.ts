// Pensiun cacat JP — PP 45/2015 Pasal 16 huruf b (fact sheet §3.4).

import type { Explainer } from '../../explanation.ts';
import { type Alasan, alasan, hasil, type ManfaatResult, wajib } from '../types.ts';
import type { ManfaatJpInput } from './manfaat.ts';
import { dihitung15Tahun, pensiunBulanan, type Syarat15Tahun } from './masa-iur-15-tahun.ts';
import { hasilSekaligus } from './rumus.ts';
import { tanggalMencapaiUsiaPensiun } from './usia-pensiun.ts';

const SYARAT_CACAT: Syarat15Tahun = {
  membershipId: 'jp.cacat_kepesertaan_minimum_bulan',
  densityId: 'jp.cacat_kepadatan_iur_minimum',
  what: 'JP cacat',
};

/**
 * Pensiun cacat (PP 45/2015 Pasal 16 huruf b): total permanent disability before the usia pensiun.
 * The formula on the masa iur, counted as 15 years when the membership and payment density
 * conditions hold (jp.cacat_*; the article of Permenaker 29/2015 is not recorded); else the lump sum.
 */
export function cacat(ex: Explainer, input: ManfaatJpInput, minMonths: number): ManfaatResult {
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
