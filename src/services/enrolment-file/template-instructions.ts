import type ExcelJS from 'exceljs';
import { COLUMNS, type ColumnField } from './columns.ts';

// The `Petunjuk` sheet of the template: Bahasa Indonesia first, then English. The example row
// lives here, far below the top, so it can never be read as a participant.

const RULES_ID = [
  'Isi data di lembar "Peserta": satu orang per baris, mulai baris 2. Jangan mengubah judul kolom di baris 1.',
  'NIK sebagai teks: kolom NIK sudah berformat Teks. Tulis 16 angka tanpa spasi. Jika NIK tampil sebagai 5,30401E+15, angkanya sudah rusak: format kolom sebagai Teks lalu ketik ulang NIK.',
  'Jenis Kelamin: L (laki-laki) atau P (perempuan).',
  'Tanggal Lahir: TTTT-BB-HH, misalnya 1990-06-05 (HH/BB/TTTT seperti 05/06/1990 juga diterima).',
  'Batas umur peserta ditetapkan oleh kabupaten; baris di luar batas umur ditandai tidak valid.',
  'Ukuran berkas paling besar 10 MB dan paling banyak 200.000 baris; bila lebih, bagi menjadi beberapa berkas.',
  'Berkas yang sama yang diunggah dua kali dikenali; pesertanya tidak didaftarkan dua kali.',
  'Jangan memakai rumus (formula): salin lalu tempel sebagai nilai saja.',
  'Simpan sebagai .xlsx (Excel, LibreOffice, WPS, Google Sheets) atau .csv UTF-8 (pemisah koma atau titik koma).',
];

const RULES_EN = [
  'Fill in the "Peserta" sheet: one person per row, from row 2. Do not change the column headers in row 1.',
  'NIK as text: the NIK column is formatted as Text. Write the 16 digits without spaces. If a NIK shows as 5.30401E+15 its digits are already lost: format the column as Text and type the NIK again.',
  'Sex (Jenis Kelamin): L (male) or P (female).',
  'Birth date (Tanggal Lahir): YYYY-MM-DD, e.g. 1990-06-05 (DD/MM/YYYY such as 05/06/1990 is accepted too).',
  'The age limits are set by the district; rows outside them are marked invalid.',
  'At most 10 MB and 200,000 rows per file; split larger lists into several files.',
  'The same file uploaded twice is recognised; nobody is enrolled twice.',
  'Do not use formulas: copy and paste as values only.',
  'Save as .xlsx (Excel, LibreOffice, WPS, Google Sheets) or UTF-8 .csv (comma or semicolon separated).',
];

type ColumnHelp = Record<ColumnField, { id: [string, string]; en: [string, string] }>;

const COLUMN_HELP: ColumnHelp = {
  nik: {
    id: ['Nomor Induk Kependudukan sesuai KTP atau KK', 'Teks, 16 angka'],
    en: ['National identity number, as on the ID or family card', 'Text, 16 digits'],
  },
  fullName: {
    id: ['Nama sesuai KTP', 'Huruf, paling panjang 100'],
    en: ['Name as on the ID card', 'Letters, at most 100'],
  },
  birthDate: {
    id: ['Tanggal lahir sesuai KTP', 'TTTT-BB-HH'],
    en: ['Birth date as on the ID card', 'YYYY-MM-DD'],
  },
  sex: { id: ['Jenis kelamin', 'L atau P'], en: ['Sex', 'L (male) or P (female)'] },
  occupation: {
    id: ['Pekerjaan utama, misalnya Petani, Nelayan, Tukang ojek', 'Teks'],
    en: ['Main occupation, e.g. farmer, fisher, motorcycle-taxi driver', 'Text'],
  },
  phone: {
    id: ['Nomor HP aktif (boleh kosong)', 'Teks, angka'],
    en: ['Active mobile number (optional)', 'Text, digits'],
  },
  address: { id: ['Dusun, RT/RW (boleh kosong)', 'Teks'], en: ['Hamlet, RT/RW (optional)', 'Text'] },
  villageCode: {
    id: ['Kode wilayah desa (boleh kosong); bila diisi harus desa batch ini', 'Kode Kemendagri'],
    en: [
      'Village region code (optional); if given it must be the batch’s village',
      'Ministry of Home Affairs code',
    ],
  },
  incomeRaw: {
    id: ['Perkiraan penghasilan sebulan dalam rupiah (boleh kosong)', 'Angka, misalnya 1000000'],
    en: ['Estimated monthly income in rupiah (optional)', 'Number, e.g. 1000000'],
  },
};

function addSection(sheet: ExcelJS.Worksheet, lang: 'id' | 'en', title: string, rules: string[]): void {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  for (const rule of rules) sheet.addRow([`• ${rule}`]);
  sheet.addRow([]);
  const head =
    lang === 'id'
      ? ['Kolom', 'Wajib', 'Arti', 'Format', 'Contoh']
      : ['Column', 'Required', 'Meaning', 'Format', 'Example'];
  sheet.addRow(head).font = { bold: true };
  for (const c of COLUMNS) {
    const [meaning, format] = COLUMN_HELP[c.field][lang];
    const required = c.required ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no';
    sheet.addRow([lang === 'id' ? c.id : `${c.id} (${c.en})`, required, meaning, format, c.example]);
  }
  sheet.addRow([]);
}

export function writeInstructions(sheet: ExcelJS.Worksheet): void {
  sheet.columns = [{ width: 34 }, { width: 10 }, { width: 60 }, { width: 28 }, { width: 22 }];
  addSection(sheet, 'id', 'Petunjuk pengisian berkas peserta pekerja rentan desa', RULES_ID);
  addSection(sheet, 'en', 'How to fill in the village vulnerable-worker enrolment file', RULES_EN);
  sheet.addRow(['Contoh baris (fiktif; jangan disalin ke lembar Peserta) / Example row (fictional)']).font = {
    bold: true,
  };
  sheet.addRow(COLUMNS.map((c) => c.id)).font = { bold: true };
  sheet.addRow(COLUMNS.map((c) => c.example));
}
