import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { updateBusinessType } from '../../src/services/business-types.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { importWageReport } from '../../src/services/import-wage-report.ts';
import { listEmployers, showEmployer } from '../../src/services/list-employers.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';

const NPP = '53040001';
const A = nikFor({ birthDate: '1990-06-05', sex: 'P', serial: 1 });
const B = nikFor({ birthDate: '1985-01-20', sex: 'L', serial: 2 });
const C = nikFor({ birthDate: '1979-12-31', sex: 'L', serial: 3 });
const D = nikFor({ birthDate: '1998-03-14', sex: 'P', serial: 4 });
const E = nikFor({ birthDate: '1970-07-07', sex: 'L', serial: 5 });
const F = nikFor({ birthDate: '2000-02-02', sex: 'L', serial: 6 });
const G = nikFor({ birthDate: '2001-04-04', sex: 'P', serial: 7 });
const H = nikFor({ birthDate: '1995-05-05', sex: 'L', serial: 8 });

const HEADER = ['NIK', 'Nama', 'Upah (Rp)', 'Mutasi', 'Tanggal Lahir', 'Jenis Kelamin'];
// Rows 2–5 are good (one per mutation kind), rows 6–10 bad in one known way each.
const REPORT = [
  [A, 'Maria Bere', '2.750.000', 'perubahan upah', '', ''],
  [B, 'Yohanes Mau', '2500000', 'keluar', '', ''],
  [C, 'Petrus Luan', '2500000', 'tetap', '', ''],
  [D, 'Agustina Seran', 'Rp 2.600.000', 'masuk', '1998-03-14', 'P'],
  [E, 'Dominikus Asa', '2500000', 'keluar', '', ''], // never employed here
  [F, 'Fransiskus Tae', '0', 'masuk', '2000-02-02', 'L'], // wage 0
  [G, 'Yuliana Bria', '2500000', 'masuk', '2001-04-04', 'P'], // G twice
  [G, 'Yuliana Bria', '2500000', 'masuk', '2001-04-04', 'P'],
  [H, 'Theresia Nahak', '2500000', 'pindah', '', ''], // unknown mutation
];
const csv = (rows: string[][]) => Buffer.from(`${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`);

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Upah');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fingerprint of every business table the import may touch. */
async function fingerprint(deps: Deps) {
  const r = await deps.db.query<{ t: string; h: string }>(
    `SELECT 'person' AS t, md5(string_agg(x::text, '|' ORDER BY x.id)) AS h FROM person x
     UNION ALL SELECT 'participant', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM participant x
     UNION ALL SELECT 'status', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM participant_status x
     UNION ALL SELECT 'employment', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM employment x
     UNION ALL SELECT 'wage_report', md5(string_agg(x::text, '|' ORDER BY x.id)) FROM wage_report x`,
  );
  return r.rows;
}

const count = async (deps: Deps, table: string) =>
  (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe('employers: registration, employees, monthly wage report', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
  });
  afterAll(async () => t.drop());

  it('registers an employer with the risk group of its business type and a payer of kind employer', async () => {
    const r = await registerEmployer(deps, branch, {
      npp: NPP,
      name: 'CV Tenun Ikat Belu',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: '53.04.01.2001',
    });
    expect(r.employer).toMatchObject({ npp: NPP, riskGroup: 1, riskGroupReason: null, regencyCode: '53.04' });
    const payer = await deps.db.query('SELECT kind, name, region_code FROM payer WHERE id = $1', [
      r.employer.payerId,
    ]);
    expect(payer.rows).toEqual([
      { kind: 'employer', name: 'CV Tenun Ikat Belu', region_code: '53.04.01.2001' },
    ]);
  });

  it('an overridden risk group needs a reason; unknown types, duplicates and other roles are refused', async () => {
    const base = {
      name: 'PT Kebun Lamaknen',
      businessTypeCode: 'perkebunan',
      scale: 'medium' as const,
      regionCode: '53.04',
    };
    await expect(
      registerEmployer(deps, branch, { ...base, npp: '53040002', riskGroup: 3 }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'riskGroupReason', code: 'REQUIRED' })],
    });
    const ok = await registerEmployer(deps, branch, {
      ...base,
      npp: '53040002',
      riskGroup: 3,
      riskGroupReason: 'pengolahan dengan mesin berat',
    });
    expect(ok.employer).toMatchObject({ riskGroup: 3, businessTypeCode: 'perkebunan' });
    const plain = await registerEmployer(deps, branch, { ...base, npp: '53040003' });
    expect(plain.employer.riskGroup).toBe(2);
    await expect(
      registerEmployer(deps, branch, { ...base, npp: '53040004', businessTypeCode: 'tambang' }),
    ).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'BUSINESS_TYPE_UNKNOWN' })] });
    await expect(registerEmployer(deps, branch, { ...base, npp: NPP })).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    const village = await demoActor(deps, 'desa.kewar');
    await expect(registerEmployer(deps, village, { ...base, npp: '53040005' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('changing a business type later leaves registered employers with their group', async () => {
    const admin = await demoActor(deps, 'admin');
    const src = 'PP 44/2015 Lampiran I (uji)';
    await updateBusinessType(deps, admin, 'konveksi', {
      name: 'Konveksi',
      riskGroup: 2,
      source: src,
      status: 'partial',
    });
    expect((await showEmployer(deps, branch, NPP)).employer.riskGroup).toBe(1);
    await expect(
      updateBusinessType(deps, branch, 'konveksi', {
        name: 'Konveksi',
        riskGroup: 1,
        source: src,
        status: 'partial',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('registers three employees: PU participants with a KPJ, active from the start date', async () => {
    const people = [
      { nik: A, fullName: 'Maria Bere', birthDate: '1990-06-05', sex: 'P' as const },
      { nik: B, fullName: 'Yohanes Mau', birthDate: '1985-01-20', sex: 'L' as const },
      { nik: C, fullName: 'Petrus Luan', birthDate: '1979-12-31', sex: 'L' as const, jp: false },
    ];
    for (const p of people) {
      const r = await registerEmployee(deps, branch, NPP, {
        ...p,
        startDate: '2026-09-01',
        wageRp: 2_500_000,
      });
      expect(r.employment).toMatchObject({ startDate: '2026-09-01', wageRp: 2_500_000, status: 'active' });
      expect(r.employment.kpj).toMatch(/^26\d{9}$/);
    }
    const programs = await deps.db.query<{
      nik: string;
      programs: string[];
      status: string;
      effective_date: string;
    }>(
      `SELECT p.nik, pa.programs, s.status, s.effective_date FROM participant pa JOIN person p ON p.id = pa.person_id
       JOIN participant_status s ON s.participant_id = pa.id WHERE pa.segment = 'PU' ORDER BY pa.id`,
    );
    expect(programs.rows).toEqual([
      { nik: A, programs: ['JKK', 'JKM', 'JHT', 'JP'], status: 'active', effective_date: '2026-09-01' },
      { nik: B, programs: ['JKK', 'JKM', 'JHT', 'JP'], status: 'active', effective_date: '2026-09-01' },
      { nik: C, programs: ['JKK', 'JKM', 'JHT'], status: 'active', effective_date: '2026-09-01' },
    ]);
  });

  it('refuses a NIK that does not match the birth date, JP opt-out at a medium employer, a second job there', async () => {
    const form = { startDate: '2026-09-01', wageRp: 2_500_000 };
    await expect(
      registerEmployee(deps, branch, NPP, {
        ...form,
        nik: E,
        fullName: 'Dominikus Asa',
        birthDate: '1971-07-07',
        sex: 'L',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'nik', code: 'NIK_BIRTH_DATE_MISMATCH' })],
    });
    await expect(registerEmployee(deps, branch, NPP, { ...form, nik: E })).rejects.toMatchObject({
      details: [
        expect.objectContaining({ field: 'fullName', code: 'REQUIRED' }),
        expect.objectContaining({ field: 'birthDate', code: 'REQUIRED' }),
        expect.objectContaining({ field: 'sex', code: 'REQUIRED' }),
      ],
    });
    await expect(
      registerEmployee(deps, branch, '53040003', { ...form, nik: A, jp: false }),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'jp', code: 'JP_REQUIRED' })],
    });
    await expect(registerEmployee(deps, branch, NPP, { ...form, nik: A })).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
  });

  it('a dry run reports and writes nothing', async () => {
    const before = await fingerprint(deps);
    const r = await importWageReport(deps, branch, {
      npp: NPP,
      period: '2026-10',
      fileName: 'upah.csv',
      bytes: csv(REPORT),
      dryRun: true,
    });
    expect(r.upload).toMatchObject({ id: null, valid: 4, invalid: 5, joined: 1, left: 1, wageChanged: 1 });
    expect(await fingerprint(deps)).toEqual(before);
    expect(await count(deps, 'wage_upload')).toBe(0);
  });

  it('imports the wage report: join, leave, wage change, no change, and each bad row with its code', async () => {
    const r = await importWageReport(deps, branch, {
      npp: NPP,
      period: '2026-10',
      fileName: 'upah.csv',
      bytes: csv(REPORT),
    });
    expect(r.upload).toMatchObject({
      rows: 9,
      valid: 4,
      invalid: 5,
      joined: 1,
      left: 1,
      wageChanged: 1,
      unchanged: 1,
    });
    expect(r.repeated).toBe(false);
    expect(r.problems.map((p) => [p.rowNumber, p.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [6, ['nik:NOT_EMPLOYED']],
      [7, ['wage:WAGE_INVALID']],
      [8, ['nik:DUPLICATE_IN_FILE']],
      [9, ['nik:DUPLICATE_IN_FILE']],
      [10, ['mutation:MUTATION_INVALID']],
    ]);
    expect(r.problems[0]!.nik).toBe(E); // the branch officer sees the NIK unmasked
    expect(r.problems[1]!.errors[0]!.message).toBe('Upah harus angka rupiah lebih dari 0, misalnya 2500000.');
    const em = await deps.db.query(
      `SELECT p.nik, em.start_date, em.end_date, em.wage_rp, pa.status, pa.status_since, pa.programs
       FROM employment em JOIN person p ON p.id = em.person_id JOIN participant pa ON pa.id = em.participant_id
       ORDER BY em.id`,
    );
    const PU = ['JKK', 'JKM', 'JHT', 'JP'];
    expect(em.rows.map((r) => Object.values(r))).toEqual([
      [A, '2026-09-01', null, 2_750_000, 'active', '2026-09-01', PU],
      [B, '2026-09-01', '2026-10-31', 2_500_000, 'ended', '2026-10-31', PU],
      [C, '2026-09-01', null, 2_500_000, 'active', '2026-09-01', ['JKK', 'JKM', 'JHT']],
      [D, '2026-10-01', null, 2_600_000, 'active', '2026-10-01', PU],
    ]);
    const history = await deps.db.query(
      `SELECT s.status, s.effective_date FROM participant_status s JOIN participant pa ON pa.id = s.participant_id
       JOIN person p ON p.id = pa.person_id WHERE p.nik = $1 ORDER BY s.id`,
      [B],
    );
    expect(history.rows).toEqual([
      { status: 'active', effective_date: '2026-09-01' },
      { status: 'ended', effective_date: '2026-10-31' },
    ]);
    // The leave is a membership change like every other end (docs/membership.md).
    const change = await deps.db.query(
      `SELECT c.kind, c.reason, c.effective_date::text AS date, c.state, c.status_before, c.status_after
       FROM membership_change c JOIN participant pa ON pa.id = c.participant_id
       JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
      [B],
    );
    expect(change.rows).toEqual([
      {
        kind: 'exit',
        reason: 'termination',
        date: '2026-10-31',
        state: 'applied',
        status_before: 'active',
        status_after: 'ended',
      },
    ]);
    const report = await deps.db.query(
      `SELECT p.nik, w.period, w.wage_rp, w.mutation FROM wage_report w JOIN person p ON p.id = w.person_id ORDER BY w.id`,
    );
    expect(report.rows).toEqual([
      { nik: A, period: '2026-10', wage_rp: 2_750_000, mutation: 'wage_change' },
      { nik: B, period: '2026-10', wage_rp: 2_500_000, mutation: 'leave' },
      { nik: C, period: '2026-10', wage_rp: 2_500_000, mutation: 'none' },
      { nik: D, period: '2026-10', wage_rp: 2_600_000, mutation: 'join' },
    ]);
  });

  it('the same report again changes nothing: the same file is recognised, the same rows in XLSX find nothing to do', async () => {
    const before = await fingerprint(deps);
    const audits = await count(deps, 'audit_log');
    const again = await importWageReport(deps, branch, {
      npp: NPP,
      period: '2026-10',
      fileName: 'upah.csv',
      bytes: csv(REPORT),
    });
    expect(again.repeated).toBe(true);
    expect(again.upload).toMatchObject({ valid: 4, invalid: 5, joined: 1, left: 1 });
    expect(await count(deps, 'audit_log')).toBe(audits);
    expect(await count(deps, 'wage_upload')).toBe(1);
    const resaved = await importWageReport(deps, branch, {
      npp: NPP,
      period: '2026-10',
      fileName: 'upah.xlsx',
      bytes: await xlsx(REPORT),
    });
    expect(resaved.upload).toMatchObject({
      valid: 4,
      invalid: 5,
      joined: 0,
      left: 0,
      wageChanged: 0,
      unchanged: 4,
    });
    expect(await fingerprint(deps)).toEqual(before);
  });

  it('an employer user reports its own wages (names masked) and cannot reach another employer', async () => {
    await addUser(deps, consoleActor(), {
      username: 'cv.tenun',
      displayName: 'CV Tenun Ikat Belu',
      role: 'employer',
      scope: NPP,
      password: 'rahasia-panjang-1',
    });
    const own = await demoActor(deps, 'cv.tenun');
    expect((await listEmployers(deps, own)).employers.map((e) => e.npp)).toEqual([NPP]);
    const r = await importWageReport(deps, own, {
      npp: NPP,
      period: '2026-11',
      fileName: 'nov.csv',
      bytes: csv([
        [A, 'Maria Bere', '2750000', 'tetap', '', ''],
        [E, 'Dominikus Asa', '2500000', 'tetap', '', ''],
      ]),
    });
    expect(r.upload).toMatchObject({ valid: 1, invalid: 1, unchanged: 1 });
    expect(r.problems[0]!.nik).toBe(`${E.slice(0, 4)}**********${E.slice(-2)}`);
    await expect(
      importWageReport(deps, own, {
        npp: '53040002',
        period: '2026-11',
        fileName: 'x.csv',
        bytes: csv(REPORT),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(showEmployer(deps, own, '53040002')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      importWageReport(deps, own, { npp: NPP, period: '2026-12', fileName: 'x.csv', bytes: csv(REPORT) }),
    ).rejects.toMatchObject({ code: 'DATE_IN_FUTURE', params: { field: 'period', today: '2026-11-24' } });
  });
});
