// Usia pensiun and the JP registration cut-off — PP 45/2015 Pasal 15; Permenaker 29/2015.
import { addMonthsToPeriod, birthdayAt, type IsoDate, type Period } from '../../calendar.ts';
import type { Explainer } from '../../explanation.ts';

export function usiaPensiun(ex: Explainer, date: IsoDate): number {
  return ex.int('jp.usia_pensiun_tahun', date);
}

/** The birthday on which the participant reaches the usia pensiun in force on that day. */
export function tanggalMencapaiUsiaPensiun(ex: Explainer, birthDate: IsoDate): IsoDate {
  for (let age = 56; age <= 65; age++) {
    const day = birthdayAt(birthDate, age);
    if (day >= ex.book.firstDate('jp.usia_pensiun_tahun') && age >= usiaPensiun(ex, day)) return day;
  }
  return birthdayAt(birthDate, 65);
}

/** Last month a worker can be registered for JP: the month before reaching usia pensiun (W13). */
export function batasPendaftaranJp(ex: Explainer, birthDate: IsoDate): Period {
  return addMonthsToPeriod(tanggalMencapaiUsiaPensiun(ex, birthDate).slice(0, 7), -1);
}
