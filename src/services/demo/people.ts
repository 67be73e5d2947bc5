// Plausible people of Kabupaten Belu: Catholic given names with Tetun, Bunak and Dawan family
// names (and the Portuguese ones of families from Timor-Leste), NIKs valid for the kecamatan of
// residence, the birth date and the sex (Adminduk: region + DD(+40 women) + MM + YY + serial).
import type { Random } from './random.ts';

const MEN = [
  'Yohanes',
  'Petrus',
  'Paulus',
  'Yosef',
  'Agustinus',
  'Fransiskus',
  'Dominikus',
  'Benediktus',
  'Emanuel',
  'Aloysius',
  'Kristoforus',
  'Hendrikus',
  'Yakobus',
  'Antonius',
  'Blasius',
  'Gregorius',
  'Stefanus',
  'Vinsensius',
  'Wilhelmus',
  'Marselinus',
  'Yoakim',
  'Damianus',
  'Simon',
  'Markus',
  'Lukas',
  'Matias',
  'Bernardus',
  'Arnoldus',
  'Leonardus',
  'Silvester',
  'Mikael',
  'Adrianus',
];
const WOMEN = [
  'Maria',
  'Theresia',
  'Yuliana',
  'Agustina',
  'Fransiska',
  'Margaretha',
  'Anastasia',
  'Elisabeth',
  'Katarina',
  'Veronika',
  'Imelda',
  'Yasinta',
  'Agnes',
  'Serafina',
  'Skolastika',
  'Bernadete',
  'Rosalia',
  'Modesta',
  'Yovita',
  'Florentina',
  'Martina',
  'Helena',
  'Selestina',
  'Priska',
  'Oktaviana',
  'Marselina',
  'Kristina',
  'Lusia',
  'Emerensiana',
  'Dorotea',
  'Sisilia',
  'Natalia',
];
const FAMILY = [
  'Bere',
  'Mau',
  'Luan',
  'Asa',
  'Seran',
  'Nahak',
  'Tae',
  'Bria',
  'Atok',
  'Klau',
  'Leki',
  'Manek',
  'Mali',
  'Moruk',
  'Bau',
  'Lelo',
  'Hale',
  'Loe',
  'Taek',
  'Fahik',
  'Neno',
  'Kehi',
  'Ati',
  'Siku',
  'Fouk',
  'Lau',
  'Meak',
  'Tahu',
  'Nurak',
  'Bot',
  'Dasi',
  'Lopes',
  'da Costa',
  'Soares',
  'dos Santos',
  'Pereira',
  'Amaral',
  'Guterres',
  'Martins',
  'Ximenes',
  'Tallo',
  'Mesak',
  'Un',
  'Hoar',
  'Abuk',
];

export interface DemoPerson {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
}

/** Hands out NIKs: one serial counter per kecamatan and birth date keeps every NIK unique. */
export class PersonFactory {
  private readonly serials = new Map<string, number>();
  /**
   * `firstSerial`: a second factory (the later years' heirs) numbers above the first's serials,
   * so its NIKs never meet those of the people already loaded.
   */
  constructor(
    private readonly rnd: Random,
    private readonly firstSerial = 0,
  ) {}

  /** A person living in `kecamatanCode` (53.04.xx), born between the two years (inclusive). */
  person(kecamatanCode: string, bornFrom: number, bornTo: number): DemoPerson {
    const r = this.rnd;
    const sex: 'L' | 'P' = r.next() < 0.5 ? 'L' : 'P';
    const y = r.int(bornFrom, bornTo);
    const m = r.int(1, 12);
    const d = r.int(1, 28);
    const dd = String(d + (sex === 'P' ? 40 : 0)).padStart(2, '0');
    const mm = String(m).padStart(2, '0');
    const prefix = `${kecamatanCode.replace(/\./g, '')}${dd}${mm}${String(y % 100).padStart(2, '0')}`;
    const serial = (this.serials.get(prefix) ?? this.firstSerial) + 1;
    this.serials.set(prefix, serial);
    const given = sex === 'P' ? r.pick(WOMEN) : r.pick(MEN);
    const middle = r.next() < 0.35 ? ` ${sex === 'P' ? r.pick(WOMEN) : r.pick(MEN)}` : '';
    return {
      nik: `${prefix}${String(serial).padStart(4, '0')}`,
      fullName: `${given}${middle} ${r.pick(FAMILY)}`,
      birthDate: `${y}-${mm}-${String(d).padStart(2, '0')}`,
      sex,
    };
  }
}
