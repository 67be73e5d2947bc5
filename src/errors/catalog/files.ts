// Error codes: Uploaded spreadsheets and CSV files.
import type { CatalogEntry } from '../entry.ts';

export const FILE_ERRORS = {
  FILE_EMPTY: {
    status: 400,
    id: 'Berkas kosong: tidak ada baris data di bawah judul kolom.',
    en: 'The file is empty: no data rows under the column headers.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    id: 'Berkas terlalu besar ({sizeMb} MB); batasnya {limitMb} MB. Bagi menjadi beberapa berkas.',
    en: 'The file is too large ({sizeMb} MB); the limit is {limitMb} MB. Split it into several files.',
  },
  FILE_TOO_MANY_ROWS: {
    status: 413,
    id: 'Berkas berisi {rows} baris; batasnya {limit} baris per unggahan.',
    en: 'The file has {rows} rows; the limit is {limit} rows per upload.',
  },
  FILE_CONTENT_TOO_LARGE: {
    status: 413,
    id: 'Isi berkas terlalu besar setelah dibuka: {detail} melebihi batas {limit}. Bagi menjadi beberapa berkas.',
    en: 'The file unpacks to too much: {detail} over the limit of {limit}. Split it into several files.',
  },
  FILE_NOT_SPREADSHEET: {
    status: 415,
    id: 'Berkas bukan lembar kerja XLSX atau CSV. Gunakan templat yang disediakan.',
    en: 'The file is not an XLSX or CSV spreadsheet. Use the template provided.',
  },
  FILE_HEADERS_INVALID: {
    status: 400,
    id: 'Judul kolom tidak sesuai templat. Kolom yang kurang: {missing}.',
    en: 'Column headers do not match the template. Missing columns: {missing}.',
  },
  FILE_TEXT_INVALID: {
    status: 400,
    id: 'Berkas berisi karakter yang bukan teks (NUL atau karakter rusak) di sel {cells}. Hapus karakter itu lalu unggah lagi.',
    en: 'The file holds characters that are not text (NUL or broken characters) in cells {cells}. Remove them and upload again.',
  },
  FILE_HAS_FORMULAS: {
    status: 400,
    id: 'Berkas berisi rumus (formula) di sel {cells}. Salin lalu tempel sebagai nilai saja.',
    en: 'The file contains formulas in cells {cells}. Copy and paste them as values only.',
  },
  FILE_ALREADY_UPLOADED: {
    status: 409,
    id: 'Berkas yang sama sudah diunggah ke batch ini; tidak ada yang diubah.',
    en: 'This same file was already uploaded to this batch; nothing was changed.',
  },
} as const satisfies Record<string, CatalogEntry>;
