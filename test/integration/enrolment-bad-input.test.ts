import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';

async function xlsxWithFormula(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Peserta');
  ws.addRow(['NIK', 'Nama Lengkap', 'Tanggal Lahir', 'Jenis Kelamin', 'Pekerjaan']);
  const w = validWorkers(1)[0]!;
  ws.addRow([w.nik, w.name, w.birthDate, w.sex, w.occupation]);
  ws.getCell('B3').value = { formula: 'B2&"X"', result: `${w.name}X` };
  ws.getCell('A3').value = '5304014506900002';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('village enrolment: bad files are refused whole, with a clear error, writing nothing', () => {
  let deps: Deps;
  let t: TestDb;
  let kewar: Actor;
  const written = async () =>
    (
      await deps.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM enrolment_row) + (SELECT count(*) FROM enrolment_upload)
              + (SELECT count(*) FROM enrolment_batch) + (SELECT count(*) FROM audit_log WHERE action LIKE 'enrolment%') AS n`,
      )
    ).rows[0]!.n;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    kewar = await demoActor(deps, 'desa.kewar');
  });
  afterAll(async () => t.drop());

  const cases: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['an empty file', () => Buffer.alloc(0), 'FILE_EMPTY'],
    [
      'a header without rows',
      () => Buffer.from('NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan\n'),
      'FILE_EMPTY',
    ],
    ['wrong headers', () => Buffer.from('Name,Date\nA,B\n'), 'FILE_HEADERS_INVALID'],
    ['a 20 MB file', () => Buffer.alloc(20 * 1024 * 1024, 0x41), 'FILE_TOO_LARGE'],
    [
      'a PDF renamed .csv',
      () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      'FILE_NOT_SPREADSHEET',
    ],
    [
      'an executable renamed .xlsx',
      () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00'), Buffer.alloc(64)]),
      'FILE_NOT_SPREADSHEET',
    ],
    ['an XLSX with a formula', xlsxWithFormula, 'FILE_HAS_FORMULAS'],
    [
      'a CSV with a formula',
      () =>
        Buffer.from(
          'NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan\n=HYPERLINK("x"),A,1990-01-01,L,Petani\n',
        ),
      'FILE_HAS_FORMULAS',
    ],
  ];

  it.each(cases)('%s → %s', async (_name, make, code) => {
    const before = await written();
    await expect(
      uploadEnrolment(deps, kewar, { villageCode: KEWAR, fileName: 'x.csv', bytes: await make() }),
    ).rejects.toMatchObject({ code });
    expect(await written()).toBe(before);
  });

  it('row-level problems (letters in NIK, duplicate NIK, another village) are answered per row', async () => {
    const rows = validWorkers(4, 900);
    rows[1]!.nik = 'ABC4014506900001';
    rows[2] = { ...rows[0]! };
    rows[3]!.villageCode = '53.04.02.2001';
    const r = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'rows.csv',
      bytes: toCsv(rows),
    });
    expect(r.problems.map((p) => [p.rowNumber, p.errors.map((e) => e.code)])).toEqual([
      [3, ['NIK_FORMAT']],
      [4, ['DUPLICATE_IN_FILE']],
      [5, ['OTHER_VILLAGE']],
    ]);
  });

  it('warns, without refusing, about an unknown NIK region and a possible duplicate person', async () => {
    const rows = validWorkers(3, 950);
    rows[0]!.nik = `539901${rows[0]!.nik.slice(6)}`; // a kecamatan code not in today's list (e.g. before a split)
    rows[2] = { ...rows[1]!, nik: `${rows[1]!.nik.slice(0, 12)}0999` }; // same name and birth date, another NIK
    const r = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'warn.csv',
      bytes: toCsv(rows),
    });
    expect(r.upload).toMatchObject({ valid: 3, invalid: 0, warnings: 3 });
    expect(r.problems.map((p) => [p.rowNumber, p.warnings.map((w) => w.code)])).toEqual([
      [2, ['NIK_REGION_UNKNOWN']],
      [3, ['POSSIBLE_DUPLICATE']],
      [4, ['POSSIBLE_DUPLICATE']],
    ]);
  });

  it('a village operator cannot upload for another village (404), and a dry run writes nothing', async () => {
    await expect(
      uploadEnrolment(deps, kewar, {
        villageCode: '53.04.01.2002',
        fileName: 'x.csv',
        bytes: toCsv(validWorkers(2)),
      }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    const before = await written();
    const dry = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'dry.csv',
      bytes: toCsv(validWorkers(3, 700)),
      dryRun: true,
    });
    expect(dry).toMatchObject({ dryRun: true, upload: { valid: 3 } });
    expect(await written()).toBe(before);
  });
});
