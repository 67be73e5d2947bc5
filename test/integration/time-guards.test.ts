import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';

// The frozen test clock is 2026-11-24 02:00 UTC = 10:00 WITA: today at the office is 2026-11-24.
describe('no business date after today (office time zone, WITA)', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let payerId: number;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10);
    branch = await demoActor(deps, 'cabang.atambua');
    payerId = (await deps.db.query<{ id: number }>('SELECT id FROM payer WHERE region_code = $1', [KEWAR]))
      .rows[0]!.id;
  });
  afterAll(async () => t.drop());

  const pay = (d: Deps, receivedOn: string, key: string) =>
    postPayment(d, branch, { payerId, amountRp: 16_800, receivedOn, reference: key, idempotencyKey: key });

  it('a payment received tomorrow is refused DATE_IN_FUTURE, naming the field and today; today is accepted', async () => {
    const e = await pay(deps, '2026-11-25', 'future-pay-1').catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'DATE_IN_FUTURE',
      status: 422,
      params: { field: 'receivedOn', value: '2026-11-25', today: '2026-11-24' },
    });
    expect((e as Error).message).toBe(
      'receivedOn 2026-11-25 lies in the future; today at the office (WITA) is 2026-11-24.',
    );
    expect(await deps.db.query('SELECT 1 FROM payment')).toMatchObject({ rows: [] });
    await expect(pay(deps, '2026-11-24', 'today-pay-1')).resolves.toMatchObject({ replayed: false });
  });

  it('today is the office’s: 16:30 UTC on the 24th is already the 25th in Atambua (WITA, UTC+8)', async () => {
    const lateEvening = { ...deps, clock: fixedClock('2026-11-24T16:30:00.000Z') };
    await expect(pay(lateEvening, '2026-11-25', 'wita-pay-1')).resolves.toMatchObject({ replayed: false });
    const justBefore = { ...deps, clock: fixedClock('2026-11-24T15:59:59.000Z') };
    await expect(pay(justBefore, '2026-11-25', 'wita-pay-2')).rejects.toMatchObject({
      code: 'DATE_IN_FUTURE',
    });
  });

  it('a billing run for next month is refused; this month’s runs', async () => {
    await expect(runBilling(deps, branch, { regencyCode: '53.04', period: '2026-12' })).rejects.toMatchObject(
      {
        code: 'DATE_IN_FUTURE',
        params: { field: 'period', value: '2026-12', today: '2026-11-24' },
      },
    );
    expect(await deps.db.query("SELECT 1 FROM invoice WHERE period = '2026-12'")).toMatchObject({ rows: [] });
    // 10 workers × Rp16,800 (BPU JKK 10,000 + JKM 6,800)
    await expect(
      runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' }),
    ).resolves.toMatchObject({
      totalRp: 10 * 16_800,
    });
  });

  it('a coverage update as of tomorrow is refused; as of today it runs', async () => {
    await expect(
      updateCoverage(deps, branch, { regencyCode: '53.04', asOf: '2026-11-25' }),
    ).rejects.toMatchObject({
      code: 'DATE_IN_FUTURE',
      params: { field: 'asOf', today: '2026-11-24' },
    });
    await expect(
      updateCoverage(deps, branch, { regencyCode: '53.04', asOf: '2026-11-24' }),
    ).resolves.toMatchObject({
      lapsed: 0,
    });
  });

  it('an employee registered from tomorrow is refused; out of scope is still 404 first', async () => {
    await registerEmployer(deps, branch, {
      npp: '53040901',
      name: 'CV Waktu Belu',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: KEWAR,
    });
    const nik = nikFor({ birthDate: '1990-06-05', sex: 'P', serial: 901 });
    const input = {
      nik,
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P' as const,
      wageRp: 2_500_000,
    };
    await expect(
      registerEmployee(deps, branch, '53040901', { ...input, startDate: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'DATE_IN_FUTURE', params: { field: 'startDate' } });
    await expect(
      registerEmployee(deps, branch, '99999999', { ...input, startDate: '2026-11-25' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

// regulations.md §2.3 (Perdir 22/PERDIR.02/072022): more than 3 consecutive unpaid months end a
// BPU membership — months of cover, whether an invoice was issued for them or not.
describe('BPU lapse counts unpaid months of cover whether billed or not', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10); // active 2026-11-24, never billed
    branch = await demoActor(deps, 'cabang.atambua');
  });
  afterAll(async () => t.drop());

  const on = (day: string): Deps => ({ ...deps, clock: fixedClock(`${day}T02:00:00.000Z`) });
  const update = (asOf: string) => updateCoverage(on(asOf), branch, { regencyCode: '53.04', asOf });
  const statuses = async () =>
    (
      await deps.db.query<{ status: string; since: string; n: number }>(
        `SELECT status, status_since AS since, count(*)::int AS n FROM participant WHERE region_code = $1
         GROUP BY 1, 2`,
        [KEWAR],
      )
    ).rows;

  // Months of cover after activation on 24 Nov (November's due date, Mon 16 Nov, came before it):
  // due Tue 15 Dec 2026, Fri 15 Jan, Mon 15 Feb, Mon 15 Mar 2027 — the 4th.
  it('on the 4th month’s due date 3 months are unpaid: nobody lapses', async () => {
    expect(await update('2027-03-15')).toMatchObject({ lapsed: 0, resumed: 0 });
    expect(await statuses()).toEqual([{ status: 'active', since: '2026-11-24', n: 10 }]);
  });

  it('the day after, 4 unbilled months are unpaid: all 10 lapse effective 2027-03-16', async () => {
    expect(await update('2027-03-16')).toMatchObject({ lapsed: 10, resumed: 0 });
    expect(await statuses()).toEqual([{ status: 'lapsed', since: '2027-03-16', n: 10 }]);
    const history = await deps.db.query<{ reason: string }>(
      "SELECT reason FROM participant_status WHERE status = 'lapsed'",
    );
    expect(history.rows).toHaveLength(10);
    expect(history.rows[0]!.reason).toMatch(/Perdir 22\/PERDIR\.02\/072022.*\[2027-03\]/);
    expect(await invoices()).toBe(0);
  });

  const invoices = async () =>
    (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invoice')).rows[0]!.n;
});
