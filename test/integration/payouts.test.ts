import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Deps, PERMISSIONS } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import {
  approvePayoutBatch,
  benefitsPaid,
  createPayoutBatch,
  exportPayoutBatch,
  getPayoutBatch,
  importBankResult,
  markPayoutBatchSent,
} from '../../src/services/payouts/index.ts';
import { demoActor } from '../support/actors.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const resultFile = (rows: string[]) =>
  Buffer.from(`batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${rows.join('\r\n')}\r\n`);

describe('payout batches: maker/checker, export once, bank reconciliation, ledger', () => {
  let deps: Deps;
  let t: TestDb;
  let officer: Actor;
  let supervisor: Actor;
  let claims: { id: number; number: string }[];
  let batch: { id: number; number: string; count: number; totalRp: number };
  let payoutIds: number[];
  const claimStatuses = async () =>
    (
      await deps.db.query<{ status: string }>(
        'SELECT status FROM claim WHERE id = ANY($1::bigint[]) ORDER BY id',
        [claims.map((c) => c.id)],
      )
    ).rows.map((r) => r.status);
  const payoutStatuses = async (batchId = batch.id) =>
    (
      await deps.db.query<{ status: string }>('SELECT status FROM payout WHERE batch_id = $1 ORDER BY id', [
        batchId,
      ])
    ).rows.map((r) => r.status);
  const ledger = async () =>
    (
      await deps.db.query<{ kind: string; account: string; program: string; amountRp: number }>(
        `SELECT e.kind, l.account, l.program, sum(l.amount_rp)::bigint AS "amountRp"
         FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id WHERE e.kind LIKE 'benefit%'
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
    ).rows;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10);
    officer = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    const ids = await participantsOf(deps.db, '53.04.01.2001');
    claims = [
      await insertApprovedClaim(deps.db, ids[0]!, { program: 'JKM', amountRp: 42_000_000 }),
      await insertApprovedClaim(deps.db, ids[1]!, { program: 'JKK', kind: 'perawatan', amountRp: 3_250_000 }),
      await insertApprovedClaim(deps.db, ids[2]!, {
        program: 'JKM',
        amountRp: 42_000_000,
        accountHolder: 'Bere, "Maria"',
      }),
    ];
  });
  afterAll(async () => t.drop());

  it('the maker batches the approved claims; the claims become batched, each with an event', async () => {
    await expect(createPayoutBatch(deps, supervisor, { regencyCode: '53.04' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    batch = await createPayoutBatch(deps, officer, { regencyCode: '53.04' });
    expect(batch).toMatchObject({ count: 3, totalRp: 87_250_000 });
    expect(batch.number).toMatch(/^BYR-5304-2026-\d{5}$/);
    expect(await claimStatuses()).toEqual(['batched', 'batched', 'batched']);
    expect(await payoutStatuses()).toEqual(['pending', 'pending', 'pending']);
    const events = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM claim_event WHERE action = 'batch' AND to_status = 'batched'`,
    );
    expect(events.rows[0]!.n).toBe(3);
    payoutIds = (
      await deps.db.query<{ id: number }>('SELECT id FROM payout WHERE batch_id = $1 ORDER BY id', [batch.id])
    ).rows.map((r) => r.id);
  });

  it('nothing is left to batch, and a named claim already batched is refused', async () => {
    await expect(createPayoutBatch(deps, officer, { regencyCode: '53.04' })).rejects.toMatchObject({
      code: 'PAYOUT_NOTHING_TO_BATCH',
    });
    await expect(
      createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claims[0]!.id] }),
    ).rejects.toMatchObject({ code: 'CLAIM_NOT_PAYABLE' });
  });

  it('cannot be exported before approval', async () => {
    await expect(exportPayoutBatch(deps, officer, batch.id)).rejects.toMatchObject({
      code: 'PAYOUT_BATCH_STATE',
    });
  });

  it('approval needs the payouts.approve role, another person, and the declared count and total to match', async () => {
    await expect(
      approvePayoutBatch(deps, officer, batch.id, { declaredCount: 3, declaredTotalRp: 87_250_000 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      approvePayoutBatch(deps, supervisor, batch.id, { declaredCount: 3, declaredTotalRp: 87_000_000 }),
    ).rejects.toMatchObject({ code: 'PAYOUT_DECLARATION_MISMATCH' });
    // The console may do anything, but still not check its own batch.
    const console = consoleActor();
    const own = await deps.db.query<{ id: number }>(
      `SELECT id FROM participant WHERE region_code = '53.04.01.2001' ORDER BY id OFFSET 3 LIMIT 1`,
    );
    const c4 = await insertApprovedClaim(deps.db, own.rows[0]!.id, { program: 'JKM', amountRp: 42_000_000 });
    const mine = await createPayoutBatch(deps, console, { regencyCode: '53.04', claimIds: [c4.id] });
    await expect(
      approvePayoutBatch(deps, console, mine.id, { declaredCount: 1, declaredTotalRp: 42_000_000 }),
    ).rejects.toMatchObject({ code: 'PAYOUT_SAME_PERSON' });
    const ok = await approvePayoutBatch(deps, supervisor, batch.id, {
      declaredCount: 3,
      declaredTotalRp: 87_250_000,
    });
    expect(ok.status).toBe('approved');
    await expect(
      approvePayoutBatch(deps, supervisor, batch.id, { declaredCount: 3, declaredTotalRp: 87_250_000 }),
    ).rejects.toMatchObject({ code: 'PAYOUT_BATCH_STATE' });
  });

  it('downloads the documented CSV without sending it; marked sent, every download gives those bytes; all audited', async () => {
    const first = await exportPayoutBatch(deps, officer, batch.id);
    const text = first.body.toString('utf8');
    const lines = text.split('\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(lines[0]).toBe(
      'batch_reference,payout_id,bank_code,account_number,account_holder,amount_rp,description',
    );
    expect(lines).toHaveLength(5); // header, 3 rows, '' after the last CRLF
    expect(lines[1]).toBe(
      `${batch.number},${payoutIds[0]},BRI,${`00${String((await participantsOf(deps.db, '53.04.01.2001'))[0]).padStart(10, '0')}`},` +
        `${(await getPayoutBatch(deps, officer, batch.id)).payouts[0]!.accountHolder},42000000,JKM ${claims[0]!.number}`,
    );
    expect(lines[3]).toContain(',"Bere, ""Maria""",42000000,');
    expect(first.fileName).toBe(`${batch.number}.csv`);
    expect(await payoutStatuses()).toEqual(['pending', 'pending', 'pending']);
    await markPayoutBatchSent(deps, officer, batch.id, { format: 'csv', sha256: first.sha256 });
    expect(await payoutStatuses()).toEqual(['exported', 'exported', 'exported']);
    const again = await exportPayoutBatch(deps, officer, batch.id);
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.sent).toBe(true);
    const audits = await deps.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'payout_batch' AND entity_id = $1 ORDER BY chain_seq`,
      [String(batch.id)],
    );
    expect(audits.rows.map((a) => a.action)).toEqual([
      'payout_batch.create',
      'payout_batch.approve',
      'payout_batch.download',
      'payout_batch.sent',
      'payout_batch.export_again',
    ]);
  });

  it('refuses a bad result file whole, listing every problem, and writes nothing', async () => {
    const [p1, p2, p3] = payoutIds as [number, number, number];
    const bad = resultFile([
      `${batch.number},${p1},PAID,2026-11-25,TRX-1,42000000`,
      `${batch.number},${p2},PAID,2026-11-25,TRX-2,3000000`, // amount differs
      `BYR-5304-2026-99999,${p3},PAID,2026-11-25,TRX-3,42000000`, // another batch
      `${batch.number},999999,FAILED,2026-11-25,,100`, // not in this batch
      `${batch.number},${p1},RETURNED,2026-11-26,RET-1,42000000`, // twice
      `${batch.number},${p3},LOST,2026-11-25,,42000000`, // unknown status
    ]);
    const err = await importBankResult(deps, officer, batch.id, { fileName: 'bad.csv', bytes: bad }).catch(
      (e) => e,
    );
    expect(err.code).toBe('PAYOUT_RESULT_INVALID');
    expect((err.details as { line: number; field: string }[]).map((p) => [p.line, p.field])).toEqual([
      [3, 'amount_rp'],
      [4, 'batch_reference'],
      [5, 'payout_id'],
      [6, 'payout_id'],
      [7, 'status'],
    ]);
    const header = await importBankResult(deps, officer, batch.id, {
      fileName: 'x.csv',
      bytes: Buffer.from('ref;id;status\r\n'),
    }).catch((e) => e);
    expect(header.code).toBe('PAYOUT_RESULT_INVALID');
    // RETURNED is only possible after PAID.
    const early = await importBankResult(deps, officer, batch.id, {
      fileName: 'early.csv',
      bytes: resultFile([`${batch.number},${p1},RETURNED,2026-11-25,RET-0,42000000`]),
    }).catch((e) => e);
    expect(early.details).toEqual([
      { line: 2, field: 'status', problem: expect.stringContaining('exported') },
    ]);
    expect(await payoutStatuses()).toEqual(['exported', 'exported', 'exported']);
    expect(await claimStatuses()).toEqual(['batched', 'batched', 'batched']);
    expect(await ledger()).toEqual([]);
  });

  it('paid: payout paid, claim paid, benefit booked per programme; failed: claim back in the queue', async () => {
    const [p1, p2, p3] = payoutIds as [number, number, number];
    const bytes = resultFile([
      `${batch.number},${p1},PAID,2026-11-25,TRX-1,42000000`,
      `${batch.number},${p2},FAILED,2026-11-25,,3250000`,
      `${batch.number},${p3},PAID,2026-11-26,TRX-3,42000000`,
    ]);
    const r = await importBankResult(deps, officer, batch.id, { fileName: 'hasil.csv', bytes });
    expect(r).toEqual({
      paid: 2,
      failed: 1,
      returned: 0,
      unchanged: 0,
      batchStatus: 'reconciled',
      replayed: false,
    });
    expect(await payoutStatuses()).toEqual(['paid', 'failed', 'paid']);
    expect(await claimStatuses()).toEqual(['paid', 'approved', 'paid']);
    expect(await ledger()).toEqual([
      { kind: 'benefit', account: 'benefit_expense', program: 'JKM', amountRp: 84_000_000 },
      { kind: 'benefit', account: 'cash', program: 'JKM', amountRp: -84_000_000 },
    ]);
    const again = await importBankResult(deps, officer, batch.id, { fileName: 'hasil-lagi.csv', bytes });
    expect(again).toMatchObject({ paid: 2, failed: 1, replayed: true });
    expect(await payoutStatuses()).toEqual(['paid', 'failed', 'paid']);
    const paid = await benefitsPaid(deps, { regencyCode: '53.04', from: '2026-11-01', to: '2026-11-30' });
    expect(paid.byProgram.JKM).toEqual({ count: 2, amountRp: 84_000_000 });
    expect(paid.byProgram.JKK).toEqual({ count: 0, amountRp: 0 });
    expect(paid.total).toEqual({ count: 2, amountRp: 84_000_000 });
    const only25 = await benefitsPaid(deps.db, {
      regencyCode: '53.04',
      from: '2026-11-25',
      to: '2026-11-25',
    });
    expect(only25.total).toEqual({ count: 1, amountRp: 42_000_000 });
  });

  it('a failed claim is paid by a new attempt in a new batch; its first payout stays as history', async () => {
    const retry = await createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claims[1]!.id] });
    expect(retry).toMatchObject({ count: 1, totalRp: 3_250_000 });
    const attempts = await deps.db.query<{ status: string }>(
      'SELECT status FROM payout WHERE claim_id = $1 ORDER BY id',
      [claims[1]!.id],
    );
    expect(attempts.rows.map((r) => r.status)).toEqual(['failed', 'pending']);
  });

  it('returned after paid: payout returned, claim back to approved, the benefit reversed', async () => {
    const [p1] = payoutIds as [number];
    const r = await importBankResult(deps, officer, batch.id, {
      fileName: 'retur.csv',
      bytes: resultFile([`${batch.number},${p1},RETURNED,2026-11-28,RET-1,42000000`]),
    });
    expect(r).toMatchObject({ paid: 0, failed: 0, returned: 1 });
    expect(await payoutStatuses()).toEqual(['returned', 'failed', 'paid']);
    expect((await claimStatuses())[0]).toBe('approved');
    expect(await ledger()).toEqual([
      { kind: 'benefit', account: 'benefit_expense', program: 'JKM', amountRp: 84_000_000 },
      { kind: 'benefit', account: 'cash', program: 'JKM', amountRp: -84_000_000 },
      { kind: 'benefit_reversal', account: 'benefit_expense', program: 'JKM', amountRp: -42_000_000 },
      { kind: 'benefit_reversal', account: 'cash', program: 'JKM', amountRp: 42_000_000 },
    ]);
    const sum = await deps.db.query<{ s: number }>(
      'SELECT coalesce(sum(amount_rp), 0)::bigint AS s FROM ledger_line',
    );
    expect(sum.rows[0]!.s).toBe(0);
    const paid = await benefitsPaid(deps, { regencyCode: '53.04', from: '2026-11-01', to: '2026-11-30' });
    expect(paid.total).toEqual({ count: 1, amountRp: 42_000_000 });
  });

  it('another regency’s staff get 404 for the batch and cannot batch Belu’s claims', async () => {
    const other: Actor = {
      ...officer,
      userId: 999,
      username: 'cabang.lain',
      regionScopes: ['53.05'],
      permissions: [...PERMISSIONS.branch_officer, 'payouts.approve'],
    };
    await expect(getPayoutBatch(deps, other, batch.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(exportPayoutBatch(deps, other, batch.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      approvePayoutBatch(deps, other, batch.id, { declaredCount: 3, declaredTotalRp: 87_250_000 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(createPayoutBatch(deps, other, { regencyCode: '53.04' })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
  });
});
