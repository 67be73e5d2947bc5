// Due dates, PU late fees and BPU lapse — fact sheet §2.3, §2.5.
// A due date on a non-working day rolls to the next working day (the calendar of ../calendar.ts).
import { addMonthsToPeriod, type IsoDate, monthIndex, nextWorkingDay, type Period } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { applyRates, bp, type Rupiah, roundHalfUpRp } from '../money.ts';

function tanggalDalam(period: Period, day: number): IsoDate {
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** PU: by the 15th of the month after the iuran month (PP 44/2015; PP 46/2015). */
export function jatuhTempoPu(ex: Explainer, period: Period): IsoDate {
  const day = ex.int('jatuh_tempo.pu_hari', `${period}-01`);
  return nextWorkingDay(tanggalDalam(addMonthsToPeriod(period, 1), day));
}

/** BPU: by the 15th of the iuran month itself — paid in advance (PP 44/2015). */
export function jatuhTempoBpu(ex: Explainer, period: Period): IsoDate {
  const day = ex.int('jatuh_tempo.bpu_hari', `${period}-01`);
  return nextWorkingDay(tanggalDalam(period, day));
}

/** Each passed monthly due date (the 15th, next working day) counts as one month late. */
export function bulanTerlambatPu(ex: Explainer, period: Period, paidDate: IsoDate): number {
  let months = 0;
  while (paidDate > jatuhTempoPu(ex, addMonthsToPeriod(period, months))) months++;
  return months;
}

/** PU late fee: 2 % of the overdue iuran per month late, borne by the employer; roundHalfUpRp. */
export function dendaPu(ex: Explainer, period: Period, iuranRp: Rupiah, paidDate: IsoDate): Rupiah {
  const months = bulanTerlambatPu(ex, period, paidDate);
  const rateBp = ex.int('jatuh_tempo.pu_denda_per_bulan', `${period}-01`);
  ex.apply(
    'jatuh_tempo.denda_pu',
    'PP 44/2015; PP 46/2015',
    `Denda ${months} bulan × 2% iuran terlambat.`,
    `Late fee: ${months} months × 2% of the overdue contribution.`,
  );
  return applyRates(iuranRp, [bp(rateBp * months)], roundHalfUpRp);
}

export interface StatusBpu {
  readonly status: 'aktif' | 'menunggak' | 'berakhir';
  /** Iuran months whose due date has passed unpaid. */
  readonly unpaidPeriods: Period[];
  /** Arrears that may still be paid (at most 3 months; none once lapsed). */
  readonly payablePeriods: Period[];
}

/** Perdir 22/PERDIR.02/072022: > 3 unpaid months → membership ends; arrears payable for ≤ 3 months. */
export function statusBpu(ex: Explainer, lastPaidPeriod: Period, asOf: IsoDate): StatusBpu {
  const maxMonths = ex.int('jatuh_tempo.bpu_tunggakan_maks_bulan', asOf);
  const unpaid: Period[] = [];
  for (
    let p = addMonthsToPeriod(lastPaidPeriod, 1);
    monthIndex(p) <= monthIndex(asOf.slice(0, 7));
    p = addMonthsToPeriod(p, 1)
  ) {
    if (jatuhTempoBpu(ex, p) < asOf) unpaid.push(p);
  }
  if (unpaid.length === 0) return { status: 'aktif', unpaidPeriods: [], payablePeriods: [] };
  if (unpaid.length > maxMonths) return { status: 'berakhir', unpaidPeriods: unpaid, payablePeriods: [] };
  return { status: 'menunggak', unpaidPeriods: unpaid, payablePeriods: unpaid };
}
