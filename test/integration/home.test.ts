import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../src/services/console-actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';

// GET /api/v1/home (issue 15 point 4): each role's to-dos, counted exactly, in the caller's scope
// only, and equal to the totals of the lists the home page links to.

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';

describe('HTTP: the home page to-dos per role', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let c: Record<string, string>;
  const get = async (who: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
    expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    const { deps } = p;
    const console = consoleActor();
    // Kewar and Fulur each have active members billed for November: one open invoice each.
    await enrolActive(deps, KEWAR, 10);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    await runBilling(deps, console, { regencyCode: '53.04', period: '2026-11' });
    // Kewar has a draft batch still to submit; Fulur's batch waits for the district.
    const upload = (villageCode: string, serialStart: number) =>
      uploadEnrolment(deps, console, {
        villageCode,
        fileName: `${villageCode}-${serialStart}.csv`,
        bytes: toCsv(validWorkers(10, serialStart)),
        fundingSource: 'APBDES',
      });
    await upload(KEWAR, 200);
    const fulur = await upload(FULUR, 300);
    await submitEnrolmentBatch(deps, console, fulur.batch.id);
    // A Kewar claim with its documents pending and past its SLA; a Fulur claim awaiting the
    // checker, still within its SLA (TEST_NOW is 2026-11-24).
    const [kewarMember] = await participantsOf(deps.db, KEWAR);
    const [fulurMember] = await participantsOf(deps.db, FULUR);
    const late = await insertApprovedClaim(deps.db, kewarMember!, { amountRp: 42_000_000 });
    const onTime = await insertApprovedClaim(deps.db, fulurMember!, { amountRp: 42_000_000 });
    const setClaim = (id: number, status: string, due: string) =>
      deps.db.query(
        `UPDATE claim SET status = $2, amount_rp = NULL, documents_complete_at = timestamptz '2026-11-01T02:00:00Z',
           sla_due_at = $3::timestamptz WHERE id = $1`,
        [id, status, due],
      );
    await setClaim(late.id, 'filed', '2026-11-15T02:00:00Z');
    await setClaim(onTime.id, 'submitted', '2026-12-15T02:00:00Z');
    app = await demoServer(deps);
    c = await loginAll(app, ['desa.kewar', 'dinas.belu', 'cabang.atambua', 'supervisor.atambua', 'admin']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('a village operator sees only its own village: its draft batch and its one open invoice', async () => {
    expect(await get('desa.kewar', '/api/v1/home')).toEqual({
      enrolmentBatches: { draft: 1, submitted: 0, verified: 0, rejected: 0 },
      claims: null,
      invoices: { open: 1 },
      payoutBatches: null,
    });
  });

  it('the district sees the whole regency: the batch to verify and both open invoices', async () => {
    expect(await get('dinas.belu', '/api/v1/home')).toEqual({
      enrolmentBatches: { draft: 1, submitted: 1, verified: 0, rejected: 0 },
      claims: null,
      invoices: { open: 2 },
      payoutBatches: null,
    });
  });

  it('the branch sees claims by step and the one past its SLA', async () => {
    const expected = {
      enrolmentBatches: { draft: 1, submitted: 1, verified: 0, rejected: 0 },
      claims: { filed: 1, submitted: 1, overdue: 1 },
      invoices: { open: 2 },
      payoutBatches: { draft: 0, approved: 0 },
    };
    expect(await get('cabang.atambua', '/api/v1/home')).toEqual(expected);
    expect(await get('supervisor.atambua', '/api/v1/home')).toEqual({ ...expected, enrolmentBatches: null });
  });

  it('every figure equals the total of the list it links to', async () => {
    for (const who of ['desa.kewar', 'dinas.belu', 'cabang.atambua', 'admin']) {
      const home = await get(who, '/api/v1/home');
      expect((await get(who, '/api/v1/invoices?status=open')).total, who).toBe(home.invoices.open);
      const submitted = (await get(who, '/api/v1/enrolment/batches?status=submitted')).batches;
      expect(submitted.length, who).toBe(home.enrolmentBatches.submitted);
    }
    for (const [filter, key] of [
      ['overdue=true', 'overdue'],
      ['status=filed', 'filed'],
      ['status=submitted', 'submitted'],
    ] as const) {
      const home = await get('supervisor.atambua', '/api/v1/home');
      expect((await get('supervisor.atambua', `/api/v1/claims?${filter}`)).total, filter).toBe(
        home.claims[key],
      );
    }
  });
});
