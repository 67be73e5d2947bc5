// Masa perlindungan Pekerja Migran Indonesia (Permenaker 4/2023; fact sheet §1.2, §1.3): the cover
// of a (calon) PMI runs in three periods — sebelum bekerja (pre-departure, from registration, at
// most 5 months before departure), selama bekerja (departure to the end of the work agreement) and
// setelah bekerja (after the agreement ends, until the worker is home). The membership is active
// from the first day of the first period to the last day of the last. Pure: dates in, dates out.
import { AppError } from '../../errors.ts';
import { addDays, addMonths, type IsoDate } from '../calendar.ts';
import type { Explainer } from '../explanation.ts';
import { paketPmi } from '../iuran/pmi.ts';

export interface MasaPmiInput {
  /** The day the worker is registered (the office date): cover starts here. */
  readonly registeredOn: IsoDate;
  readonly departureDate: IsoDate;
  /** First day of the work agreement (perjanjian kerja). */
  readonly contractStart: IsoDate;
  readonly contractMonths: number;
}

export interface Masa {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface MasaPmi {
  /** null when the worker registers on the day of departure. */
  readonly sebelum: Masa | null;
  readonly selama: Masa;
  readonly setelah: Masa;
  /** The whole cover: from registration to the end of the post-placement period. */
  readonly cover: Masa;
}

const REF = 'Permenaker 4/2023';

export function masaPerlindunganPmi(ex: Explainer, input: MasaPmiInput): MasaPmi {
  const { registeredOn, departureDate, contractStart, contractMonths } = input;
  paketPmi(contractMonths); // the same bounds as the premium
  const maxBefore = ex.int('iuran_pmi.masa_sebelum_bekerja_bulan', registeredOn);
  const afterMonths = ex.int('iuran_pmi.masa_setelah_bekerja_bulan', registeredOn);
  // Pre-departure protection lasts at most `maxBefore` months before departure (fact sheet §1.3):
  // a worker leaving later registers later; one already gone is not a calon PMI.
  if (departureDate < registeredOn || departureDate > addMonths(registeredOn, maxBefore)) {
    throw new AppError('PMI_DEPARTURE_WINDOW', { months: maxBefore });
  }
  if (contractStart < departureDate) throw new AppError('PMI_CONTRACT_START');
  const contractEnd = addDays(addMonths(contractStart, contractMonths), -1);
  const afterFrom = addDays(contractEnd, 1);
  const afterTo = addDays(addMonths(afterFrom, afterMonths), -1);
  ex.apply(
    'kepesertaan.pmi.masa',
    REF,
    `Perlindungan sebelum bekerja sejak pendaftaran (paling lama ${maxBefore} bulan sebelum berangkat), selama bekerja sampai perjanjian kerja berakhir, setelah bekerja ${afterMonths} bulan.`,
    `Pre-departure cover from registration (at most ${maxBefore} months before departure), placement until the work agreement ends, post-placement ${afterMonths} month(s).`,
  );
  return {
    sebelum: departureDate > registeredOn ? { from: registeredOn, to: addDays(departureDate, -1) } : null,
    selama: { from: departureDate, to: contractEnd },
    setelah: { from: afterFrom, to: afterTo },
    cover: { from: registeredOn, to: afterTo },
  };
}
