import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Explainer } from '../../src/rules/explanation.ts';
import { statusBpu } from '../../src/rules/iuran/jatuh-tempo.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { ruleBook } from '../../src/services/rule-book.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { coveragePeriods, updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const MONTH_RP = 16_800; // BPU JKK 10,000 + JKM 6,800 (PP 44/2015), per worker per month

// Activated 2026-11-24 (the frozen test clock). Billed 2026-12 … 2027-04; BPU pays by the 15th
// of the iuran month itself: due 2026-12-15, 2027-01-15, 2027-02-15, 2027-03-15 (4th), 2027-04-15.
describe('BPU coverage from payments: lapse after more than 3 unpaid months, resume on paid arrears', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  const payerOf = async (region: string) =>
    (await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE region_code = $1`, [region])).rows[0]!
      .id;
  const statuses = async (region: string) =>
    (
      await deps.db.query<{ status: string; since: string; n: number }>(
        `SELECT status, status_since AS since, count(*)::int AS n FROM participant WHERE region_code = $1
         GROUP BY status, status_since ORDER BY status`,
        [region],
      )
    ).rows.map((r) => [r.status, r.since, r.n]);
  const pay = async (region: string, amountRp: number, receivedOn: string, key: string) =>
    postPayment(notBefore(deps, receivedOn), branch, {
      payerId: await payerOf(region),
      amountRp,
      receivedOn,
      reference: key,
      idempotencyKey: key,
    });
  const update = (asOf: string) =>
    updateCoverage(notBefore(deps, asOf), branch, { regencyCode: '53.04', asOf });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 12);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    branch = await demoActor(deps, 'cabang.atambua');
    for (const period of ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
      await runBilling(notBefore(deps, `${period}-01`), branch, { regencyCode: '53.04', period });
    // Fulur pays December to February in advance: never more than 2 months behind below.
    await pay(FULUR, 3 * 10 * MONTH_RP, '2026-12-10', 'fulur-2026-12-10');
  });
  afterAll(async () => t.drop());

  it('on the 4th month’s due date 3 months are unpaid: nobody lapses (boundary)', async () => {
    expect(await update('2027-03-15')).toMatchObject({ lapsed: 0, resumed: 0, arrearsMonthsMax: 3 });
    expect(await statuses(KEWAR)).toEqual([['active', '2026-11-24', 12]]);
    // the pure rule agrees: December–February unpaid, still payable
    const s = statusBpu(new Explainer(ruleBook().book), '2026-11', '2027-03-15');
    expect([s.status, s.unpaidPeriods]).toEqual(['menunggak', ['2026-12', '2027-01', '2027-02']]);
  });

  it('the day after, 4 months are unpaid: Kewar’s 12 lapse effective 2027-03-16; Fulur stays active', async () => {
    const r = await update('2027-03-16');
    expect(r).toMatchObject({
      lapsed: 12,
      resumed: 0,
      basis: expect.stringContaining('Perdir 22/PERDIR.02/072022'),
    });
    expect(await statuses(KEWAR)).toEqual([['lapsed', '2027-03-16', 12]]);
    expect(await statuses(FULUR)).toEqual([['active', '2026-11-24', 10]]);
    expect(statusBpu(new Explainer(ruleBook().book), '2026-11', '2027-03-16').status).toBe('berakhir');
    const history = await deps.db.query<{ effective: string; reason: string; n: number }>(
      `SELECT effective_date AS effective, reason, count(*)::int AS n FROM participant_status
       WHERE status = 'lapsed' GROUP BY 1, 2`,
    );
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ effective: '2027-03-16', n: 12 });
    expect(history.rows[0]!.reason).toMatch(/lebih dari 3 bulan.*Perdir 22\/PERDIR\.02\/072022.*\[2027-03\]/);
    const audit = await deps.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'coverage.%' GROUP BY action ORDER BY action`,
    );
    expect(audit.rows).toEqual([
      { action: 'coverage.lapse', n: 12 },
      { action: 'coverage.update', n: 2 },
    ]);
  });

  it('running again as of a later date changes nothing; the effective date stays the legal one', async () => {
    expect(await update('2027-04-10')).toMatchObject({ lapsed: 0, resumed: 0 });
    expect(await statuses(KEWAR)).toEqual([['lapsed', '2027-03-16', 12]]);
  });

  it('paying 2 of the 3 payable months is not enough; money received after asOf does not count', async () => {
    await pay(KEWAR, 2 * 12 * MONTH_RP, '2027-04-18', 'kewar-2027-04-18'); // settles December and January
    expect(await update('2027-04-19')).toMatchObject({ lapsed: 0, resumed: 0 });
    await pay(KEWAR, 12 * MONTH_RP, '2027-04-20', 'kewar-2027-04-20'); // settles February
    expect(await update('2027-04-19')).toMatchObject({ lapsed: 0, resumed: 0 });
    expect(await statuses(KEWAR)).toEqual([['lapsed', '2027-03-16', 12]]);
  });

  it('once the last 3 months before the lapse are paid, Kewar is active again from the day the money arrived', async () => {
    expect(await update('2027-04-20')).toMatchObject({ lapsed: 0, resumed: 12 });
    expect(await statuses(KEWAR)).toEqual([['active', '2027-04-20', 12]]);
    expect(await statuses(FULUR)).toEqual([['active', '2026-11-24', 10]]);
  });

  it('coverage periods show the gap from the lapse to the payment', async () => {
    const id = (
      await deps.db.query<{ id: number }>(`SELECT min(id) AS id FROM participant WHERE region_code = $1`, [
        KEWAR,
      ])
    ).rows[0]!.id;
    expect(await coveragePeriods(deps, id)).toEqual([
      { from: '2026-11-24', to: '2027-03-15' },
      { from: '2027-04-20', to: null },
    ]);
  });

  it('only branch staff update coverage; a regency out of scope is 404; a bad date is refused', async () => {
    for (const who of ['dinas.belu', 'desa.kewar', 'auditor']) {
      const actor = await demoActor(deps, who);
      await expect(
        updateCoverage(notBefore(deps, '2027-04-20'), actor, { regencyCode: '53.04', asOf: '2027-04-20' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const supervisor = await demoActor(deps, 'supervisor.atambua');
    await expect(
      updateCoverage(notBefore(deps, '2027-04-20'), supervisor, { regencyCode: '53.04', asOf: '2027-04-20' }),
    ).resolves.toMatchObject({
      lapsed: 0,
      resumed: 0,
    });
    await expect(
      updateCoverage(deps, branch, { regencyCode: '53.05', asOf: '2027-04-20' }),
    ).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    await expect(update('2027-02-30')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
