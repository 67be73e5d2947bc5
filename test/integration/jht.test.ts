import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import {
  applyJhtReturns,
  creditJhtContributions,
  jhtBalance,
  jhtStatement,
  recordJhtOpeningBalance,
  setJhtReturnRate,
} from '../../src/services/jht/index.ts';
import { approvePayoutBatch, createPayoutBatch, importBankResult } from '../../src/services/payouts/index.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor, headOfficeSupervisor } from '../support/actors.ts';
import { insertApprovedClaim } from '../support/approved-claim.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';
import { sendPayoutBatch } from '../support/pay-claims.ts';

// Two formal workers of one employer (PP 46/2015: JHT 3.7% employer + 2% worker):
// wage 5,000,000 → 185,000 + 100,000; wage 12,000,000 → 444,000 + 240,000 a month.
const JHT_1 = 185_000 + 100_000;
const JHT_2 = 444_000 + 240_000;
const INVOICE_TOTAL = 462_000 + 1_081_389; // December 2026, all programmes (see billing-pu.test.ts)
// A made-up rate for the test, entered as data; not a BPJS announcement.
const RATE_BP = 525;

describe('JHT accounts: contributions, opening balance, yearly return, withdrawal by payout', () => {
  let deps: Deps;
  let t: TestDb;
  let officer: Actor;
  let supervisor: Actor;
  let worker1: number;
  let worker2: number;
  const advanceTo = (iso: string) =>
    (deps.clock as unknown as { advance(ms: number): void }).advance(
      Date.parse(iso) - Date.parse(deps.clock.now()),
    );
  const pay = (amountRp: number, receivedOn: string, key: string) =>
    postPayment(deps, officer, {
      payerId: payerId(),
      amountRp,
      receivedOn,
      reference: `TRF-${key}`,
      idempotencyKey: `jht-test-${key}`,
    });
  let payerIdValue = 0;
  const payerId = () => payerIdValue;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    officer = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    await registerEmployer(deps, officer, {
      npp: '53049001',
      name: 'CV Tenun Ikat Belu',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    for (const [i, wageRp] of [5_000_000, 12_000_000].entries()) {
      const birthDate = `199${i}-03-0${i + 1}`;
      await registerEmployee(deps, officer, '53049001', {
        nik: nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 10 + i }),
        fullName: `Pekerja Tenun ${serialName(i + 1)}`,
        birthDate,
        sex: 'L',
        startDate: '2026-11-01',
        wageRp,
      });
    }
    const ids = (await deps.db.query<{ id: number }>(`SELECT id FROM participant ORDER BY id`)).rows.map(
      (r) => r.id,
    );
    [worker1, worker2] = ids as [number, number];
    await runBilling(notBefore(deps, '2026-12-01'), officer, { regencyCode: '53.04', period: '2026-12' });
    payerIdValue = (await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE kind = 'employer'`))
      .rows[0]!.id;
  });
  afterAll(async () => t.drop());

  it('credits nothing until the invoice is fully paid, then each JHT share once, dated the day it was received', async () => {
    await pay(500_000, '2026-11-10', 'a');
    expect(await creditJhtContributions(deps, officer, { regencyCode: '53.04' })).toEqual({
      entries: 0,
      participants: 0,
      amountRp: 0,
    });
    await pay(INVOICE_TOTAL - 500_000, '2026-11-20', 'b');
    expect(
      await creditJhtContributions(deps, officer, { regencyCode: '53.04', upTo: '2026-11' }),
    ).toMatchObject({
      entries: 0,
    });
    expect(await creditJhtContributions(deps, officer, { regencyCode: '53.04' })).toEqual({
      entries: 4,
      participants: 2,
      amountRp: JHT_1 + JHT_2,
    });
    expect(await creditJhtContributions(deps, officer, { regencyCode: '53.04' })).toMatchObject({
      entries: 0,
    });
    const rows = await deps.db.query<{
      participantId: number;
      amountRp: number;
      effectiveDate: string;
      period: string;
    }>(
      `SELECT participant_id AS "participantId", amount_rp AS "amountRp", effective_date AS "effectiveDate", period
       FROM jht_entry ORDER BY participant_id, amount_rp`,
    );
    expect(rows.rows).toEqual([
      { participantId: worker1, amountRp: 100_000, effectiveDate: '2026-11-20', period: '2026-12' },
      { participantId: worker1, amountRp: 185_000, effectiveDate: '2026-11-20', period: '2026-12' },
      { participantId: worker2, amountRp: 240_000, effectiveDate: '2026-11-20', period: '2026-12' },
      { participantId: worker2, amountRp: 444_000, effectiveDate: '2026-11-20', period: '2026-12' },
    ]);
    const village = await demoActor(deps, 'desa.kewar');
    await expect(creditJhtContributions(deps, village, { regencyCode: '53.04' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('records the balance carried over from the previous system once, with its source', async () => {
    const r = await recordJhtOpeningBalance(deps, officer, {
      participantId: worker1,
      amountRp: 10_000_000,
      asOf: '2025-12-31',
      source: 'Saldo JHT sistem lama per 31-12-2025',
    });
    expect(r.balance.balanceRp).toBe(10_000_000);
    await expect(
      recordJhtOpeningBalance(deps, officer, {
        participantId: worker1,
        amountRp: 1,
        asOf: '2025-12-31',
        source: 'again',
      }),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect((await jhtBalance(deps, worker1, '2026-12-31')).balanceRp).toBe(10_000_000 + JHT_1);
    expect((await jhtBalance(deps.db, worker1, '2026-11-19')).balanceRp).toBe(10_000_000);
  });

  it('the return rate is entered by the head office as data; returns wait for the year’s end and the rate', async () => {
    await expect(
      setJhtReturnRate(deps, officer, { year: 2026, rateBp: RATE_BP, source: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(applyJhtReturns(deps, officer, { regencyCode: '53.04', year: 2026 })).rejects.toMatchObject({
      code: 'JHT_YEAR_NOT_ENDED',
    });
    advanceTo('2027-01-05T02:00:00.000Z');
    await expect(applyJhtReturns(deps, officer, { regencyCode: '53.04', year: 2026 })).rejects.toMatchObject({
      code: 'JHT_RATE_MISSING',
    });
    // A national parameter: the branch's supervisor may not set it, the head office's may.
    await expect(
      setJhtReturnRate(deps, supervisor, { year: 2026, rateBp: RATE_BP, source: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const rate = await setJhtReturnRate(deps, await headOfficeSupervisor(deps), {
      year: 2026,
      rateBp: RATE_BP,
      source: 'Test value entered for the integration test',
    });
    expect(rate).toMatchObject({ year: 2026, rateBp: RATE_BP, enteredBy: 'supervisor.pusat' });
  });

  it('credits each account’s return once, weighted by the months the money was there', async () => {
    // worker 1: 10,000,000 × 12 + 285,000 × 1 (received in November) = 120,285,000 balance-months
    //   × 5.25% / 12 = 526,246.875 → 526,246; worker 2: 684,000 × 1 × 5.25% / 12 = 2,992.5 → 2,992.
    const r = await applyJhtReturns(deps, supervisor, { regencyCode: '53.04', year: 2026 });
    expect(r).toEqual({ year: 2026, rateBp: RATE_BP, accounts: 2, amountRp: 526_246 + 2_992 });
    expect(await applyJhtReturns(deps, supervisor, { regencyCode: '53.04', year: 2026 })).toMatchObject({
      accounts: 0,
      amountRp: 0,
    });
    await expect(
      setJhtReturnRate(deps, await headOfficeSupervisor(deps), {
        year: 2026,
        rateBp: 600,
        source: 'corrected',
      }),
    ).rejects.toMatchObject({ code: 'JHT_RATE_IN_USE' });
    const st = await jhtStatement(deps, officer, worker1, 2026);
    expect(st).toMatchObject({
      year: 2026,
      openingRp: 10_000_000,
      carriedOverRp: 0,
      contributionsRp: JHT_1,
      returnsRp: 526_246,
      withdrawalsRp: 0,
      closingRp: 10_000_000 + JHT_1 + 526_246,
      returnRate: { rateBp: RATE_BP, source: 'Test value entered for the integration test' },
    });
    expect(st.entries.map((e) => e.kind)).toEqual(['contribution', 'contribution', 'return']);
    const before = await jhtStatement(deps, officer, worker1, 2025);
    expect(before).toMatchObject({ openingRp: 0, carriedOverRp: 10_000_000, closingRp: 10_000_000 });
  });

  it('a JHT claim above the balance cannot be batched', async () => {
    const claim = await insertApprovedClaim(deps.db, worker1, {
      program: 'JHT',
      kind: 'sebagian_10',
      amountRp: 20_000_000,
    });
    await expect(
      createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claim.id] }),
    ).rejects.toMatchObject({ code: 'JHT_BALANCE_INSUFFICIENT', params: { claims: claim.number } });
  });

  it('a full JHT payout empties the account when the bank pays it, and a return puts the money back', async () => {
    const balance = (await jhtBalance(deps, worker2, '2027-01-05')).balanceRp;
    expect(balance).toBe(JHT_2 + 2_992);
    const claim = await insertApprovedClaim(deps.db, worker2, {
      program: 'JHT',
      kind: 'penuh',
      amountRp: balance,
    });
    const batch = await createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claim.id] });
    await approvePayoutBatch(deps, supervisor, batch.id, { declaredCount: 1, declaredTotalRp: balance });
    await sendPayoutBatch(deps, officer, batch.id);
    const payoutId = (
      await deps.db.query<{ id: number }>('SELECT id FROM payout WHERE batch_id = $1', [batch.id])
    ).rows[0]!.id;
    const result = (status: string, date: string, ref: string) =>
      Buffer.from(
        `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${batch.number},${payoutId},${status},${date},${ref},${balance}\r\n`,
      );
    await importBankResult(deps, officer, batch.id, {
      fileName: 'r1.csv',
      bytes: result('PAID', '2027-01-04', 'T1'),
    });
    expect((await jhtBalance(deps, worker2, '2027-01-04')).balanceRp).toBe(0);
    expect((await jhtBalance(deps, worker2, '2027-01-03')).balanceRp).toBe(balance);
    const st = await jhtStatement(deps, officer, worker2, 2027);
    expect(st).toMatchObject({ openingRp: balance, withdrawalsRp: balance, closingRp: 0 });
    await importBankResult(deps, officer, batch.id, {
      fileName: 'r2.csv',
      bytes: result('RETURNED', '2027-01-05', 'R1'),
    });
    expect((await jhtBalance(deps, worker2, '2027-01-05')).balanceRp).toBe(balance);
    const kinds = await deps.db.query<{ kind: string; amountRp: number; claimId: number }>(
      `SELECT kind, amount_rp AS "amountRp", claim_id AS "claimId" FROM jht_entry
       WHERE participant_id = $1 AND payout_id IS NOT NULL ORDER BY id`,
      [worker2],
    );
    expect(kinds.rows).toEqual([
      { kind: 'withdrawal', amountRp: -balance, claimId: claim.id },
      { kind: 'withdrawal_reversal', amountRp: balance, claimId: claim.id },
    ]);
    const status = await deps.db.query<{ status: string }>('SELECT status FROM claim WHERE id = $1', [
      claim.id,
    ]);
    expect(status.rows[0]!.status).toBe('approved');
  });

  it('statements are scoped: another regency gets 404; the entries cannot be edited', async () => {
    const other: Actor = { ...officer, username: 'lain', regionScopes: ['53.05'] };
    await expect(jhtStatement(deps, other, worker1, 2026)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordJhtOpeningBalance(deps, other, {
        participantId: worker2,
        amountRp: 1,
        asOf: '2025-12-31',
        source: 'x y z',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deps.db.query('UPDATE jht_entry SET amount_rp = 1')).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
  });
});
