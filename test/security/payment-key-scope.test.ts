import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertOffice } from '../../src/db/offices.ts';
import { findUserByUsername } from '../../src/db/users.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { resolveActor } from '../../src/services/resolve-actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { DEMO_PASSWORD, demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// L1 (issue 14): the Idempotency-Key was looked up before the payer's scope, in one namespace for
// everybody. A user of another branch who replayed a key and body got 200 with that payer's
// balances; with another amount, IDEMPOTENCY_KEY_REUSED told them the key existed.

async function officer(deps: Deps, username: string, office: string): Promise<Actor> {
  await addUser(deps, consoleActor(), {
    username,
    displayName: username,
    role: 'branch_officer',
    scope: office,
    password: DEMO_PASSWORD,
  });
  return resolveActor(deps.db, (await findUserByUsername(deps.db, username))!);
}

describe('L1: an idempotency key reveals nothing outside the caller’s scope', () => {
  let t: TestDb;
  let deps: Deps;
  let atambua: Actor;
  let payerId: number;
  const body = {
    amountRp: 100_000,
    receivedOn: '2026-11-24',
    reference: 'TRF-L1',
    idempotencyKey: 'l1-key-0001',
  };

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10);
    atambua = await demoActor(deps, 'cabang.atambua');
    await runBilling(notBefore(deps, '2026-12-01'), atambua, { regencyCode: '53.04', period: '2026-12' });
    payerId = (await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE kind = 'village'`)).rows[0]!
      .id;
    // Another branch, serving Kota Kupang: none of Belu's payers are in its scope.
    await upsertOffice(deps.db, {
      code: 'KC-KUPANG',
      name: 'Kantor Cabang Kupang',
      level: 'branch',
      parentCode: 'KW-BANUSPA',
      regions: ['53.71'],
    });
    const first = await postPayment(deps, atambua, { payerId, ...body });
    expect(first.replayed).toBe(false);
  });
  afterAll(async () => t?.drop());

  it('a replay from another branch answers 404, never the first answer or the payer’s balances', async () => {
    const kupang = await officer(deps, 'cabang.kupang', 'KC-KUPANG');
    const same = postPayment(deps, kupang, { payerId, ...body });
    await expect(same).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = postPayment(deps, kupang, { payerId, ...body, amountRp: 1 });
    await expect(other).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the same key from another user in scope is a new key: a new payment, not IDEMPOTENCY_KEY_REUSED', async () => {
    const colleague = await officer(deps, 'cabang.atambua.dua', 'KC-ATAMBUA');
    const r = await postPayment(deps, colleague, {
      payerId,
      ...body,
      amountRp: 5_000,
      reference: 'TRF-L1-B',
    });
    expect(r.replayed).toBe(false);
    // The first user's own retry still answers the first payment.
    const again = await postPayment(deps, atambua, { payerId, ...body });
    expect(again).toMatchObject({ replayed: true });
    await expect(postPayment(deps, atambua, { payerId, ...body, amountRp: 7 })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    const n = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payment');
    expect(n.rows[0]!.n).toBe(2);
  });
});
