import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import {
  type EnrolmentReportRow,
  enrolmentReportXlsx,
  enrolmentTemplate,
  parseEnrolmentFile,
} from '../../src/services/enrolment-file.ts';
import { formatWita } from '../../src/services/tanggal-id.ts';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const outcome = await promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
  return outcome;
}

const HEADERS = [
  'NIK',
  'Nama Lengkap',
  'Tanggal Lahir',
  'Jenis Kelamin',
  'Pekerjaan',
  'Nomor HP',
  'Alamat',
  'Kode Desa',
  'Penghasilan Sebulan',
];

type Validations = Record<string, ExcelJS.DataValidation | undefined>;
const validationsOf = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe('enrolmentTemplate', () => {
  it('XLSX: an empty Peserta sheet with text NIK/phone columns, validations and a frozen bold header', async () => {
    const workbook = await load(await enrolmentTemplate('xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Peserta', 'Petunjuk']);
    const sheet = workbook.getWorksheet('Peserta')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([sheet.getColumn(1).numFmt, sheet.getColumn(6).numFmt]).toEqual(['@', '@']);
    expect(sheet.getColumn(2).width).toBe(30);
    const validations = validationsOf(sheet);
    expect(validations['A200001']).toMatchObject({ type: 'textLength', operator: 'equal', formulae: [16] });
    expect(validations['A2']?.prompt).toBe(
      'Tulis 16 angka NIK sesuai KTP, tanpa spasi. Kolom ini berformat Teks.',
    );
    expect(validations['A2']?.error).toBe('NIK harus tepat 16 angka.');
    expect(validations['A200002']).toBeUndefined();
    expect(validations['D2']).toMatchObject({ type: 'list', formulae: ['"L,P"'] });
    expect(validations['C200001']).toMatchObject({ type: 'date', operator: 'between' });
  });

  it('XLSX: the Petunjuk sheet holds the instructions (Bahasa Indonesia first) and the example row', async () => {
    const sheet = (await load(await enrolmentTemplate('xlsx'))).getWorksheet('Petunjuk')!;
    const lines: string[] = [];
    sheet.eachRow((row) => {
      lines.push((row.values as unknown[]).slice(1).join('|'));
    });
    const text = lines.join('\n');
    for (const phrase of [
      'NIK sebagai teks',
      'L (laki-laki) atau P',
      'TTTT-BB-HH',
      'ditetapkan oleh kabupaten',
    ]) {
      expect(text).toContain(phrase);
    }
    for (const phrase of ['10 MB', 'diunggah dua kali', 'NIK as text', 'uploaded twice is recognised']) {
      expect(text).toContain(phrase);
    }
    expect(text.indexOf('NIK sebagai teks')).toBeLessThan(text.indexOf('NIK as text'));
    expect(lines.at(-1)).toBe(
      '5304014506900001|Maria Goreti Bere|1990-06-05|P|Petani|081234567890|Dusun A, Desa Kewar|53.04.01.2001|1000000',
    );
  });

  it('CSV: UTF-8 with BOM, the header line, then the example as a comment', async () => {
    expect((await enrolmentTemplate('csv')).toString('utf8')).toBe(
      '\uFEFFNIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Nomor HP,Alamat,Kode Desa,Penghasilan Sebulan\r\n' +
        '# contoh: 5304014506900001,Maria Goreti Bere,1990-06-05,P,Petani,081234567890,"Dusun A, Desa Kewar",53.04.01.2001,1000000\r\n',
    );
  });

  it('an untouched template enrols nobody: both formats parse as empty', async () => {
    expect(await rejectionCode(parseEnrolmentFile(await enrolmentTemplate('xlsx'), 'templat.xlsx'))).toBe(
      'FILE_EMPTY',
    );
    expect(await rejectionCode(parseEnrolmentFile(await enrolmentTemplate('csv'), 'templat.csv'))).toBe(
      'FILE_EMPTY',
    );
  });

  it('round-trips: the XLSX template filled with three rows parses to those three rows', async () => {
    const workbook = await load(await enrolmentTemplate('xlsx'));
    const sheet = workbook.getWorksheet('Peserta')!;
    sheet.getRow(2).values = [
      '5304014506900001',
      'Maria Goreti Bere',
      new Date(Date.UTC(1990, 5, 5)),
      'P',
      'Petani',
    ];
    sheet.getRow(3).values = [
      '5304010101850002',
      'Yohanes Mau',
      '01/01/1985',
      'laki-laki',
      'Nelayan',
      '081234567891',
      'Dusun B',
      '53.04.01.2001',
      '1.250.000',
    ];
    sheet.getRow(4).values = [
      '5304015212000003',
      'Anna Luruk',
      '2000-12-12',
      'p',
      'Tenun',
      '',
      '',
      '',
      800000,
    ];
    const parsed = await parseEnrolmentFile(new Uint8Array(await workbook.xlsx.writeBuffer()), 'isi.xlsx');
    expect(parsed.format).toBe('xlsx');
    expect(
      parsed.rows.map((r) => [r.rowNumber, r.nik, r.fullName, r.birthDate, r.sex, r.occupation, r.phone]),
    ).toEqual([
      [2, '5304014506900001', 'Maria Goreti Bere', '1990-06-05', 'P', 'Petani', ''],
      [3, '5304010101850002', 'Yohanes Mau', '1985-01-01', 'L', 'Nelayan', '081234567891'],
      [4, '5304015212000003', 'Anna Luruk', '2000-12-12', 'P', 'Tenun', ''],
    ]);
    expect(parsed.rows.map((r) => [r.villageCode, r.declaredIncomeRp, r.nikNotText])).toEqual([
      ['', null, false],
      ['53.04.01.2001', 1250000, false],
      ['', 800000, false],
    ]);
  });

  it('round-trips: the CSV template with three rows appended parses to those three rows', async () => {
    const template = (await enrolmentTemplate('csv')).toString('utf8');
    const filled = `${template}5304014506900001,Maria,1990-06-05,P,Petani\r\n5304010101850002,Yohanes,01/01/1985,L,Nelayan\r\n5304015212000003,Anna,12-12-2000,P,Tenun\r\n`;
    const parsed = await parseEnrolmentFile(Buffer.from(filled, 'utf8'), 'isi.csv');
    expect(parsed.rows.map((r) => [r.rowNumber, r.nik, r.fullName, r.birthDate])).toEqual([
      [3, '5304014506900001', 'Maria', '1990-06-05'],
      [4, '5304010101850002', 'Yohanes', '1985-01-01'],
      [5, '5304015212000003', 'Anna', '2000-12-12'],
    ]);
  });
});

const base = {
  birthDateRaw: '1990-06-05',
  birthDate: '1990-06-05',
  sex: 'P',
  occupation: 'Petani',
  phone: '081234567890',
  address: 'Dusun A',
  villageCode: '53.04.01.2001',
  incomeRaw: '1000000',
  declaredIncomeRp: 1000000,
  nikNotText: false,
  nameInvalid: false,
};
const reportRows: EnrolmentReportRow[] = [
  {
    ...base,
    rowNumber: 2,
    nik: '5304014506900001',
    fullName: 'Maria',
    state: 'valid',
    errors: [],
    warnings: [],
  },
  {
    ...base,
    rowNumber: 3,
    nik: '53040145069',
    fullName: 'Ana',
    birthDateRaw: '30/02/1990',
    birthDate: null,
    state: 'invalid',
    errors: [
      { field: 'nik', code: 'NIK_FORMAT' },
      { field: 'birthDate', code: 'DATE_INVALID' },
    ],
    warnings: [],
  },
  {
    ...base,
    rowNumber: 4,
    nik: '5304014506900003',
    fullName: 'Bea',
    state: 'kept',
    errors: [],
    warnings: [{ field: 'nik', code: 'NIK_REGION_UNKNOWN' }],
  },
  {
    ...base,
    rowNumber: 5,
    nik: '5304014506900004',
    fullName: 'Cia',
    state: 'invalid',
    errors: [{ field: 'birthDate', code: 'AGE_OUT_OF_RANGE', params: { detail: '18–59 tahun' } }],
    warnings: [],
  },
];
const meta = { villageName: 'Kewar', batchId: 17, generatedAt: '2023-05-22T06:05:00Z' };

describe('enrolmentReportXlsx', () => {
  it('writes each row with its status and its errors in both languages beside it', async () => {
    const workbook = await load(await enrolmentReportXlsx(reportRows, meta));
    const sheet = workbook.getWorksheet('Hasil')!;
    expect(sheet.getCell('A1').value).toBe(
      'Hasil pemeriksaan berkas peserta — Desa Kewar — Batch 17 — 22 Mei 2023 14.05 WITA',
    );
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Baris',
      ...HEADERS,
      'Status',
      'Kesalahan',
      'Errors (English)',
      'Peringatan',
    ]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      3,
      '53040145069',
      'Ana',
      '30/02/1990',
      'P',
      'Petani',
      '081234567890',
      'Dusun A',
      '53.04.01.2001',
      '1000000',
      'Tidak valid',
      'NIK: NIK harus 16 angka.; Tanggal Lahir: Tanggal tidak valid; tulis TTTT-BB-HH, misalnya 1990-06-05.',
      'NIK: NIK must be 16 digits.; Birth Date: Invalid date; write YYYY-MM-DD, e.g. 1990-06-05.',
    ]);
    expect(sheet.getCell('N4').value).toBeNull(); // no warnings: an empty (but highlighted) cell
    expect(sheet.getCell('K5').value).toBe('Sudah ada di batch');
    expect(sheet.getCell('N5').value).toBe(
      'NIK: Peringatan: kode wilayah NIK tidak ada di daftar wilayah sekarang (mungkin wilayah sebelum pemekaran).',
    );
    expect(sheet.getCell('M6').value).toBe('Birth Date: Age outside the programme limits (18–59 tahun).');
    expect(sheet.getCell('B3').value).toBe('5304014506900001');
    expect(sheet.getColumn(2).numFmt).toBe('@');
  });

  it('highlights invalid rows in light red, freezes the header and sets an autofilter', async () => {
    const sheet = (await load(await enrolmentReportXlsx(reportRows, meta))).getWorksheet('Hasil')!;
    const argb = (address: string) => {
      const fill = sheet.getCell(address).fill;
      return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
    };
    expect([argb('A4'), argb('N4'), argb('B6')]).toEqual(['FFFFC7CE', 'FFFFC7CE', 'FFFFC7CE']);
    expect([argb('A3'), argb('A5')]).toEqual([undefined, undefined]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBe('A2:N6');
  });

  it('counts rows per state in Ringkasan', async () => {
    const sheet = (await load(await enrolmentReportXlsx(reportRows, meta))).getWorksheet('Ringkasan')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual([
      ['Valid', 1],
      ['Tidak valid', 2],
      ['Sudah ada di batch', 1],
      ['Diganti', 0],
      ['Baru', 0],
      ['Jumlah baris', 4],
    ]);
  });

  it('can be corrected and uploaded again: the report parses back to its rows', async () => {
    const parsed = await parseEnrolmentFile(await enrolmentReportXlsx(reportRows, meta), 'hasil.xlsx');
    expect(parsed.rows.map((r) => [r.rowNumber, r.nik, r.fullName, r.birthDate])).toEqual([
      [3, '5304014506900001', 'Maria', '1990-06-05'],
      [4, '53040145069', 'Ana', null],
      [5, '5304014506900003', 'Bea', '1990-06-05'],
      [6, '5304014506900004', 'Cia', '1990-06-05'],
    ]);
  });

  it('drops a placeholder the caller did not fill, and shows an unknown code as it is', async () => {
    const row: EnrolmentReportRow = {
      ...reportRows[0]!,
      state: 'invalid',
      errors: [
        { field: 'birthDate', code: 'AGE_OUT_OF_RANGE' },
        { field: 'declaredIncomeRp', code: 'SOMETHING_NEW' },
        { field: 'toString', code: 'toString' },
      ],
    };
    const sheet = (await load(await enrolmentReportXlsx([row], meta))).getWorksheet('Hasil')!;
    expect(sheet.getCell('L3').value).toBe(
      'Tanggal Lahir: Umur di luar batas program.; Penghasilan Sebulan: SOMETHING_NEW; toString: toString',
    );
  });

  it('shows times in WITA (UTC+8), across midnight and year end', () => {
    expect(formatWita('2023-12-31T16:30:00Z')).toBe('1 Januari 2024 00.30 WITA');
    expect(formatWita('2024-02-29T02:07:00+08:00')).toBe('29 Februari 2024 02.07 WITA');
  });
});
