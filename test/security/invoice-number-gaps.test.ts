import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/types.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// B9 (issue 14): invoice numbers came from a sequence, which does not roll back, so a billing run
// killed after numbering its invoices left numbers never issued, with nothing recording why.

/** The same database, but every transaction is rolled back after its work: a run killed before commit. */
function killedBeforeCommit(db: Db): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction(async (tx) => {
        await fn(tx);
        throw new Error('killed before commit');
      }),
  };
}

const serials = async (db: Db) =>
  (
    await db.query<{ number: string }>(`SELECT number FROM invoice WHERE regency_code = '53.04' ORDER BY id`)
  ).rows.map((r) => Number(r.number.split('/').at(-1)));

describe('B9: invoice numbers without gaps', () => {
  let t: TestDb;
  let deps: Deps;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10);
    await enrolActive(deps, '53.04.01.2002', 10, { serialStart: 100 });
    branch = await demoActor(deps, 'cabang.atambua');
  });
  afterAll(async () => t?.drop());

  it('a run that does not commit takes no number: the next run continues the series', async () => {
    await runBilling(notBefore(deps, '2026-12-01'), branch, { regencyCode: '53.04', period: '2026-12' });
    expect(await serials(deps.db)).toEqual([1, 2]);
    const killed = { ...notBefore(deps, '2027-01-01'), db: killedBeforeCommit(deps.db) };
    await expect(runBilling(killed, branch, { regencyCode: '53.04', period: '2027-01' })).rejects.toThrow(
      'killed before commit',
    );
    expect(await serials(deps.db)).toEqual([1, 2]);
    await runBilling(notBefore(deps, '2027-01-01'), branch, { regencyCode: '53.04', period: '2027-01' });
    expect(await serials(deps.db)).toEqual([1, 2, 3, 4]);
    const numbers = await deps.db.query<{ number: string }>('SELECT number FROM invoice ORDER BY id');
    expect(numbers.rows.map((r) => r.number)).toEqual([
      'INV/5304/2026-12/0000001',
      'INV/5304/2026-12/0000002',
      'INV/5304/2027-01/0000003',
      'INV/5304/2027-01/0000004',
    ]);
  });

  it('records no gap, as none was left', async () => {
    const gaps = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM invoice_number_gap');
    expect(gaps.rows[0]!.n).toBe(0);
  });
});
