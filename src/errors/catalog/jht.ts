// Error codes: JHT (old-age savings) balances and yearly rates.
import type { CatalogEntry } from '../entry.ts';

export const JHT_ERRORS = {
  JHT_BALANCE_INSUFFICIENT: {
    status: 422,
    id: 'Klaim JHT {claims} melebihi saldo JHT peserta.',
    en: 'JHT claim {claims} exceeds the participant’s JHT balance.',
  },
  JHT_RATE_MISSING: {
    status: 422,
    id: 'Tingkat hasil pengembangan JHT tahun {year} belum dimasukkan.',
    en: 'The JHT return rate for {year} has not been entered.',
  },
  JHT_RATE_IN_USE: {
    status: 409,
    id: 'Hasil pengembangan JHT tahun {year} sudah dikreditkan dengan tingkat yang ada; tingkat tidak dapat diubah.',
    en: 'JHT returns for {year} were already credited at the current rate; the rate cannot be changed.',
  },
  JHT_YEAR_NOT_ENDED: {
    status: 422,
    id: 'Tahun {year} belum berakhir; hasil pengembangan dikreditkan setelah 31 Desember.',
    en: 'Year {year} has not ended; returns are credited after 31 December.',
  },
} as const satisfies Record<string, CatalogEntry>;
