import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addBudgetAllocation } from '../../src/services/add-budget-allocation.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { createAgreement } from '../../src/services/create-agreement.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';
import { yearAgreement } from '../support/year-agreement.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const M = 16_800; // Rp per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)

// Verification and billing against the agreement's budget: warnings, an acknowledgement, never a refusal.
describe('budget and quota at verification and billing', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let dinas: Actor;
  let branch: Actor;
  const c: Record<string, string> = {};
  const req = (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as string, headers: { cookie: c[who]! } });
  const submitted = async (village: string, n: number, serialStart: number) => {
    const up = await uploadEnrolment(deps, consoleActor(), {
      villageCode: village,
      fileName: `${village}-${serialStart}.csv`,
      bytes: toCsv(validWorkers(n, serialStart)),
      fundingSource: 'APBDES',
    });
    await submitEnrolmentBatch(deps, consoleActor(), up.batch.id);
    return up.batch.id;
  };
  const auditOf = async (batchId: number) =>
    (
      await deps.db.query<{ after: Record<string, unknown> }>(
        `SELECT after FROM audit_log WHERE action = 'enrolment.verify' AND entity_id = $1`,
        [String(batchId)],
      )
    ).rows;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    Object.assign(c, await loginAll(app, ['dinas.belu', 'cabang.atambua', 'desa.kewar', 'desa.fulur']));
    dinas = await demoActor(deps, 'dinas.belu');
    branch = await demoActor(deps, 'cabang.atambua');
    const { agreement } = await createAgreement(
      deps,
      dinas,
      yearAgreement({
        number: 'PKS/BELU-BPJSTK/009/2026',
        title: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan',
        year: 2026,
        signedOn: '2026-01-15',
      }),
    );
    // Kewar: 12 workers for November and December; Fulur: plenty.
    await addBudgetAllocation(deps, dinas, agreement.id, {
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 12 * M * 2,
      quotaWorkers: 12,
      villageCode: KEWAR,
    });
    await addBudgetAllocation(deps, dinas, agreement.id, {
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 100 * M * 12,
      quotaWorkers: 100,
      villageCode: FULUR,
    });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('within budget: no warnings, verified without acknowledgement; the billing run warns nobody', async () => {
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
    const fulur = await submitted(FULUR, 10, 100);
    const check = await req('dinas.belu', 'GET', `/api/v1/enrolment/batches/${fulur}/budget-check`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      fiscalYear: 2026,
      projectedFrom: '2026-11',
      budgetRecorded: true,
      payer: {
        payerName: 'Pemerintah Desa Fulur',
        allocatedRp: 100 * M * 12,
        quotaWorkers: 100,
        workersBefore: 0,
        workers: 10,
        committedBeforeRp: 0,
        committedRp: 10 * M * 2,
        batchRp: 10 * M * 2,
        remainingRp: 100 * M * 12 - 10 * M * 2,
      },
      warnings: [],
    });
    const v = await req('dinas.belu', 'POST', `/api/v1/enrolment/batches/${fulur}/verify`);
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ batch: { status: 'verified' }, warnings: [] });
    expect((await auditOf(fulur))[0]?.after).toMatchObject({ status: 'verified', budgetWarnings: [] });
    await activateEnrolmentBatch(deps, branch, fulur);
    const run = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    expect(run.invoices).toHaveLength(2);
    expect(run.warnings).toEqual([]);
  });

  it('a batch over the village’s APBDes allocation: warnings shown, unacknowledged verify refused and nothing written', async () => {
    const kewar = await submitted(KEWAR, 10, 300);
    const check = await req('dinas.belu', 'GET', `/api/v1/enrolment/batches/${kewar}/budget-check`);
    expect(check.statusCode).toBe(200);
    // November is billed: 10 workers invoiced + December projected; the batch adds 10 × December.
    expect(check.json()).toMatchObject({
      projectedFrom: '2026-12',
      payer: {
        payerName: 'Pemerintah Desa Kewar',
        allocatedRp: 403_200,
        quotaWorkers: 12,
        workersBefore: 10,
        workers: 20,
        committedBeforeRp: 336_000,
        committedRp: 504_000,
        batchRp: 168_000,
        remainingRp: -100_800,
      },
      warnings: [
        {
          payerName: 'Pemerintah Desa Kewar',
          reasons: ['OVER_BUDGET', 'OVER_QUOTA'],
          overRp: 100_800,
          workers: 20,
          quotaWorkers: 12,
        },
      ],
    });
    // The village operator may read its own batch's budget line; another village's operator may not.
    expect(
      (await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${kewar}/budget-check`)).statusCode,
    ).toBe(200);
    expect(
      (await req('desa.fulur', 'GET', `/api/v1/enrolment/batches/${kewar}/budget-check`)).statusCode,
    ).toBe(404);

    const refused = await req('dinas.belu', 'POST', `/api/v1/enrolment/batches/${kewar}/verify`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'BUDGET_WARNING_UNACKNOWLEDGED',
      details: { warnings: [{ payerName: 'Pemerintah Desa Kewar', reasons: ['OVER_BUDGET', 'OVER_QUOTA'] }] },
    });
    expect(refused.json().error.message).toContain('Pemerintah Desa Kewar');
    const notAck = await req('dinas.belu', 'POST', `/api/v1/enrolment/batches/${kewar}/verify`, {
      acknowledgeWarnings: false,
    });
    expect(notAck.json().error.code).toBe('BUDGET_WARNING_UNACKNOWLEDGED');
    const status = await deps.db.query<{ status: string; verified_at: string | null }>(
      `SELECT status, verified_at FROM enrolment_batch WHERE id = $1`,
      [kewar],
    );
    expect(status.rows).toEqual([{ status: 'submitted', verified_at: null }]);
    expect(await auditOf(kewar)).toEqual([]);
  });

  it('acknowledged: verified, the response and the audit row carry the warnings', async () => {
    const kewar = (
      await deps.db.query<{ id: number }>(
        `SELECT id FROM enrolment_batch WHERE village_code = $1 AND status = 'submitted'`,
        [KEWAR],
      )
    ).rows[0]!.id;
    const v = await req('dinas.belu', 'POST', `/api/v1/enrolment/batches/${kewar}/verify`, {
      acknowledgeWarnings: true,
    });
    expect(v.statusCode).toBe(200);
    expect(v.json().batch.status).toBe('verified');
    expect(
      v.json().warnings.map((w: { payerName: string; overRp: number }) => [w.payerName, w.overRp]),
    ).toEqual([['Pemerintah Desa Kewar', 100_800]]);
    const audit = await auditOf(kewar);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      status: 'verified',
      warningsAcknowledged: true,
      budgetWarnings: [{ payerName: 'Pemerintah Desa Kewar', reasons: ['OVER_BUDGET', 'OVER_QUOTA'] }],
    });
    await activateEnrolmentBatch(deps, branch, kewar);
    // The service refuses the same way for direct callers.
    const other = await submitted(KEWAR, 10, 500);
    await expect(verifyEnrolmentBatch(deps, dinas, other)).rejects.toMatchObject({
      code: 'BUDGET_WARNING_UNACKNOWLEDGED',
    });
    expect((await verifyEnrolmentBatch(deps, dinas, other, { acknowledgeWarnings: true })).batch.status).toBe(
      'verified',
    );
    await activateEnrolmentBatch(deps, branch, other);
  });

  it('a billing run over budget returns the warning (service and HTTP)', async () => {
    const run = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(run.runId).not.toBeNull();
    // Kewar after the December run: 30 workers (November billed for 10 of them so far).
    expect(run.warnings.map((w) => [w.payerName, w.reasons, w.workers])).toEqual([
      ['Pemerintah Desa Kewar', ['OVER_BUDGET', 'OVER_QUOTA'], 30],
    ]);
    const http = await req('cabang.atambua', 'POST', '/api/v1/billing/runs', {
      regencyCode: '53.04',
      period: '2026-11',
    });
    expect(http.statusCode).toBe(200);
    expect(http.json().kind).toBe('adjustment');
    expect(http.json().warnings).toEqual([
      expect.objectContaining({
        payerName: 'Pemerintah Desa Kewar',
        allocatedRp: 403_200,
        // November 10 + 20 adjustment, December 30; nothing left to project in 2026.
        committedRp: 60 * M,
        overRp: 60 * M - 403_200,
      }),
    ]);
  });

  it('no budget recorded for the year: no warnings at verification; billing bills no budget-funded payer and says so', async () => {
    // 2027 has no allocation: nothing is over a budget nobody recorded, and (issue 12) no
    // budget-funded payer is billed without an allocation in force for the month.
    const later = { db: deps.db, clock: { now: () => '2027-01-05T02:00:00.000Z' } } as Deps;
    const b = await submitted(FULUR, 10, 700);
    const v = await verifyEnrolmentBatch(later, dinas, b);
    expect(v).toMatchObject({ batch: { status: 'verified' }, warnings: [] });
    const run = await runBilling(later, branch, { regencyCode: '53.04', period: '2027-01' });
    expect(run.runId).toBeNull();
    expect(run.warnings).toEqual([]);
    // The 2026 members' year ended without renewal; the payers left hold no 2027 allocation.
    expect(run.membershipsEnded).toBeGreaterThan(0);
  });
});
