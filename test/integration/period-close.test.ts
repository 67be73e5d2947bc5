import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { closePeriod, listClosedPeriods } from '../../src/services/close-period.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const NPP = '53040902';

// Today at the office is 2026-11-24 (TEST_NOW). The village workers are active from today.
describe('closed months: the books of a regency closed through a month', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let supervisor: Actor;
  let payerId: number;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10);
    branch = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    payerId = (await deps.db.query<{ id: number }>('SELECT id FROM payer WHERE region_code = $1', [KEWAR]))
      .rows[0]!.id;
    await registerEmployer(deps, branch, {
      npp: NPP,
      name: 'CV Tutup Buku Belu',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: KEWAR,
    });
  });
  afterAll(async () => t.drop());

  const employee = (serial: number, startDate: string) =>
    registerEmployee(deps, branch, NPP, {
      nik: nikFor({ birthDate: '1990-06-05', sex: 'P', serial }),
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      startDate,
      wageRp: 2_500_000,
    });
  const report = async (from: string, to: string) => {
    const { generatedAt: _, ...r } = await branchReport(deps, branch, { regencyCode: '53.04', from, to });
    return r;
  };

  it('only a branch supervisor closes; a village operator, a branch officer and a district officer cannot', async () => {
    for (const who of ['desa.kewar', 'cabang.atambua', 'dinas.belu', 'auditor']) {
      await expect(
        closePeriod(deps, await demoActor(deps, who), { regencyCode: '53.04', period: '2026-10' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('another regency is not found; the current month cannot be closed', async () => {
    await expect(
      closePeriod(deps, supervisor, { regencyCode: '53.05', period: '2026-10' }),
    ).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    await expect(
      closePeriod(deps, supervisor, { regencyCode: '53.04', period: '2026-11' }),
    ).rejects.toMatchObject({
      code: 'PERIOD_NOT_ENDED',
      params: { today: '2026-11-24' },
    });
    await expect(
      closePeriod(deps, supervisor, { regencyCode: '53.04', period: '2026-13' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  let before: Awaited<ReturnType<typeof report>>;
  it('the supervisor closes October 2026 (and with it every month before); audited; never reopened', async () => {
    // A formal worker from 15 Sep 2026, registered while September was open: in the September report.
    await employee(902, '2026-09-15');
    before = await report('2026-09-01', '2026-10-31');
    expect(before.activeParticipants).toEqual({ formal: 1, informal: 0, construction: 0, total: 1 });
    expect(await closePeriod(deps, supervisor, { regencyCode: '53.04', period: '2026-10' })).toMatchObject({
      closedThrough: '2026-10',
      closedBy: 'supervisor.atambua',
    });
    const audit = await deps.db.query('SELECT entity_id, before, after FROM audit_log WHERE action = $1', [
      'period.close',
    ]);
    expect(audit.rows).toEqual([
      { entity_id: '53.04:2026-10', before: { closedThrough: null }, after: { closedThrough: '2026-10' } },
    ]);
    for (const period of ['2026-10', '2026-09']) {
      await expect(closePeriod(deps, supervisor, { regencyCode: '53.04', period })).rejects.toMatchObject({
        code: 'PERIOD_ALREADY_CLOSED',
        params: { through: '2026-10' },
      });
    }
    await expect(deps.db.query("DELETE FROM period_close WHERE period = '2026-10'")).rejects.toThrow();
    expect(await listClosedPeriods(deps, branch, '53.04')).toMatchObject({
      closedThrough: '2026-10',
      closes: [{ period: '2026-10', closedBy: 'supervisor.atambua' }],
    });
    await expect(listClosedPeriods(deps, branch, '53.05')).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
  });

  it('a registration back-dated into the closed months does not move their report; it enters on 1 November', async () => {
    const r = await employee(903, '2026-09-20');
    expect(r.employment.startDate).toBe('2026-09-20');
    expect(await report('2026-09-01', '2026-10-31')).toEqual(before);
    expect(await report('2026-09-01', '2026-09-30')).toMatchObject({ activeParticipants: { formal: 1 } });
    // 1 formal from September + the adjusted one from 1 November + 10 village workers from today
    expect((await report('2026-11-01', '2026-11-24')).activeParticipants).toEqual({
      formal: 2,
      informal: 10,
      construction: 0,
      total: 12,
    });
    const st = await deps.db.query<{ effective: string; original: string; reason: string }>(
      `SELECT s.effective_date AS effective, s.original_effective_date AS original, s.reason
       FROM participant_status s JOIN participant p ON p.id = s.participant_id WHERE p.kpj = $1`,
      [r.employment.kpj],
    );
    expect(st.rows).toHaveLength(1);
    expect(st.rows[0]).toMatchObject({ effective: '2026-11-01', original: '2026-09-20' });
    expect(st.rows[0]!.reason).toContain('original date 2026-09-20');
  });

  it('a payment received in a closed month is refused PERIOD_CLOSED; one received in November is posted', async () => {
    const pay = (receivedOn: string, key: string) =>
      postPayment(deps, branch, {
        payerId,
        amountRp: 16_800,
        receivedOn,
        reference: key,
        idempotencyKey: key,
      });
    await expect(pay('2026-10-31', 'closed-pay-1')).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
      status: 409,
      params: { field: 'receivedOn', value: '2026-10-31', through: '2026-10' },
    });
    expect(await deps.db.query('SELECT 1 FROM payment')).toMatchObject({ rows: [] });
    await expect(pay('2026-11-01', 'open-pay-1')).resolves.toMatchObject({ replayed: false });
  });

  it('a billing run for a closed period and a coverage run as of a closed date are refused', async () => {
    await expect(runBilling(deps, branch, { regencyCode: '53.04', period: '2026-10' })).rejects.toMatchObject(
      {
        code: 'PERIOD_CLOSED',
        params: { field: 'period' },
      },
    );
    await expect(
      updateCoverage(deps, branch, { regencyCode: '53.04', asOf: '2026-10-15' }),
    ).rejects.toMatchObject({ code: 'PERIOD_CLOSED', params: { field: 'asOf' } });
    await expect(
      runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' }),
    ).resolves.toMatchObject({
      lines: expect.any(Number),
    });
  });
});
