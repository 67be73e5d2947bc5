import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry } from '../../src/db/ledger.ts';
import type { Deps } from '../../src/services/actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const DUARATO = '53.04.01.2004';

describe('monthly billing run', () => {
  let deps: Deps;
  let t: TestDb;
  const ledgerSum = async () =>
    (await deps.db.query<{ s: number }>('SELECT coalesce(sum(amount_rp), 0)::bigint AS s FROM ledger_line'))
      .rows[0]!.s;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 12, { serialStart: 1 });
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    await enrolActive(deps, DUARATO, 11, { serialStart: 200, funding: 'APBD' });
  });
  afterAll(async () => t.drop());

  it('issues one invoice per payer, totals = participants × Rp16,800 (PP 44/2015: JKK 10,000 + JKM 6,800)', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    const r = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r).toMatchObject({ kind: 'regular', participants: 33, lines: 66, totalRp: 33 * 16_800 });
    const byPayer = r.invoices.map((i) => [i.payerName, i.totalRp, i.lines, i.dueDate]);
    expect(byPayer).toEqual([
      ['Pemerintah Desa Kewar', 12 * 16_800, 24, '2026-12-15'],
      ['Pemerintah Desa Fulur', 10 * 16_800, 20, '2026-12-15'],
      ['Pemerintah Kabupaten Belu', 11 * 16_800, 22, '2026-12-15'],
    ]);
    expect(await ledgerSum()).toBe(0);
    const receivable = await deps.db.query<{ s: number }>(
      `SELECT sum(amount_rp)::bigint AS s FROM ledger_line WHERE account = 'receivable'`,
    );
    expect(receivable.rows[0]!.s).toBe(33 * 16_800);
  });

  it('running the same period again creates nothing', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    const before = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invoice_line');
    const r = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r).toMatchObject({ runId: null, lines: 0 });
    expect(
      (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invoice_line')).rows[0]!.n,
    ).toBe(before.rows[0]!.n);
  });

  it('after new participants, a re-run issues adjustment lines only for them, never editing issued invoices', async () => {
    await enrolActive(deps, FULUR, 10, { serialStart: 300 });
    const branch = await demoActor(deps, 'cabang.atambua');
    const r = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r).toMatchObject({ kind: 'adjustment', participants: 10, lines: 20, totalRp: 10 * 16_800 });
    expect(r.invoices.map((i) => [i.payerName, i.totalRp, i.kind])).toEqual([
      ['Pemerintah Desa Fulur', 10 * 16_800, 'adjustment'],
    ]);
    await expect(deps.db.query('UPDATE invoice SET total_rp = 0')).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
    expect(await ledgerSum()).toBe(0);
  });

  it('the database refuses an unbalanced ledger entry', async () => {
    await expect(
      deps.db.transaction(async (tx) => {
        const e = await tx.query<{ id: number }>(
          `INSERT INTO ledger_entry (regency_code, kind, ref_id, at) VALUES ('53.04', 'payment', 999999, now()) RETURNING id`,
        );
        await tx.query(
          `INSERT INTO ledger_line (entry_id, account, amount_rp, regency_code, period)
           VALUES ($1, 'cash', 100, '53.04', office_period(now()))`,
          [e.rows[0]!.id],
        );
      }),
    ).rejects.toMatchObject({ code: 'LEDGER_UNBALANCED' });
  });

  it("the database refuses a ledger line whose regency or month is not its entry's (0035)", async () => {
    for (const [regency, period] of [
      ['53.01', 'office_period(now())'],
      ['53.04', "'2020-01'"],
    ])
      await expect(
        deps.db.transaction(async (tx) => {
          const e = await tx.query<{ id: number }>(
            `INSERT INTO ledger_entry (regency_code, kind, ref_id, at)
             VALUES ('53.04', 'payment', 999990 + (SELECT count(*) FROM ledger_entry WHERE ref_id > 999900), now())
             RETURNING id`,
          );
          await tx.query(
            `INSERT INTO ledger_line (entry_id, account, amount_rp, regency_code, period)
             VALUES ($1, 'cash', 100, $2, ${period}), ($1, 'receivable', -100, $2, ${period})`,
            [e.rows[0]!.id, regency],
          );
        }),
      ).rejects.toThrow(/are not those of entry/);
  });

  it('postEntry refuses lines that do not sum to zero, before writing anything', async () => {
    const entries = async () =>
      (await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entry')).rows[0]!.n;
    const before = await entries();
    const entry = {
      regencyCode: '53.04',
      kind: 'payment' as const,
      refId: 999_998,
      at: '2026-12-01T00:00:00Z',
    };
    await expect(
      postEntry(deps.db, entry, [
        { account: 'cash', amountRp: 100 },
        { account: 'receivable', amountRp: -99 },
      ]),
    ).rejects.toMatchObject({ code: 'LEDGER_UNBALANCED' });
    await expect(postEntry(deps.db, entry, [{ account: 'cash', amountRp: 0 }])).rejects.toMatchObject({
      code: 'LEDGER_UNBALANCED',
    });
    expect(await entries()).toBe(before);
  });

  it('only branch staff run billing; others are refused, and a regency out of scope is 404', async () => {
    for (const who of ['desa.kewar', 'dinas.belu', 'auditor']) {
      await expect(
        runBilling(deps, await demoActor(deps, who), { regencyCode: '53.04', period: '2027-01' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      runBilling(deps, await demoActor(deps, 'cabang.atambua'), { regencyCode: '53.05', period: '2027-01' }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
  });
});
