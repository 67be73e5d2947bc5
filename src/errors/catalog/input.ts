// Error codes: Malformed or out-of-range input of any request: bodies, headers, text, dates, closed months, numbers.
import type { CatalogEntry } from '../entry.ts';

export const INPUT_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    id: 'Data tidak valid: {detail}',
    en: 'Invalid input: {detail}',
  },
  BODY_TOO_LARGE: {
    status: 413,
    id: 'Isi permintaan terlalu besar.',
    en: 'Request body is too large.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    id: 'Kepala permintaan (header) terlalu besar.',
    en: 'Request headers are too large.',
  },
  TEXT_INVALID: {
    status: 400,
    id: 'Teks pada {field} berisi karakter yang tidak diizinkan (NUL atau karakter Unicode yang rusak).',
    en: 'The text in {field} holds a character that is not allowed (NUL or a broken Unicode character).',
  },
  DATE_OUT_OF_RANGE: {
    status: 400,
    id: 'Tanggal {value} pada {field} bukan tanggal yang ada antara tahun 1900 dan 2100.',
    en: 'The date {value} in {field} is not a real date between the years 1900 and 2100.',
  },
  DATE_IN_FUTURE: {
    status: 422,
    id: '{field} {value} terletak di masa depan; hari ini di kantor (WITA) adalah {today}.',
    en: '{field} {value} lies in the future; today at the office (WITA) is {today}.',
  },
  PERIOD_CLOSED: {
    status: 409,
    id: '{field} {value} jatuh pada bulan yang sudah ditutup: pembukuan {regency} ditutup sampai {through}.',
    en: '{field} {value} falls in a closed month: the books of {regency} are closed through {through}.',
  },
  PERIOD_ALREADY_CLOSED: {
    status: 409,
    id: 'Bulan {period} sudah ditutup: pembukuan {regency} ditutup sampai {through}; bulan tertutup tidak dibuka kembali.',
    en: 'Month {period} is already closed: the books of {regency} are closed through {through}; a closed month is never reopened.',
  },
  PERIOD_NOT_ENDED: {
    status: 409,
    id: 'Bulan {period} belum berakhir (hari ini {today}); hanya bulan yang sudah lewat dapat ditutup.',
    en: 'Month {period} has not ended (today is {today}); only a past month can be closed.',
  },
  NUMBER_OUT_OF_RANGE: {
    status: 400,
    id: 'Angka pada {field} di luar batas; paling besar {max}.',
    en: 'The number in {field} is out of range; at most {max}.',
  },
  NUMBER_NOT_DECIMAL: {
    status: 400,
    id: '{field} harus ditulis dengan angka desimal biasa, misalnya 16.',
    en: '{field} must be written in plain decimal digits, e.g. 16.',
  },
  QUERY_PARAMETER_UNKNOWN: {
    status: 400,
    id: 'Parameter {name} tidak dikenal di alamat ini. Yang dikenal: {known}.',
    en: 'Unknown parameter {name} for this address. Known parameters: {known}.',
  },
  FILE_NAME_HEADER_INVALID: {
    status: 400,
    id: 'Header X-File-Name tidak valid: tulis nama berkas dalam UTF-8 dengan pengodean persen.',
    en: 'The X-File-Name header is invalid: send the file name as percent-encoded UTF-8.',
  },
  CROSS_SITE_REFUSED: {
    status: 403,
    id: 'Permintaan ditolak: permintaan yang mengubah data harus datang dari aplikasi lindung sendiri.',
    en: 'Request refused: requests that change data must come from the lindung application itself.',
  },
} as const satisfies Record<string, CatalogEntry>;
