// Non-ASN government workers as their own segment (issue 13 point 4): the JKK + JKM package of a
// government employer is accepted and billed, a private employer keeps JP and JHT compulsory, the
// workers are grouped per work unit (OPD), and the district dashboard and the branch report show
// them apart with the same figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { listEmployerWorkUnits, registerWorkUnit } from '../../src/services/work-units.ts';
import { demoActor } from '../support/actors.ts';
import { preparedBranch } from '../support/branch.ts';
import { notBefore, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

const PEMKAB = '53049101';
const PRIVATE = '53049102';

// Hand-worked contributions for December 2026 (group I, jasa pemerintahan):
// JKK 0.24% (PP 44/2015 Pasal 16(2) + Lampiran I, kelompok I), JKM 0.30% (PP 44/2015 Pasal 18(1)),
// JHT 3.7% + 2% (PP 46/2015 Pasal 16), JP 2% + 1% (PP 45/2015 Pasal 28–29; below the wage cap).
// Non-ASN A, DINKES, JKK + JKM only, Rp2,400,000: 5,760 + 7,200
const NON_ASN_A = 5_760 + 7_200; // 12,960
// Non-ASN B, DISDIK, JKK + JKM + JHT, Rp3,100,000: 7,440 + 9,300 + 114,700 + 62,000
const NON_ASN_B = 7_440 + 9_300 + 114_700 + 62_000; // 193,440
// Non-ASN C, no unit yet, the full package, Rp2,500,000: 6,000 + 7,500 + 92,500 + 50,000 + 50,000 + 25,000
const NON_ASN_C = 6_000 + 7_500 + 92_500 + 50_000 + 50_000 + 25_000; // 231,000

function worker(i: number, extra: Record<string, unknown>) {
  const birthDate = `198${i}-07-1${i}`;
  return {
    nik: nikFor({ kecamatan: '530412', birthDate, sex: 'P' as const, serial: 40 + i }),
    fullName: `Pegawai Honorer ${serialName(i)}`,
    birthDate,
    sex: 'P' as const,
    startDate: '2026-11-01',
    wageRp: 2_500_000,
    ...extra,
  };
}

describe('Non-ASN workers of a government employer', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t, branch } = await preparedBranch());
    await registerEmployer(deps, branch, {
      npp: PEMKAB,
      name: 'Pemerintah Kabupaten Belu',
      businessTypeCode: 'jasa_pemerintahan',
      scale: 'large',
      isGovernment: true,
      regionCode: '53.04',
    });
    await registerEmployer(deps, branch, {
      npp: PRIVATE,
      name: 'CV Tenun Ikat Belu',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    await registerWorkUnit(deps, branch, PEMKAB, { code: 'dinkes', name: 'Dinas Kesehatan' });
    await registerWorkUnit(deps, branch, PEMKAB, { code: 'DISDIK', name: 'Dinas Pendidikan' });
  });
  afterAll(async () => t.drop());

  it('accepts JKK + JKM only for a Non-ASN worker and bills it to the rupiah', async () => {
    const a = await registerEmployee(
      deps,
      branch,
      PEMKAB,
      worker(1, { wageRp: 2_400_000, jht: false, jp: false, workUnitCode: 'DINKES' }),
    );
    expect(a.employment).toMatchObject({
      programs: ['JKK', 'JKM'],
      workUnitCode: 'DINKES',
      status: 'active',
    });
    const b = await registerEmployee(
      deps,
      branch,
      PEMKAB,
      worker(2, { wageRp: 3_100_000, jp: false, workUnitCode: 'disdik' }),
    );
    expect(b.employment).toMatchObject({ programs: ['JKK', 'JKM', 'JHT'], workUnitCode: 'DISDIK' });
    const c = await registerEmployee(deps, branch, PEMKAB, worker(3, {}));
    expect(c.employment).toMatchObject({ programs: ['JKK', 'JKM', 'JHT', 'JP'], workUnitCode: null });

    const r = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r.invoices.map((i) => [i.payerName, i.totalRp])).toEqual([
      ['Pemerintah Kabupaten Belu', NON_ASN_A + NON_ASN_B + NON_ASN_C], // 437,400
    ]);
    const lines = await deps.db.query<{ program: string; amountRp: number }>(
      `SELECT l.program, sum(l.amount_rp)::bigint AS "amountRp"
       FROM invoice_line l JOIN participant pa ON pa.id = l.participant_id JOIN person p ON p.id = pa.person_id
       WHERE p.nik = $1 GROUP BY l.program ORDER BY l.program`,
      [worker(1, {}).nik],
    );
    expect(lines.rows).toEqual([
      { program: 'JKK', amountRp: 5_760 },
      { program: 'JKM', amountRp: 7_200 },
    ]);
  });

  it('still refuses a private employer JKK + JKM only: JP_REQUIRED, and JHT_REQUIRED', async () => {
    await expect(
      registerEmployee(deps, branch, PRIVATE, worker(4, { jht: false, jp: false })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'jht', code: 'JHT_REQUIRED' }] });
    await expect(registerEmployee(deps, branch, PRIVATE, worker(4, { jp: false }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'jp', code: 'JP_REQUIRED' }],
    });
    await expect(
      registerEmployee(deps, branch, PRIVATE, worker(4, { workUnitCode: 'DINKES' })),
    ).rejects.toMatchObject({ details: [{ field: 'workUnitCode', code: 'WORK_UNIT_NOT_GOVERNMENT' }] });
    await expect(
      registerEmployee(deps, branch, PEMKAB, worker(4, { workUnitCode: 'BAPPEDA' })),
    ).rejects.toMatchObject({ details: [{ field: 'workUnitCode', code: 'WORK_UNIT_UNKNOWN' }] });
    const held = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM employment m JOIN person p ON p.id = m.person_id WHERE p.nik = $1`,
      [worker(4, {}).nik],
    );
    expect(held.rows[0]!.n).toBe(0);
  });

  it('shows Non-ASN apart, per OPD, with the same figure in the dashboard and the branch report', async () => {
    const report = await branchReport(deps, branch, {
      regencyCode: '53.04',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const dashboard = await districtDashboard(deps, await demoActor(deps, 'dinas.belu'), {
      regencyCode: '53.04',
      asOf: '2026-11-30',
    });
    const unit = (code: string | null, name: string | null, active: number) => ({
      npp: PEMKAB,
      employerName: 'Pemerintah Kabupaten Belu',
      workUnitCode: code,
      workUnitName: name,
      active,
    });
    expect(report.nonAsn).toEqual({
      active: 3,
      byWorkUnit: [
        unit('DINKES', 'Dinas Kesehatan', 1),
        unit('DISDIK', 'Dinas Pendidikan', 1),
        unit(null, null, 1),
      ],
    });
    expect(dashboard.nonAsn).toEqual(report.nonAsn);
    // Inside the formal figure, which keeps its meaning (every PU participant).
    expect(report.activeParticipants.formal).toBe(3);
    // Before their start date there is none.
    const october = await branchReport(deps, branch, {
      regencyCode: '53.04',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(october.nonAsn).toEqual({ active: 0, byWorkUnit: [] });
    const units = await listEmployerWorkUnits(deps, branch, PEMKAB);
    expect(units.workUnits.map((u) => [u.code, u.activeEmployees])).toEqual([
      ['DINKES', 1],
      ['DISDIK', 1],
    ]);
  });

  it('denies OPD changes to whoever may not make them, and hides Non-ASN from a village view', async () => {
    const village = await demoActor(deps, 'desa.kewar');
    await expect(
      registerWorkUnit(deps, village, PEMKAB, { code: 'BAPPEDA', name: 'Bappeda' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await addUser(deps, consoleActor(), {
      username: 'cv.tenun.nonasn',
      displayName: 'CV Tenun Ikat Belu',
      role: 'employer',
      scope: PRIVATE,
      password: 'sangat-rahasia-1',
    });
    const otherEmployer = await demoActor(deps, 'cv.tenun.nonasn');
    await expect(
      registerWorkUnit(deps, otherEmployer, PEMKAB, { code: 'BAPPEDA', name: 'Bappeda' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listEmployerWorkUnits(deps, otherEmployer, PEMKAB)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      registerWorkUnit(deps, otherEmployer, PRIVATE, { code: 'GUDANG', name: 'Gudang' }),
    ).rejects.toMatchObject({ details: [{ field: 'npp', code: 'WORK_UNIT_NOT_GOVERNMENT' }] });
    await expect(
      registerWorkUnit(deps, branch, PEMKAB, { code: 'DINKES', name: 'Dinas lagi' }),
    ).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    const audited = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'work_unit.register'`,
    );
    expect(audited.rows[0]!.n).toBe(2);
    const own = await districtDashboard(deps, village, { regencyCode: '53.04', asOf: '2026-11-30' });
    expect(own.nonAsn).toBeNull();
  });
});
