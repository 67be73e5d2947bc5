// Error codes: The NIK (national identity number) and possible duplicate persons.
import type { CatalogEntry } from '../entry.ts';

export const NIK_ERRORS = {
  NIK_FORMAT: { status: 422, id: 'NIK harus 16 angka.', en: 'NIK must be 16 digits.' },
  NIK_NOT_TEXT: {
    status: 422,
    id: 'NIK tersimpan sebagai angka sehingga digit terakhir hilang; format kolom NIK sebagai Teks.',
    en: 'NIK was stored as a number, which loses its last digits; format the NIK column as Text.',
  },
  NIK_REGION_FORMAT: {
    status: 422,
    id: 'Enam digit pertama NIK bukan kode wilayah yang mungkin.',
    en: 'The first six digits of the NIK are not a possible region code.',
  },
  NIK_BIRTH_FORMAT: {
    status: 422,
    id: 'Digit 7–10 NIK bukan tanggal dan bulan lahir yang mungkin.',
    en: 'NIK digits 7–10 are not a possible day and month of birth.',
  },
  NIK_SERIAL_FORMAT: {
    status: 422,
    id: 'Nomor urut NIK tidak boleh 0000.',
    en: 'The NIK serial may not be 0000.',
  },
  NIK_BIRTH_DATE_MISMATCH: {
    status: 422,
    id: 'Tanggal lahir tidak sesuai dengan NIK.',
    en: 'Birth date does not match the NIK.',
  },
  NIK_SEX_MISMATCH: {
    status: 422,
    id: 'Jenis kelamin tidak sesuai dengan NIK (perempuan: tanggal lahir + 40).',
    en: 'Sex does not match the NIK (women: day of birth + 40).',
  },
  NIK_REGION_UNKNOWN: {
    status: 422,
    id: 'Peringatan: kode wilayah NIK tidak ada di daftar wilayah sekarang (mungkin wilayah sebelum pemekaran).',
    en: 'Warning: the NIK’s region code is not in today’s region list (possibly a region before a split).',
  },
  POSSIBLE_DUPLICATE: {
    status: 422,
    id: 'Peringatan: nama dan tanggal lahir sama dengan orang lain ber-NIK berbeda; perlu diperiksa.',
    en: 'Warning: same name and birth date as another person with a different NIK; needs review.',
  },
} as const satisfies Record<string, CatalogEntry>;
