import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { createPayoutBatch } from '../../src/services/payouts/index.ts';
import { demoActor } from '../support/actors.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// On PostgreSQL the two attempts run on two pooled connections at the same time; PGlite has one
// connection, so there they run one after the other. Either way exactly one wins.
describe('a claim is never in two live payouts, even when two clerks race', () => {
  let deps: Deps;
  let t: TestDb;
  let officer: Actor;
  let participants: number[];

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10);
    officer = await demoActor(deps, 'cabang.atambua');
    participants = await participantsOf(deps.db, '53.04.01.2001');
  });
  afterAll(async () => t.drop());

  const livePayouts = async (claimId: number) =>
    (
      await deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM payout WHERE claim_id = $1 AND status IN ('pending', 'exported', 'paid')`,
        [claimId],
      )
    ).rows[0]!.n;

  it('two batch creations for the same claim at once: one batch, one payout, the other refused', async () => {
    const claim = await insertApprovedClaim(deps.db, participants[0]!, {
      program: 'JKM',
      amountRp: 42_000_000,
    });
    const results = await Promise.allSettled([
      createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claim.id] }),
      createPayoutBatch(deps, officer, { regencyCode: '53.04', claimIds: [claim.id] }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CLAIM_NOT_PAYABLE']);
    expect(await livePayouts(claim.id)).toBe(1);
    const batches = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM payout_batch');
    expect(batches.rows[0]!.n).toBe(1);
  });

  it('two "whole regency" batches at once split nothing twice', async () => {
    const ids = [];
    for (const p of participants.slice(1, 6))
      ids.push((await insertApprovedClaim(deps.db, p, { program: 'JKM', amountRp: 42_000_000 })).id);
    const results = await Promise.allSettled([
      createPayoutBatch(deps, officer, { regencyCode: '53.04' }),
      createPayoutBatch(deps, officer, { regencyCode: '53.04' }),
    ]);
    const counts = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    const per = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payout WHERE claim_id = ANY($1::bigint[]) GROUP BY claim_id`,
      [ids],
    );
    expect(per.rows.map((r) => r.n)).toEqual([1, 1, 1, 1, 1]);
  });

  it('two payout rows for one claim written at once: the database lets exactly one in', async () => {
    const claim = await insertApprovedClaim(deps.db, participants[7]!, {
      program: 'JKM',
      amountRp: 42_000_000,
    });
    const batchId = (await deps.db.query<{ id: number }>('SELECT min(id) AS id FROM payout_batch')).rows[0]!
      .id;
    const attempt = () =>
      deps.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO payout (batch_id, claim_id, regency_code, program, amount_rp, bank_code, bank_account,
             account_holder, status, updated_at)
           SELECT $1, id, regency_code, program, amount_rp, bank_code, bank_account, account_holder, 'pending', now()
           FROM claim WHERE id = $2`,
          [batchId, claim.id],
        );
        // Hold the transaction open so the other attempt overlaps it (PostgreSQL).
        await tx.query('SELECT pg_sleep(0.2)');
      });
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'DUPLICATE', params: { detail: 'payout_one_live_per_claim' } });
    expect(await livePayouts(claim.id)).toBe(1);
  });
});
