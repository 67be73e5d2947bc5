// Due dates and BPU lapse — fact sheet §2.3, §2.5. A due date on a non-working day (weekend,
// national holiday or cuti bersama of params/hari_libur.yaml) rolls to the next working day.
import {
  addMonthsToPeriod,
  addWorkingDays,
  daysInMonth,
  hariLibur,
  type IsoDate,
  monthIndex,
  nextWorkingDay,
  type Period,
  parsePeriod,
} from '../calendar.ts';
import type { Explainer } from '../explanation.ts';

/** The day in the month, or its last day when the month is shorter (PP 49/2020's 30th in February). */
function tanggalDalam(period: Period, day: number): IsoDate {
  const { y, m } = parsePeriod(period);
  return `${period}-${String(Math.min(day, daysInMonth(y, m))).padStart(2, '0')}`;
}

/**
 * The k-th monthly due date of a PU iuran month: the day the rules set for that iuran month (the
 * 15th; the 30th under PP 49/2020) in the (k+1)-th month after it, on a non-working day the next
 * working day. k = 0 is the due date itself.
 */
function jatuhTempoPuKe(
  ex: Explainer,
  period: Period,
  k: number,
  // Read once by a caller that walks many k (bulanTerlambatPu): the day and the days off.
  day = ex.int('jatuh_tempo.pu_hari', `${period}-01`),
  holidays = hariLibur(ex),
): IsoDate {
  return nextWorkingDay(tanggalDalam(addMonthsToPeriod(period, 1 + k), day), holidays);
}

/** PU: by the 15th of the month after the iuran month (PP 44/2015; PP 46/2015). */
export function jatuhTempoPu(ex: Explainer, period: Period): IsoDate {
  return jatuhTempoPuKe(ex, period, 0);
}

/** BPU: by the 15th of the iuran month itself — paid in advance (PP 44/2015). */
export function jatuhTempoBpu(ex: Explainer, period: Period): IsoDate {
  const day = ex.int('jatuh_tempo.bpu_hari', `${period}-01`);
  return nextWorkingDay(tanggalDalam(period, day), hariLibur(ex));
}

/**
 * Each passed monthly due date counts as one month late: the due date, then the same day (rolled to
 * a working day) in each later month — so a PP 49/2020 month keeps counting on the 30th.
 */
export function bulanTerlambatPu(ex: Explainer, period: Period, paidDate: IsoDate): number {
  const day = ex.int('jatuh_tempo.pu_hari', `${period}-01`);
  const holidays = hariLibur(ex);
  let months = 0;
  while (paidDate > jatuhTempoPuKe(ex, period, months, day, holidays)) months++;
  return months;
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

/**
 * Jasa konstruksi: the project premium is paid up front, with the project form that is due
 * 14 working days after the SPK (taken as the project's start); BPJS issues the certificate after
 * the form and the first payment (Permenakertrans 44/2015 Pasal 3-4, fact sheet §2.4). A project
 * registered after that window, or a later change of its contract, is due the same number of
 * working days after the day it is recorded (`recordedOn`).
 */
export function jatuhTempoJakon(ex: Explainer, startDate: IsoDate, recordedOn: IsoDate): IsoDate {
  const days = ex.int('jatuh_tempo.jakon_hari_kerja', startDate);
  const holidays = hariLibur(ex);
  const fromStart = addWorkingDays(startDate, days, holidays);
  return fromStart >= recordedOn ? fromStart : addWorkingDays(recordedOn, days, holidays);
}
