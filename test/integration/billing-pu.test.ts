import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, TEST_NOW, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

// Hand-worked from PP 44/2015 (JKK group I 0.24%, JKM 0.30%), PP 46/2015 (JHT 3.7% + 2%),
// PP 45/2015 (JP 2% + 1% on the wage capped at Rp11,086,300 from March 2026).
const WAGE_5M = 12_000 + 15_000 + 185_000 + 100_000 + 100_000 + 50_000; // 462,000
const WAGE_12M = 28_800 + 36_000 + 444_000 + 240_000 + 221_726 + 110_863; // 1,081,389 (JP on the cap)

describe('billing formal workers (PU) from their employer, wage and risk group', () => {
  let deps: Deps;
  let t: TestDb;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    const branch = await demoActor(deps, 'cabang.atambua');
    await registerEmployer(deps, branch, {
      npp: '53049001',
      name: 'CV Tenun Ikat Belu',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    for (const [i, wageRp] of [5_000_000, 12_000_000].entries()) {
      const birthDate = `199${i}-03-0${i + 1}`;
      await registerEmployee(deps, branch, '53049001', {
        nik: nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 10 + i }),
        fullName: `Pekerja Tenun ${serialName(i + 1)}`,
        birthDate,
        sex: 'L',
        startDate: '2026-11-01',
        wageRp,
      });
    }
  });
  afterAll(async () => t.drop());

  it('issues the employer one invoice with employer and worker shares, due the 15th of the next month', async () => {
    const r = await runBilling(notBefore(deps, '2026-12-01'), await demoActor(deps, 'cabang.atambua'), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r.invoices.map((i) => [i.payerName, i.totalRp, i.dueDate])).toEqual([
      ['CV Tenun Ikat Belu', WAGE_5M + WAGE_12M, '2027-01-15'],
    ]);
    const jp = await deps.db.query<{ payerRole: string; amountRp: number }>(
      `SELECT payer_role AS "payerRole", sum(amount_rp)::bigint AS "amountRp" FROM invoice_line
       WHERE program = 'JP' GROUP BY payer_role ORDER BY payer_role`,
    );
    expect(jp.rows).toEqual([
      { payerRole: 'employer', amountRp: 100_000 + 221_726 },
      { payerRole: 'worker', amountRp: 50_000 + 110_863 },
    ]);
  });

  it('charges the late fee once, as its own line: 2% of the overdue contribution per month late', async () => {
    // December's invoice (due 15 Jan 2027) is still unpaid on 20 March 2027: due dates 15 Jan,
    // 15 Feb and 15 Mar have passed → 3 months × 2% × Rp1,543,389 = Rp92,603.34 → Rp92,603 (half up).
    (deps.clock as unknown as { advance(ms: number): void }).advance(
      Date.parse('2027-03-20T02:00:00Z') - Date.parse(TEST_NOW),
    );
    const branch = await demoActor(deps, 'cabang.atambua');
    const r = await runBilling(notBefore(deps, '2027-03-01'), branch, {
      regencyCode: '53.04',
      period: '2027-03',
    });
    const fees = await deps.db.query<{ amountRp: number; invoiceId: number }>(
      `SELECT amount_rp AS "amountRp", invoice_id AS "invoiceId" FROM invoice_line WHERE kind = 'late_fee'`,
    );
    expect(fees.rows.map((f) => f.amountRp)).toEqual([92_603]);
    expect(fees.rows[0]!.invoiceId).toBe(r.invoices[0]!.id);
    expect(r.invoices[0]!.totalRp).toBe(WAGE_5M + WAGE_12M + 92_603);
    const again = await runBilling(notBefore(deps, '2027-03-01'), branch, {
      regencyCode: '53.04',
      period: '2027-03',
    });
    expect(again.lines).toBe(0);
    const sum = await deps.db.query<{ s: number }>('SELECT sum(amount_rp)::bigint AS s FROM ledger_line');
    expect(sum.rows[0]!.s).toBe(0);
  });
});
