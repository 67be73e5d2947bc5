import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { reversePayment } from '../../src/services/reverse-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const MONTH = 12 * 16_800; // Kewar's 12 workers, one month

describe('payments: idempotent posting, allocation oldest first, reversal', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let payerId: number;
  const paidByInvoice = async () =>
    (
      await deps.db.query<{ period: string; paid: number }>(
        `SELECT i.period, coalesce(sum(a.amount_rp), 0)::bigint AS paid FROM invoice i
         LEFT JOIN payment_allocation a ON a.invoice_id = i.id WHERE i.payer_id = $1 GROUP BY i.id ORDER BY i.period`,
        [payerId],
      )
    ).rows.map((r) => [r.period, r.paid]);
  const ledgerSum = async () =>
    (await deps.db.query<{ s: number }>('SELECT coalesce(sum(amount_rp), 0)::bigint AS s FROM ledger_line'))
      .rows[0]!.s;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 12);
    branch = await demoActor(deps, 'cabang.atambua');
    await runBilling(notBefore(deps, '2026-12-01'), branch, { regencyCode: '53.04', period: '2026-12' });
    await runBilling(notBefore(deps, '2027-01-01'), branch, { regencyCode: '53.04', period: '2027-01' });
    payerId = (await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE kind = 'village'`)).rows[0]!
      .id;
  });
  afterAll(async () => t.drop());

  const pay = (amountRp: number, key: string, reference = 'TRF-001') =>
    postPayment(notBefore(deps, '2026-12-10'), branch, {
      payerId,
      amountRp,
      receivedOn: '2026-12-10',
      reference,
      idempotencyKey: key,
    });

  it('a partial payment settles part of the oldest invoice', async () => {
    const r = await pay(100_000, 'kewar-2026-12-a');
    expect(r.replayed).toBe(false);
    expect(await paidByInvoice()).toEqual([
      ['2026-12', 100_000],
      ['2027-01', 0],
    ]);
    expect(r.balances).toEqual({
      receivableRp: 2 * MONTH - 100_000,
      invoicedRp: 2 * MONTH,
      paidRp: 100_000,
      allocatedRp: 100_000,
    });
  });

  it('the same key and payload books once; the same key with another amount is refused', async () => {
    const again = await pay(100_000, 'kewar-2026-12-a');
    expect(again.replayed).toBe(true);
    await expect(pay(150_000, 'kewar-2026-12-a')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const n = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment');
    expect(n.rows[0]!.n).toBe(1);
  });

  it('an overpayment settles both months and leaves the rest as credit', async () => {
    const r = await pay(400_000, 'kewar-2026-12-b', 'TRF-002');
    expect(await paidByInvoice()).toEqual([
      ['2026-12', MONTH],
      ['2027-01', MONTH],
    ]);
    expect(r.balances.receivableRp).toBe(2 * MONTH - 500_000); // negative: the payer's credit
    expect(await ledgerSum()).toBe(0);
  });

  it('a reversal is a new opposite entry that releases the newest allocations first', async () => {
    const second = (await deps.db.query<{ id: number }>(`SELECT id FROM payment WHERE reference = 'TRF-002'`))
      .rows[0]!.id;
    const supervisor = await demoActor(deps, 'supervisor.atambua');
    const r = await reversePayment(deps, supervisor, second, 'transfer returned by the bank');
    expect(await paidByInvoice()).toEqual([
      ['2026-12', 100_000],
      ['2027-01', 0],
    ]);
    expect(r.balances).toMatchObject({ receivableRp: 2 * MONTH - 100_000, paidRp: 100_000 });
    await expect(reversePayment(deps, supervisor, second, 'again')).rejects.toMatchObject({
      code: 'PAYMENT_ALREADY_REVERSED',
    });
    expect(await ledgerSum()).toBe(0);
    await expect(deps.db.query('DELETE FROM payment')).rejects.toMatchObject({ code: 'APPEND_ONLY' });
  });

  it('only branch officers post and supervisors reverse; a village operator may neither', async () => {
    const kewar = await demoActor(deps, 'desa.kewar');
    await expect(
      postPayment(notBefore(deps, '2026-12-10'), kewar, {
        payerId,
        amountRp: 1,
        receivedOn: '2026-12-10',
        reference: 'x',
        idempotencyKey: 'kewar-x-123',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reversePayment(deps, branch, 1, 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('two concurrent postings with one key book one payment', async () => {
    const results = await Promise.allSettled([
      pay(5_000, 'race-key-0001', 'TRF-R'),
      pay(5_000, 'race-key-0001', 'TRF-R'),
    ]);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    const n = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payment WHERE idempotency_key = 'race-key-0001'`,
    );
    expect(n.rows[0]!.n).toBe(1);
  });
});
