// Manfaat JP — PP 45/2015; Permenaker 29/2015 (fact sheet §3.4). The old-age pension here; the
// survivor pension in ahli-waris.ts, the disability pension in cacat.ts.

import type { IsoDate } from '../../calendar.ts';
import { Explainer } from '../../explanation.ts';
import type { Rupiah } from '../../money.ts';
import type { ParameterBook } from '../../params/book.ts';
import { type Alasan, alasan, hasil, type ManfaatResult, wajib } from '../types.ts';
import { kematian, type PenerimaAhliWaris } from './ahli-waris.ts';
import { cacat } from './cacat.ts';
import { hasilSekaligus, manfaatBulanan } from './rumus.ts';
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
