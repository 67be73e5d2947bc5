import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrearsByPayer } from '../../src/db/arrears.ts';
import { moneyByPeriod } from '../../src/db/report-counts.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { budgetUse } from '../../src/services/budget-use.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const KEWAR = '53.04.01.2001';
const M = 16_800; // Rp per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)
const AS_OF = '2026-12-20';

// The dashboard's money sums each invoice's allocations in one pass (db/arrears.ts,
// db/report-counts.ts moneyByPeriod, db/budget.ts): an invoice paid by two payments, another
// paid in part, and a payment received after the as-of date must count exactly as before.
describe('dashboard money: invoices paid by several payments, in part, and after the date', () => {
  let deps: Deps;
  let t: TestDb;
  let actor: Actor;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    actor = consoleActor();
    await enrolActive(deps, KEWAR, 10);
    for (const period of ['2026-11', '2026-12'])
      await runBilling(notBefore(deps, `${period}-01`), actor, { regencyCode: '53.04', period });
    const payerId = (
      await deps.db.query<{ id: number }>(
        `SELECT id FROM payer WHERE kind = 'village' AND region_code = $1`,
        [KEWAR],
      )
    ).rows[0]!.id;
    // Allocated oldest invoice first: November (10 × M = 168,000) takes 100,000 then 68,000 of the
    // second payment, whose other 32,000 goes to December; the last 136,000 arrives after AS_OF.
    for (const [amountRp, receivedOn] of [
      [100_000, '2026-11-25'],
      [100_000, '2026-12-10'],
      [136_000, '2026-12-28'],
    ] as const)
      await postPayment(notBefore(deps, receivedOn), actor, {
        payerId,
        amountRp,
        receivedOn,
        reference: `TRF-KEWAR-${receivedOn}`,
        idempotencyKey: `kewar-${receivedOn}`,
      });
  });
  afterAll(async () => t.drop());

  it('trends: invoiced and paid by month as of the date', async () => {
    const money = await moneyByPeriod(deps.db, { regencyCode: '53.04', asOf: AS_OF, scopes: null });
    expect(money.get('2026-11')).toEqual({ invoicedRp: 10 * M, paidRp: 100_000 + 68_000 });
    expect(money.get('2026-12')).toEqual({ invoicedRp: 10 * M, paidRp: 32_000 });
  });

  it('arrears: November settled by two payments, December open less its part (5 days late)', async () => {
    const rows = await arrearsByPayer(deps.db, { asOf: AS_OF, scopes: ['*'], regencyCode: '53.04' });
    expect(rows.map((r) => [r.payerRegion, r.invoices, r.notDueRp, r.days1To30Rp, r.totalRp])).toEqual([
      [KEWAR, 1, 0, 10 * M - 32_000, 10 * M - 32_000],
    ]);
  });

  it('budget use: used is every rupiah allocated to the year’s invoices', async () => {
    const use = await budgetUse(deps, actor, { regencyCode: '53.04', fiscalYear: 2026 });
    const kewar = use.payers.find((p) => p.payerRegion === KEWAR)!;
    expect([kewar.invoicedRp, kewar.usedRp]).toEqual([20 * M, 100_000 + 100_000 + 136_000]);
  });
});
