import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { parseEnrolmentFileWithin } from '../../src/services/enrolment-file/parse.ts';
import { type EnrolmentFileRow, parseEnrolmentFile } from '../../src/services/enrolment-file.ts';

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

async function xlsx(rows: ExcelJS.CellValue[][], sheetName = 'Data'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((values, i) => {
    values.forEach((value, col) => {
      if (value !== null) sheet.getCell(i + 1, col + 1).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csv = (text: string) => new TextEncoder().encode(text);

/** The AppError a promise rejects with, or a failure if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

const maria: EnrolmentFileRow = {
  rowNumber: 2,
  nik: '5304014506900001',
  fullName: 'Maria Goreti Bere',
  birthDateRaw: '1990-06-05',
  birthDate: '1990-06-05',
  sex: 'P',
  occupation: 'Petani',
  phone: '081234567890',
  address: 'Dusun A, Desa Kewar',
  villageCode: '53.04.01.2001',
  incomeRaw: '1000000',
  declaredIncomeRp: 1000000,
  nikNotText: false,
  nameInvalid: false,
};

describe('parseEnrolmentFile: columns and values', () => {
  it('reads English aliases in any order, any case and spacing, ignoring unknown columns', async () => {
    const text =
      'sex, Catatan ,FULL  NAME,birthdate,Occupation,nik\r\n' +
      'P,ibu kader,"  Maria   Goreti  Bere ",05/06/1990,Petani,5304 0145 0690 0001\r\n';
    const parsed = await parseEnrolmentFile(csv(text), 'peserta.csv');
    expect(parsed.format).toBe('csv');
    expect(parsed.rows).toEqual([
      {
        ...maria,
        birthDateRaw: '05/06/1990',
        phone: '',
        address: '',
        villageCode: '',
        incomeRaw: '',
        declaredIncomeRp: null,
      },
    ]);
  });

  it('reads a semicolon CSV with a BOM, skips # comment lines and keeps Excel row numbers', async () => {
    const text =
      '\uFEFFNIK;Nama Lengkap;Tanggal Lahir;Jenis Kelamin;Pekerjaan;Nomor HP;Alamat;Kode Desa;Penghasilan Sebulan\r\n' +
      '# contoh: 5304014506900001;Contoh;1990-06-05;P;Petani;;;;\r\n' +
      '\r\n' +
      '5304014506900001;Maria Goreti Bere;1990-06-05;P;Petani;081234567890;Dusun A, Desa Kewar;53.04.01.2001;1.000.000\r\n';
    const parsed = await parseEnrolmentFile(csv(text), 'x.csv');
    expect(parsed.rows).toEqual([{ ...maria, rowNumber: 4, incomeRaw: '1.000.000' }]);
  });

  it('keeps row numbers of records spanning lines and skips fully empty rows', async () => {
    const text = `${HEADERS.join(',')}\n1,"Ana\nBere",,,\n,,,,\n2,Yakobus,,,\n`;
    const parsed = await parseEnrolmentFile(csv(text), 'x.csv');
    expect(parsed.rows.map((r) => [r.rowNumber, r.nik, r.fullName])).toEqual([
      [2, '1', 'Ana Bere'],
      [4, '2', 'Yakobus'],
    ]);
  });

  it('accepts each date form when it is a real date, and keeps the raw text of the others', async () => {
    const dates = [
      ['1990-06-05', '1990-06-05'],
      ['05/06/1990', '1990-06-05'],
      ['05-06-1990', '1990-06-05'],
      ['5/6/1990', '1990-06-05'],
      ['29/02/2000', '2000-02-29'],
      ['2023-02-30', null],
      ['29/02/1900', null],
      ['31/04/1990', null],
      ['05/13/1990', null],
      ['05/06-1990', null],
      ['5 Juni 1990', null],
      ['1990', null],
    ] as const;
    const lines = dates.map(([raw]) => `1,Nama,${raw},L,Petani`);
    const parsed = await parseEnrolmentFile(
      csv(`${HEADERS.slice(0, 5).join(',')}\n${lines.join('\n')}`),
      'x',
    );
    expect(parsed.rows.map((r) => [r.birthDateRaw, r.birthDate])).toEqual(dates);
  });

  it('normalises the sex column', async () => {
    const values = [
      'L',
      'lk',
      'Laki-laki',
      'laki laki',
      'PRIA',
      'm',
      'P',
      'pr',
      'Perempuan',
      'wanita',
      'F',
      'x',
      '',
    ];
    const lines = values.map((sex) => `1,Nama,1990-06-05,${sex},Petani`);
    const parsed = await parseEnrolmentFile(
      csv(`${HEADERS.slice(0, 5).join(',')}\n${lines.join('\n')}`),
      'x',
    );
    expect(parsed.rows.map((r) => r.sex)).toEqual([
      'L',
      'L',
      'L',
      'L',
      'L',
      'L',
      'P',
      'P',
      'P',
      'P',
      'P',
      'X',
      '',
    ]);
  });

  it('parses income written the Indonesian or the English way, and nulls what is unclear', async () => {
    const incomes = [
      ['1.500.000', 1500000],
      ['Rp 1,500,000', 1500000],
      ['Rp1.500.000,-', 1500000],
      ['1.500.000,00', 1500000],
      ['1500000', 1500000],
      ['Rp. 750.000', 750000],
      ['', null],
      ['satu juta', null],
      ['1,5', null],
      ['-100000', null],
      ['1.500.00', null],
    ] as const;
    const lines = incomes.map(([raw]) => `1,Nama,1990-06-05,L,Petani,"${raw}"`);
    const head = `${HEADERS.slice(0, 5).join(',')},Penghasilan Sebulan`;
    const parsed = await parseEnrolmentFile(csv(`${head}\n${lines.join('\n')}`), 'x');
    expect(parsed.rows.map((r) => [r.incomeRaw, r.declaredIncomeRp])).toEqual(incomes);
  });

  it('keeps only digits and a leading + of a phone number', async () => {
    const head = `${HEADERS.slice(0, 5).join(',')},Nomor HP`;
    const body = ['+62 812-3456-7890', '0812 3456 7890', '(0389) 21 000', ''].map(
      (p) => `1,N,1990-06-05,L,T,${p}`,
    );
    const parsed = await parseEnrolmentFile(csv(`${head}\n${body.join('\n')}`), 'x');
    expect(parsed.rows.map((r) => r.phone)).toEqual(['+6281234567890', '081234567890', '038921000', '']);
  });

  it('flags a NIK that was a number (XLSX number cell, or a CSV saved by Excel as 5.30401E+15)', async () => {
    const bytes = await xlsx([
      HEADERS.slice(0, 5),
      // What Excel stores for a typed 5304014506900001: 15 significant digits, the last one lost.
      [5304014506900000, 'Ana', '1990-06-05', 'P', 'Petani'],
      ['5304014506900001', 'Bea', '1990-06-05', 'P', 'Petani'],
    ]);
    const rows = (await parseEnrolmentFile(bytes, 'x.xlsx')).rows;
    expect(rows.map((r) => [r.nik, r.nikNotText])).toEqual([
      ['5304014506900000', true],
      ['5304014506900001', false],
    ]);
    const fromCsv = await parseEnrolmentFile(csv(`${HEADERS.slice(0, 5).join(',')}\n5.30401E+15,A,,,`), 'x');
    expect(fromCsv.rows.map((r) => [r.nik, r.nikNotText])).toEqual([['5.30401E+15', true]]);
  });

  describe('XLSX date cells', () => {
    const tz = process.env.TZ;
    afterEach(() => {
      process.env.TZ = tz;
    });

    it('reads a date cell by its UTC parts whatever the server time zone', async () => {
      process.env.TZ = 'America/Los_Angeles'; // local midnight here is the previous day in UTC
      const bytes = await xlsx([
        [...HEADERS.slice(0, 5), 'Penghasilan Sebulan'],
        ['5304014506900001', 'Ana', new Date(Date.UTC(1990, 5, 5)), 'P', 'Petani', 1500000],
      ]);
      const [row] = (await parseEnrolmentFile(bytes, 'x.xlsx')).rows;
      expect([row?.birthDateRaw, row?.birthDate, row?.incomeRaw, row?.declaredIncomeRp]).toEqual([
        '1990-06-05',
        '1990-06-05',
        '1500000',
        1500000,
      ]);
    });
  });

  it('reads rich text and hyperlink cells as their text, and prefers the sheet named Peserta', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Catatan').addRow(['bukan data']);
    const sheet = workbook.addWorksheet('Peserta');
    sheet.addRow(HEADERS.slice(0, 6));
    sheet.addRow([
      '5304014506900001',
      { richText: [{ text: 'Maria ', font: { bold: true } }, { text: 'Bere' }] },
      '1990-06-05',
      'P',
      'Petani',
      { text: '081234567890', hyperlink: 'tel:081234567890' },
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = (await parseEnrolmentFile(bytes, 'x.xlsx')).rows;
    expect(rows.map((r) => [r.fullName, r.phone])).toEqual([['Maria Bere', '081234567890']]);
  });

  it('finds the header under a title line and keeps sheet row numbers past empty rows', async () => {
    const bytes = await xlsx([
      ['Daftar peserta Desa Kewar'],
      HEADERS.slice(0, 5),
      ['5304014506900001', 'Ana', '1990-06-05', 'P', 'Petani'],
      [null, null, '', null],
      ['5304014506900002', 'Bea', '1990-06-05', 'P', 'Petani'],
    ]);
    const rows = (await parseEnrolmentFile(bytes, 'x.xlsx')).rows;
    expect(rows.map((r) => [r.rowNumber, r.fullName])).toEqual([
      [3, 'Ana'],
      [5, 'Bea'],
    ]);
  });

  it('hashes the bytes with SHA-256 so the same file uploaded twice is recognised', async () => {
    const bytes = csv(`${HEADERS.slice(0, 5).join(',')}\n1,A,,,\n`);
    const parsed = await parseEnrolmentFile(bytes, 'a.csv');
    expect(parsed.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await parseEnrolmentFile(bytes, 'renamed.txt')).sha256).toBe(parsed.sha256);
  });
});

describe('parseEnrolmentFile: rejections', () => {
  it('refuses an empty file, a header with no rows, and blank lines', async () => {
    const header = HEADERS.join(',');
    for (const bytes of [
      new Uint8Array(0),
      csv(`${header}\r\n`),
      csv(`${header}\r\n# contoh: 1,2\r\n\r\n,,,\r\n`),
      csv(' \r\n\r\n'),
      await xlsx([HEADERS]),
    ]) {
      expect((await rejection(parseEnrolmentFile(bytes, 'x'))).code).toBe('FILE_EMPTY');
    }
  });

  it('names the missing required columns in Bahasa Indonesia', async () => {
    const error = await rejection(parseEnrolmentFile(csv('NIK,Nama,Pekerjaan,Alamat\n1,A,B,C\n'), 'x.csv'));
    expect(error.code).toBe('FILE_HEADERS_INVALID');
    expect(error.params).toEqual({ missing: 'Nama Lengkap, Tanggal Lahir, Jenis Kelamin' });
    expect(error.localized('id')).toBe(
      'Judul kolom tidak sesuai templat. Kolom yang kurang: Nama Lengkap, Tanggal Lahir, Jenis Kelamin.',
    );
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const error = await rejection(parseEnrolmentFile(bytes, 'big.csv'));
    expect([error.code, error.params]).toEqual(['FILE_TOO_LARGE', { sizeMb: 20, limitMb: 10 }]);
  });

  it('refuses images, PDFs, executables, legacy .xls, random bytes and broken zips', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >> 16;
    });
    const files: [string, Uint8Array][] = [
      [
        'peserta.png',
        Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      ],
      ['peserta.pdf', csv('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n')],
      ['peserta.pdf', Uint8Array.from([...csv('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a])],
      ['peserta.csv', Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])],
      ['peserta.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
      ['peserta.xlsx', random],
      ['peserta.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x41, 0x42])],
      ['peserta.csv', Uint8Array.from([...csv('NIK,Nama\n'), 0xff, 0xfe, 0x41])],
    ];
    for (const [name, bytes] of files) {
      expect([name, (await rejection(parseEnrolmentFile(bytes, name))).code]).toEqual([
        name,
        'FILE_NOT_SPREADSHEET',
      ]);
    }
  });

  it('refuses formula cells in XLSX, listing at most five addresses', async () => {
    const row = (n: number) => [
      `530401450690000${n}`,
      'Ana',
      '1990-06-05',
      'P',
      { formula: 'UPPER("petani")' },
    ];
    const bytes = await xlsx([HEADERS.slice(0, 5), row(1), row(2), row(3), row(4), row(5), row(6)]);
    const error = await rejection(parseEnrolmentFile(bytes, 'x.xlsx'));
    expect([error.code, error.params]).toEqual(['FILE_HAS_FORMULAS', { cells: 'E2, E3, E4, E5, E6' }]);
  });

  it('refuses CSV cells a spreadsheet would run as formulas, but not +62 numbers', async () => {
    const head = HEADERS.slice(0, 6).join(',');
    const ok = await parseEnrolmentFile(csv(`${head}\n1,Ana,,,-5,+6281234567890\n`), 'x.csv');
    expect(ok.rows.map((r) => [r.occupation, r.phone])).toEqual([['-5', '+6281234567890']]);
    const cases = [
      ['1,"=HYPERLINK(""http://x"",""klik"")",,,,', 'B2'],
      ['1,Ana,,,@SUM(1),', 'E2'],
      ['1,Ana,,,,+cmd', 'F2'],
      ['1,Ana,,,-(1),', 'E2'],
    ];
    for (const [line, cell] of cases) {
      const error = await rejection(parseEnrolmentFile(csv(`${head}\n${line}\n`), 'x.csv'));
      expect([error.code, error.params]).toEqual(['FILE_HAS_FORMULAS', { cells: cell }]);
    }
  });

  it('refuses more rows than the limit, not counting empty or comment lines', async () => {
    const limits = { maxBytes: 1024 * 1024, maxRows: 3 };
    const head = HEADERS.slice(0, 5).join(',');
    const three = `${head}\n# contoh\n1,A,,,\n\n2,B,,,\n3,C,,,\n`;
    expect((await parseEnrolmentFileWithin(csv(three), limits)).rows).toHaveLength(3);
    const error = await rejection(parseEnrolmentFileWithin(csv(`${three}4,D,,,\n`), limits));
    expect([error.code, error.params]).toEqual(['FILE_TOO_MANY_ROWS', { rows: 4, limit: 3 }]);
  });

  it('refuses a CSV whose quote is never closed', async () => {
    const error = await rejection(parseEnrolmentFile(csv(`${HEADERS.join(',')}\n1,"Ana,,,\n`), 'x.csv'));
    expect(error.code).toBe('FILE_NOT_SPREADSHEET');
  });
});
