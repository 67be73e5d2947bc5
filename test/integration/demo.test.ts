import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import {
  addClaimDocument,
  decideClaim,
  fileClaim,
  requiredDocuments,
  submitClaim,
} from '../../src/services/claims/index.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { FIGURES } from '../../src/services/demo/index.ts';
import { listMembershipConflicts } from '../../src/services/list-membership-conflicts.ts';
import { loadDemo } from '../../src/services/load-demo.ts';
import {
  approvePayoutBatch,
  createPayoutBatch,
  exportPayoutBatch,
  importBankResult,
} from '../../src/services/payouts/index.ts';
import { branchReport } from '../../src/services/reports/index.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

// The Belu demo is big (64,000 participants, five billing months): one load shared by the tests.
const AS_OF = '2023-05-22';
const M = 16_800; // Rp per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)

/** Participants whose status on AS_OF (from their status history) is active, by segment. */
const ACTIVE = `
  SELECT pa.* FROM participant pa
  JOIN LATERAL (SELECT s.status FROM participant_status s
                WHERE s.participant_id = pa.id AND s.effective_date <= $1::date
                ORDER BY s.effective_date DESC, s.id DESC LIMIT 1) st ON st.status = 'active'
  WHERE pa.regency_code = '53.04'`;

describe('Belu 2023 demo', () => {
  let deps: Deps;
  let t: TestDb;
  const count = async (table: string) =>
    (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    const r = await loadDemo(deps, consoleActor(), undefined, { belu: true });
    expect(r.belu?.loaded).toBe(true);
  }, 900_000);
  afterAll(async () => t.drop());

  it('active participants on 22 May 2023: 10,737 formal, 37,583 informal, 15,819 construction', async () => {
    const r = await deps.db.query<{ segment: string; n: number }>(
      `SELECT segment, count(*)::int AS n FROM (${ACTIVE}) a GROUP BY segment ORDER BY segment`,
      [AS_OF],
    );
    expect(Object.fromEntries(r.rows.map((x) => [x.segment, x.n]))).toEqual({
      BPU: FIGURES.activeInformal,
      JAKON: FIGURES.activeConstruction,
      PU: FIGURES.activeFormal,
    });
    expect([FIGURES.activeFormal, FIGURES.activeInformal, FIGURES.activeConstruction]).toEqual([
      10_737, 37_583, 15_819,
    ]);
  });

  it('no person holds two active memberships of one programme: the review queue is empty (issue 12)', async () => {
    const q = await listMembershipConflicts(deps, consoleActor(), { limit: 10 });
    expect(q.persons).toEqual([]);
  });

  it('5,829 village workers enrolled by activated batches across the 69 desa, funded by APBDes or APBD', async () => {
    const r = await deps.db.query<{ n: number; villages: number; funding: string[]; batches: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT a.region_code)::int AS villages,
              array_agg(DISTINCT a.funding_source ORDER BY a.funding_source) AS funding,
              count(DISTINCT b.id)::int AS batches
       FROM (${ACTIVE}) a JOIN enrolment_batch b ON b.id = a.enrolment_batch_id AND b.status = 'activated'`,
      [AS_OF],
    );
    expect(r.rows[0]).toEqual({ n: 5_829, villages: 69, funding: ['APBD', 'APBDES'], batches: 69 });
    const desa = await deps.db.query<{ n: number }>(
      `SELECT count(DISTINCT a.region_code)::int AS n FROM (${ACTIVE}) a
       JOIN region v ON v.code = a.region_code AND v.level = 'village' AND substr(v.code, 10, 1) = '2'
       WHERE a.enrolment_batch_id IS NOT NULL`,
      [AS_OF],
    );
    expect(desa.rows[0]!.n).toBe(69);
  });

  it('Pemkab Belu employs its Non-ASN workers as PU participants', async () => {
    const r = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM employment m JOIN employer e ON e.id = m.employer_id
       WHERE e.name = 'Pemerintah Kabupaten Belu' AND e.is_government`,
    );
    expect(r.rows[0]!.n).toBe(FIGURES.nonAsnWorkers);
  });

  it('March 2023 billing: one invoice to the regency, one per APBDes village, each = workers × Rp16,800', async () => {
    const r = await deps.db.query<{ kind: string; payer: string; total: number; workers: number }>(
      `SELECT p.kind, p.region_code AS payer, i.total_rp::bigint AS total,
              (SELECT count(DISTINCT l.participant_id)::int FROM invoice_line l WHERE l.invoice_id = i.id) AS workers
       FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.regency_code = '53.04' AND i.period = '2023-03' AND p.kind IN ('regency', 'village')
       ORDER BY p.kind, p.region_code`,
    );
    const regency = r.rows.filter((x) => x.kind === 'regency');
    const villages = r.rows.filter((x) => x.kind === 'village');
    expect(regency).toHaveLength(1);
    expect(villages).toHaveLength(57);
    for (const x of r.rows) expect(Number(x.total)).toBe(x.workers * M);
    // Enrolled 5,829 + 156: the workers whose death was paid in January or February are not billed.
    const diedBeforeMarch = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM claim WHERE program = 'JKM' AND status = 'paid' AND event_date < '2023-03-01'`,
    );
    expect(diedBeforeMarch.rows[0]!.n).toBeGreaterThan(0);
    expect(r.rows.reduce((n, x) => n + x.workers, 0)).toBe(
      FIGURES.villageWorkers + FIGURES.claims.JKM - diedBeforeMarch.rows[0]!.n,
    );
    // Billed on 1 March: the APBD programme's workers active at the end of February.
    const programme = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${ACTIVE}) a
       WHERE a.enrolment_batch_id IS NOT NULL AND a.funding_source = 'APBD'`,
      ['2023-02-28'],
    );
    expect(regency[0]!.workers).toBe(programme.rows[0]!.n);
  });

  it('a paid death or full JHT ends the membership: billed for its month, never after (issue 12)', async () => {
    const r = await deps.db.query<{
      program: string;
      claims: number;
      billed_in_month: number;
      billed_after: number;
    }>(
      `SELECT c.program, count(*)::int AS claims,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.participant_id = c.participant_id AND i.period = to_char(c.event_date, 'YYYY-MM')))::int AS billed_in_month,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                WHERE l.participant_id = c.participant_id AND i.period > to_char(c.event_date, 'YYYY-MM')))::int AS billed_after
       FROM claim c WHERE c.status = 'paid' GROUP BY c.program ORDER BY c.program`,
    );
    expect(r.rows).toEqual([
      { program: 'JHT', claims: 1_379, billed_in_month: 1_379, billed_after: 0 },
      { program: 'JKM', claims: 156, billed_in_month: 156, billed_after: 0 },
      { program: 'JP', claims: 10, billed_in_month: 10, billed_after: 0 },
    ]);
    const ended = await deps.db.query<{ reason: string; n: number }>(
      `SELECT reason, count(*)::int AS n FROM membership_change WHERE state = 'applied' GROUP BY reason ORDER BY reason`,
    );
    expect(ended.rows).toEqual([
      { reason: 'death', n: 166 },
      { reason: 'retirement_age', n: 1_379 },
    ]);
  });

  it('January–April invoices are paid; May employer invoices are still open on 22 May 2023', async () => {
    const r = await deps.db.query<{ period: string; open: number; invoices: number }>(
      `SELECT i.period, count(*)::int AS invoices,
              count(*) FILTER (WHERE i.total_rp > coalesce((SELECT sum(x.amount_rp) FROM payment_allocation x
                                                            WHERE x.invoice_id = i.id), 0))::int AS open
       FROM invoice i WHERE i.regency_code = '53.04' GROUP BY i.period ORDER BY i.period`,
    );
    expect(r.rows.map((x) => x.period)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05']);
    for (const x of r.rows.slice(0, 4)) expect(x.open, x.period).toBe(0);
    const employers = await deps.db.query<{ n: number }>(
      `SELECT count(DISTINCT i.payer_id)::int AS n FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.period = '2023-05' AND p.kind = 'employer'`,
    );
    expect(r.rows[4]!.open).toBe(employers.rows[0]!.n);
    const late = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payment WHERE received_on > $1::date`,
      [AS_OF],
    );
    expect(late.rows[0]!.n).toBe(0);
  });

  it('1,545 claims paid 1 January – 22 May 2023: 1,379 JHT, 156 JKM, 10 JP, Rp 28,700,000,000', async () => {
    const r = await deps.db.query<{ program: string; n: number; rp: string }>(
      `SELECT c.program, count(*)::int AS n, sum(p.amount_rp)::bigint AS rp
       FROM payout p JOIN claim c ON c.id = p.claim_id
       WHERE p.status = 'paid' AND p.paid_on BETWEEN '2023-01-01' AND $1::date AND c.status = 'paid'
       GROUP BY c.program ORDER BY c.program`,
      [AS_OF],
    );
    expect(Object.fromEntries(r.rows.map((x) => [x.program, x.n]))).toEqual({ JHT: 1_379, JKM: 156, JP: 10 });
    expect(r.rows.reduce((n, x) => n + Number(x.rp), 0)).toBe(28_700_000_000);
    expect(Number(r.rows.find((x) => x.program === 'JKM')!.rp)).toBe(156 * 42_000_000);
    const decided = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM claim_event e JOIN claim c ON c.id = e.claim_id
       WHERE e.action = 'approve' AND e.actor <> c.filed_by`,
    );
    expect(decided.rows[0]!.n).toBe(1_545);
  });

  it('the branch report shows the published figures; one more paid claim changes them by exactly that claim', async () => {
    const dinas = await demoActor(deps, 'dinas.belu');
    const period = { regencyCode: '53.04', from: '2023-01-01', to: AS_OF };
    const before = await branchReport(deps, dinas, period);
    expect({
      claims: before.claims,
      claimsTotal: before.claimsTotal,
      benefitsPaidRp: before.benefitsPaidRp,
      activeParticipants: before.activeParticipants,
      villageWorkers: before.villageWorkers,
      villagesWithWorkers: before.villagesWithWorkers,
    }).toEqual({
      claims: {
        JHT: { count: 1_379, amountRp: expect.any(Number) },
        JKM: { count: 156, amountRp: 6_552_000_000 },
        JKK: { count: 0, amountRp: 0 },
        JP: { count: 10, amountRp: expect.any(Number) },
        JKP: { count: 0, amountRp: 0 },
      },
      claimsTotal: { count: 1_545, amountRp: 28_700_000_000 },
      benefitsPaidRp: 28_700_000_000,
      activeParticipants: { formal: 10_737, informal: 37_583, construction: 15_819, total: 64_139 },
      villageWorkers: 5_829,
      villagesWithWorkers: 69,
    });

    // One more death of a village worker, filed, decided, batched and reconciled paid on 21 May.
    const clock = fixedClock('2023-05-15T01:00:00.000Z');
    const d = { ...deps, clock };
    const officer = await demoActor(deps, 'cabang.atambua');
    const supervisor = await demoActor(deps, 'supervisor.atambua');
    const who = (
      await deps.db.query<{ kpj: string }>(
        `SELECT pa.kpj FROM participant pa WHERE pa.enrolment_batch_id IS NOT NULL AND pa.status = 'active'
           AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.participant_id = pa.id) ORDER BY pa.id LIMIT 1`,
      )
    ).rows[0]!;
    const filed = await fileClaim(d, officer, {
      kpj: who.kpj,
      program: 'JKM',
      kind: 'kematian',
      eventDate: '2023-05-12',
      eventDetail: { cause: 'sakit' },
      claimant: { relation: 'pasangan', name: 'Maria Bere', nik: '5304015505800001' },
      bank: { code: '130', account: '0123456789', holder: 'Maria Bere' },
    });
    expect(filed.status).toBe('filed');
    for (const docType of requiredDocuments('JKM', 'kematian'))
      await addClaimDocument(d, officer, filed.id, {
        docType,
        fileName: `${docType}.pdf`,
        bytes: Buffer.from(`%PDF-1.4\n% ${docType}\n%%EOF\n`),
      });
    await submitClaim(d, officer, filed.id);
    await decideClaim(d, supervisor, filed.id, { approve: true });
    const batch = await createPayoutBatch(d, officer, { regencyCode: '53.04', claimIds: [filed.id] });
    await approvePayoutBatch(d, supervisor, batch.id, { declaredCount: 1, declaredTotalRp: batch.totalRp });
    const row = (await exportPayoutBatch(d, officer, batch.id)).body
      .toString('utf8')
      .split('\r\n')[1]!
      .split(',');
    clock.advance(6 * 86_400_000);
    await importBankResult(d, officer, batch.id, {
      fileName: 'hasil-bank.csv',
      bytes: Buffer.from(
        `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${batch.number},${row[1]},PAID,2023-05-21,TRX-X,${row[5]}\r\n`,
      ),
    });

    const after = await branchReport(deps, dinas, period);
    expect(batch.totalRp).toBe(42_000_000);
    expect(after.claims.JKM).toEqual({ count: 157, amountRp: 6_552_000_000 + 42_000_000 });
    expect(after.claimsTotal).toEqual({ count: 1_546, amountRp: 28_742_000_000 });
    expect(after.benefitsPaidRp).toBe(28_742_000_000);
    // The death (12 May) ends the worker's membership: one fewer active on 22 May.
    const b = before.activeParticipants;
    expect({ ...after, claims: { ...after.claims, JKM: before.claims.JKM } }).toMatchObject({
      claims: before.claims,
      activeParticipants: { ...b, informal: b.informal - 1, total: b.total - 1 },
      villageWorkers: before.villageWorkers - 1,
    });
  });

  it('a second run changes nothing', async () => {
    const tables = [
      'participant',
      'person',
      'invoice',
      'invoice_line',
      'payment',
      'enrolment_batch',
      'claim',
      'payout',
      'audit_log',
    ];
    const before = await Promise.all(tables.map(count));
    const again = await loadDemo(deps, consoleActor(), undefined, { belu: true });
    expect(again.usersCreated).toBe(0);
    expect(again.belu?.loaded).toBe(false);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
