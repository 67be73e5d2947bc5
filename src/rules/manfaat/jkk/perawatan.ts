// JKK perawatan dan pengobatan, home care and transport (PP 44/2015 jo PP 82/2019; fact sheet §3.3),
// each read at the accident date: home care exists only from PP 82/2019.
import { AppError } from '../../../errors.ts';
import type { Explainer } from '../../explanation.ts';
import { formatRp } from '../../format.ts';
import { minRp } from '../../money.ts';
import { type Alasan, alasan, type Komponen, wajib } from '../types.ts';
import { DASAR_PERAWATAN, dasar } from './dasar.ts';
import type { ManfaatJkkInput } from './manfaat.ts';

/** Home care is in force from the first date of its ceiling (PP 82/2019); null when it is. */
export function perawatanRumahBelumAda(
  ex: Explainer,
  input: ManfaatJkkInput,
): { reason: Alasan; law: string } | null {
  const id = 'jkk.perawatan_rumah_maks';
  const from = ex.book.firstDate(id);
  if (input.homeCareRp === undefined || input.eventDate >= from) return null;
  const law = ex.book.parameter(id).values[0]?.reference ?? id;
  const reason = alasan(
    'jkk_perawatan_rumah_belum_berlaku',
    `Perawatan di rumah (homecare) baru ada sejak ${from} (${law}); kecelakaan pada ${input.eventDate} tidak berhak atasnya. Ajukan biaya perawatan dan pengobatan tanpa perawatan di rumah.`,
    `Home care exists only from ${from} (${law}); an accident on ${input.eventDate} has no right to it. Claim the treatment costs without home care.`,
  );
  return { reason, law };
}

/**
 * Perawatan dan pengobatan (PP 44/2015 jo PP 82/2019; fact sheet §3.3): treatment by medical need
 * with no cost ceiling; home care for at most 12 months and Rp 20,000,000 (from PP 82/2019).
 */
export function perawatan(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const d = input.eventDate;
  const out: Komponen[] = [];
  if (input.medicalCostRp !== undefined) {
    out.push({
      name: 'biaya_perawatan_pengobatan',
      amountRp: input.medicalCostRp,
      basis: `biaya ${formatRp(input.medicalCostRp)} sesuai kebutuhan medis, tanpa batas biaya — ${DASAR_PERAWATAN}`,
      basisEn: `cost ${formatRp(input.medicalCostRp)} as medically needed, with no ceiling — ${DASAR_PERAWATAN}`,
    });
  }
  if (input.homeCareRp !== undefined) {
    const months = wajib(input.homeCareMonths, 'homeCareMonths', 'perawatan di rumah (homecare)');
    const maxMonths = ex.int('jkk.perawatan_rumah_bulan_maks', d);
    const law = dasar(ex, 'jkk.perawatan_rumah_maks', input);
    if (months > maxMonths) {
      throw new AppError('VALIDATION_FAILED', {
        detail: `homeCareMonths: paling lama ${maxMonths} bulan / at most ${maxMonths} months — ${law}`,
      });
    }
    const cap = ex.rupiah('jkk.perawatan_rumah_maks', d);
    out.push({
      name: 'perawatan_di_rumah',
      amountRp: minRp(input.homeCareRp, cap),
      basis: `biaya ${formatRp(input.homeCareRp)} selama ${months} bulan, paling banyak ${formatRp(cap)} — ${law}`,
      basisEn: `cost ${formatRp(input.homeCareRp)} over ${months} months, at most ${formatRp(cap)} — ${law}`,
    });
  }
  if (!out.length && input.transportRp === undefined) {
    wajib(
      undefined,
      'medicalCostRp',
      'perawatan dan pengobatan (medicalCostRp, homeCareRp atau transportRp)',
    );
  }
  return out;
}

export function transport(ex: Explainer, input: ManfaatJkkInput): Komponen[] {
  const costs = input.transportRp ?? {};
  return (['land', 'sea', 'air'] as const).flatMap((mode) => {
    const cost = costs[mode];
    if (cost === undefined) return [];
    const id = { land: 'darat', sea: 'laut', air: 'udara' }[mode];
    const cap = ex.rupiah(`jkk.transport_${id}_maks`, input.eventDate);
    const law = dasar(ex, `jkk.transport_${id}_maks`, input);
    return [
      {
        name: `transport_${id}`,
        amountRp: minRp(cost, cap),
        basis: `biaya ${formatRp(cost)}, paling banyak ${formatRp(cap)} — ${law}`,
        basisEn: `cost ${formatRp(cost)}, at most ${formatRp(cap)} — ${law}`,
      },
    ];
  });
}
