// Which benefit rule case a claim kind asks for (the kinds of ./jenis.ts → the manfaat rules).
import type { KasusJkk } from '../manfaat/jkk/manfaat.ts';
import type { ManfaatJpInput } from '../manfaat/jp/manfaat.ts';
import { type JenisDari, jenisTakTertangani } from './jenis.ts';

/** JKK (PP 44/2015 jo PP 82/2019): death, total permanent, partial disability, STMB, or medical care. */
export function kasusJkk(kind: JenisDari<'JKK'>): KasusJkk {
  switch (kind) {
    case 'kematian':
      return 'death';
    case 'cacat_total_tetap':
      return 'total_permanent_disability';
    case 'cacat_sebagian':
      return 'partial_disability';
    case 'stmb':
      return 'temporary_disability';
    case 'perawatan':
      return 'medical_care';
    default:
      return jenisTakTertangani(kind);
  }
}

/** JP (PP 45/2015 Pasal 16): old-age pension, the survivors' pension, or the disability pension. */
export function alasanJp(kind: JenisDari<'JP'>): NonNullable<ManfaatJpInput['reason']> {
  switch (kind) {
    case 'hari_tua':
      return 'retirement';
    case 'kematian':
      return 'death';
    case 'cacat':
      return 'disability';
    default:
      return jenisTakTertangani(kind);
  }
}
