import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { reversePayment } from '../../src/services/reverse-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { BillingModel, nextPeriod } from '../support/billing-model.ts';
import { notBefore, preparedDeps, type TestDb, testDbKind } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// Seeded random enrol / bill / re-run / pay / replay / reverse workloads against BillingModel,
// checking the ledger, the receivables and every invoice's allocation after each step.
const RUNS = Number(process.env.LINDUNG_PROPERTY_RUNS ?? 15);
const SEED = Number(process.env.LINDUNG_PROPERTY_SEED ?? Date.now() % 2 ** 31);
const VILLAGES = ['53.04.01.2001', '53.04.01.2002', '53.04.01.2004'];
const FIRST_PERIOD = '2026-12';

type Step =
  | { kind: 'enrol'; village: number; n: number; apbd: boolean }
  | { kind: 'bill' }
  | { kind: 'rerun'; pick: number }
  | {
      kind: 'pay';
      pick: number;
      mode: 'full' | 'partial' | 'over';
      pct: number;
      extraRp: number;
      key: string;
    }
  | { kind: 'replay'; pick: number; samePayload: boolean }
  | { kind: 'reverse'; pick: number };

const key = fc.stringMatching(/^[A-Za-z0-9._:-]{8,24}$/);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('enrol' as const),
      village: fc.nat(2),
      n: fc.integer({ min: 10, max: 13 }),
      apbd: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bill' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rerun' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      pick: fc.nat(),
      mode: fc.constantFrom('full' as const, 'partial' as const, 'over' as const),
      pct: fc.integer({ min: 1, max: 99 }),
      extraRp: fc.integer({ min: 1, max: 200_000 }),
      key,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('replay' as const), pick: fc.nat(), samePayload: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }) },
);

const pickOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

/** A prepared database per run: on PGlite a copy of one prepared data directory, on PostgreSQL a new database. */
class Databases {
  private dir = '';
  private n = 0;
  async setUp() {
    if (testDbKind !== 'pglite') return;
    this.dir = mkdtempSync(join(tmpdir(), 'lindung-prop-'));
    const { t } = await preparedDeps({ dataDir: join(this.dir, 'template') });
    await t.drop();
  }
  async fresh(): Promise<{ deps: Deps; t: TestDb }> {
    if (testDbKind !== 'pglite') return preparedDeps();
    const dataDir = join(this.dir, `run-${this.n++}`);
    cpSync(join(this.dir, 'template'), dataDir, { recursive: true });
    const r = await preparedDeps({ dataDir });
    return {
      deps: r.deps,
      t: { ...r.t, drop: () => r.t.drop().then(() => rmSync(dataDir, { recursive: true })) },
    };
  }
  tearDown() {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

class Run {
  readonly model = new BillingModel();
  readonly payerIds = new Map<string, number>();
  readonly invoiceIds: number[] = [];
  constructor(readonly deps: Deps) {}

  private count = async (table: string) =>
    (await this.deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  async apply(s: Step): Promise<void> {
    if (s.kind === 'enrol') return this.enrol(s);
    if (s.kind === 'bill')
      return this.bill(this.model.lastPeriod ? nextPeriod(this.model.lastPeriod) : FIRST_PERIOD);
    if (s.kind === 'rerun') {
      const period = pickOf([...this.model.billed.keys()].sort(), s.pick);
      return period ? this.bill(period) : undefined;
    }
    if (s.kind === 'pay') return this.pay(s);
    if (s.kind === 'replay') return this.replay(s);
    return this.reverse(s);
  }

  private async enrol(s: Extract<Step, { kind: 'enrol' }>) {
    const village = VILLAGES[s.village]!;
    const payer = s.apbd ? 'regency:53.04' : `village:${village}`;
    const serialStart = this.model.enrol(payer, s.n);
    await enrolActive(this.deps, village, s.n, { serialStart, funding: s.apbd ? 'APBD' : 'APBDES' });
    const [kind, region] = payer.split(':') as [string, string];
    const r = await this.deps.db.query<{ id: number }>(
      'SELECT id FROM payer WHERE kind = $1 AND region_code = $2',
      [kind, region],
    );
    this.payerIds.set(payer, r.rows[0]!.id);
  }

  private async bill(period: string) {
    const lines = await this.count('invoice_line');
    const expected = this.model.bill(period);
    const r = await runBilling(notBefore(this.deps, `${period}-01`), consoleActor(), {
      regencyCode: '53.04',
      period,
    });
    if (expected.length === 0) {
      expect(r.runId, `${period}: nothing changed, so nothing is issued`).toBeNull();
      expect(await this.count('invoice_line')).toBe(lines);
      return;
    }
    const byPayer = new Map([...this.payerIds].map(([k, id]) => [id, k]));
    const got = r.invoices.map((i) => ({
      payer: byPayer.get(i.payerId),
      kind: i.kind,
      totalRp: i.totalRp,
      lines: i.lines,
    }));
    const want = expected.map((i) => ({ payer: i.payer, kind: i.kind, totalRp: i.totalRp, lines: i.lines }));
    const order = (a: { payer?: string }, b: { payer?: string }) =>
      (a.payer ?? '').localeCompare(b.payer ?? '');
    expect(got.sort(order), `${period}: invoices issued`).toEqual(want.sort(order));
    for (const m of expected) {
      const db = r.invoices.find((i) => byPayer.get(i.payerId) === m.payer)!;
      this.invoiceIds[m.seq] = db.id;
    }
  }

  private async pay(s: Extract<Step, { kind: 'pay' }>) {
    const payer = pickOf(this.model.payers(), s.pick);
    if (!payer) return;
    const open = this.model.openRp(payer) || 16_800;
    const amountRp =
      s.mode === 'full'
        ? open
        : s.mode === 'partial'
          ? Math.max(1, Math.floor((open * s.pct) / 100))
          : open + s.extraRp;
    const existing = this.model.payments.find((p) => p.key === s.key);
    const input = {
      payerId: this.payerIds.get(payer)!,
      amountRp,
      receivedOn: '2026-12-10',
      reference: `TRF-${s.key}`,
      idempotencyKey: s.key,
    };
    if (existing) {
      // A random key met an earlier one: same payload replays, another payload is refused.
      const same = existing.payer === payer && existing.amountRp === amountRp;
      return same ? this.expectReplay(input) : this.expectRefused(input);
    }
    const r = await postPayment(notBefore(this.deps, input.receivedOn), consoleActor(), input);
    expect(r.replayed).toBe(false);
    this.model.pay({ key: s.key, payer, amountRp, reference: input.reference, dbId: r.paymentId });
  }

  private async replay(s: Extract<Step, { kind: 'replay' }>) {
    const p = pickOf(this.model.payments, s.pick);
    if (!p) return;
    const input = {
      payerId: this.payerIds.get(p.payer)!,
      amountRp: p.amountRp + (s.samePayload ? 0 : 1),
      receivedOn: '2026-12-10',
      reference: p.reference,
      idempotencyKey: p.key,
    };
    return s.samePayload ? this.expectReplay(input) : this.expectRefused(input);
  }

  private async booked() {
    return [
      await this.count('payment'),
      await this.count('payment_allocation'),
      await this.count('ledger_line'),
    ];
  }

  private async expectReplay(input: Parameters<typeof postPayment>[2]) {
    const before = await this.booked();
    const r = await postPayment(notBefore(this.deps, input.receivedOn), consoleActor(), input);
    expect(r.replayed, 'same key, same payload: replayed').toBe(true);
    expect(await this.booked(), 'a replay books nothing').toEqual(before);
  }

  private async expectRefused(input: Parameters<typeof postPayment>[2]) {
    const before = await this.booked();
    await expect(
      postPayment(notBefore(this.deps, input.receivedOn), consoleActor(), input),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await this.booked()).toEqual(before);
  }

  private async reverse(s: Extract<Step, { kind: 'reverse' }>) {
    const p = pickOf(this.model.payments, s.pick);
    if (!p) return;
    const call = reversePayment(this.deps, consoleActor(), p.dbId, 'property test');
    if (p.reversed) {
      await expect(call).rejects.toMatchObject({ code: 'PAYMENT_ALREADY_REVERSED' });
      return;
    }
    await call;
    this.model.reverse(p);
  }

  /** Everything the model says must hold, read back from the database. */
  async check(where: string): Promise<void> {
    const q = this.deps.db;
    const unbalanced = await q.query(
      'SELECT entry_id, sum(amount_rp)::bigint AS s FROM ledger_line GROUP BY entry_id HAVING sum(amount_rp) <> 0',
    );
    expect(unbalanced.rows, `${where}: unbalanced ledger entries`).toEqual([]);
    const total = await q.query<{ s: number }>(
      'SELECT coalesce(sum(amount_rp), 0)::bigint AS s FROM ledger_line',
    );
    expect(total.rows[0]!.s, `${where}: ledger total`).toBe(0);
    const invoices = await q.query<{ id: number; total: number; allocated: number }>(
      `SELECT i.id, i.total_rp AS total, coalesce(sum(a.amount_rp), 0)::bigint AS allocated
       FROM invoice i LEFT JOIN payment_allocation a ON a.invoice_id = i.id GROUP BY i.id ORDER BY i.id`,
    );
    for (const i of invoices.rows) {
      expect(i.allocated, `${where}: invoice ${i.id} over-allocated`).toBeLessThanOrEqual(
        Math.max(i.total, 0),
      );
      expect(i.allocated, `${where}: invoice ${i.id} negative allocation`).toBeGreaterThanOrEqual(0);
    }
    const modelInvoices = this.model.invoices
      .map((m) => ({ id: this.invoiceIds[m.seq]!, total: m.totalRp, allocated: m.allocatedRp }))
      .sort((a, b) => a.id - b.id);
    expect(invoices.rows, `${where}: invoices and their allocation (oldest first)`).toEqual(modelInvoices);
    for (const [payer, payerId] of this.payerIds) await this.checkPayer(where, payer, payerId);
  }

  private async checkPayer(where: string, payer: string, payerId: number) {
    const r = await this.deps.db.query<{ receivable: number; paid: number; allocated: number }>(
      `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM ledger_line WHERE account = 'receivable' AND payer_id = $1)::bigint AS receivable,
              (SELECT coalesce(sum(amount_rp), 0) FROM payment WHERE payer_id = $1)::bigint AS paid,
              (SELECT coalesce(sum(a.amount_rp), 0) FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id
               WHERE i.payer_id = $1)::bigint AS allocated`,
      [payerId],
    );
    const invoiced = this.model.invoicedRp(payer);
    const paid = this.model.paidRp.get(payer) ?? 0;
    expect(r.rows[0], `${where}: ${payer} receivable = invoiced − paid`).toMatchObject({
      receivable: invoiced - paid,
      paid,
    });
    if (this.model.allocatedIsSettled(payer)) {
      expect(r.rows[0]!.allocated, `${where}: ${payer} allocated = min(paid, invoiced)`).toBe(
        Math.min(paid, invoiced),
      );
    }
  }
}

describe(`billing and payments against a model (${testDbKind}, seed ${SEED})`, () => {
  const dbs = new Databases();
  let runs = 0;
  let steps = 0;
  beforeAll(() => dbs.setUp());
  afterAll(() => {
    dbs.tearDown();
    console.log(`billing property (${testDbKind}): seed ${SEED}, ${runs} runs, ${steps} steps`);
  });

  it('keeps the ledger balanced and every allocation oldest first after every step', async () => {
    console.log(`billing property: seed ${SEED} (replay with LINDUNG_PROPERTY_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 14 }), async (workload) => {
        const { deps, t } = await dbs.fresh();
        runs++;
        try {
          const run = new Run(deps);
          for (const [n, s] of workload.entries()) {
            await run.apply(s);
            steps++;
            await run.check(`step ${n} ${JSON.stringify(s)}`);
          }
        } finally {
          await t.drop();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.LINDUNG_PROPERTY_SHRINK !== '1' },
    );
  }, 240_000);
});
