// Temporary relief: the share (bp) of the normal JKK/JKM iuran that is payable in a period.
import type { Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import type { FundingSource } from './types.ts';

/** PP 49/2020 Pasal 11-12: JKK and JKM at 1 % of normal during the COVID relaxation (PU, BPU, Jakon). */
export function bagianDibayarCovid(ex: Explainer, period: Period): number {
  const shareBp = ex.int('keringanan.covid_jkk_jkm_dibayar', `${period}-01`);
  if (shareBp !== 10_000) {
    ex.apply(
      'keringanan.covid',
      'PP 49/2020',
      'Relaksasi COVID-19: iuran JKK dan JKM 1% dari normal.',
      'COVID-19 relaxation: JKK and JKM contributions at 1% of normal.',
    );
  }
  return shareBp;
}

/**
 * PP 50/2025: 50 % off BPU JKK+JKM — transport sector Jan 2026-Mar 2027, others Apr-Dec 2026;
 * not for APBN/APBD-funded participants; APBDes per an unconfirmed parameter.
 */
export function bagianDibayarBpuPp50(
  ex: Explainer,
  period: Period,
  fundingSource: FundingSource,
  sector: string | undefined,
): number {
  const date = `${period}-01`;
  const id =
    sector === 'transport'
      ? 'keringanan.bpu_transport_jkk_jkm_dibayar'
      : 'keringanan.bpu_lainnya_jkk_jkm_dibayar';
  const shareBp = ex.int(id, date);
  if (shareBp === 10_000) return shareBp;
  const excluded =
    fundingSource === 'APBN' ||
    fundingSource === 'APBD' ||
    (fundingSource === 'APBDES' && !ex.bool('keringanan.bpu_apbdes_termasuk_diskon', date));
  if (excluded) {
    ex.apply(
      'keringanan.bpu_pp50_dikecualikan',
      'PP 50/2025',
      `Diskon 50% PP 50/2025 tidak berlaku untuk peserta yang iurannya dibayar ${fundingSource}.`,
      `The PP 50/2025 50% discount does not apply to participants funded by ${fundingSource}.`,
    );
    return 10_000;
  }
  ex.apply(
    'keringanan.bpu_pp50',
    'PP 50/2025',
    'Diskon 50% iuran JKK dan JKM BPU (PP 50/2025).',
    'PP 50/2025 50% discount on BPU JKK and JKM contributions.',
  );
  return shareBp;
}
