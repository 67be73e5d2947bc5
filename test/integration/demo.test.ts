import { appendFileSync } from 'node:fs';
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
import { listClosedPeriods } from '../../src/services/close-period.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { FIGURES } from '../../src/services/demo/index.ts';
import { periodsBetween } from '../../src/services/demo/years.ts';
import { listMembershipConflicts } from '../../src/services/list-membership-conflicts.ts';
import { loadDemo } from '../../src/services/load-demo.ts';
import { approvePayoutBatch, createPayoutBatch, importBankResult } from '../../src/services/payouts/index.ts';
import { branchReport } from '../../src/services/reports/index.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { sendPayoutBatch } from '../support/pay-claims.ts';

// The Belu demo is big (64,000 participants, 48 billing months): one load shared by the tests.
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
    // DEMO_PROGRESS_LOG=file: the loader's progress lines (phase and month times) go there.
    const log = process.env.DEMO_PROGRESS_LOG;
    const progress = log
      ? (m: string) => appendFileSync(log, `${new Date().toISOString()} ${m}\n`)
      : undefined;
    const r = await loadDemo(deps, consoleActor(), progress, { belu: true });
    expect(r.belu?.loaded).toBe(true);
  }, 5_400_000);
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
       FROM claim c WHERE c.status = 'paid' AND c.event_date <= $1::date GROUP BY c.program ORDER BY c.program`,
      [AS_OF],
    );
    expect(r.rows).toEqual([
      { program: 'JHT', claims: 1_379, billed_in_month: 1_379, billed_after: 0 },
      { program: 'JKM', claims: 156, billed_in_month: 156, billed_after: 0 },
      { program: 'JP', claims: 10, billed_in_month: 10, billed_after: 0 },
    ]);
    const ended = await deps.db.query<{ reason: string; n: number }>(
      `SELECT reason, count(*)::int AS n FROM membership_change
       WHERE state = 'applied' AND effective_date <= $1::date GROUP BY reason ORDER BY reason`,
      [AS_OF],
    );
    expect(ended.rows).toEqual([
      { reason: 'death', n: 166 },
      { reason: 'retirement_age', n: 1_379 },
    ]);
  });

  // The monthly billing runs' invoices; the construction projects' premium invoices (0024), issued
  // from September 2022 and paid on registration, are checked apart below.
  it('January–April invoices are paid; May employer invoices are still open on 22 May 2023', async () => {
    const r = await deps.db.query<{ period: string; open: number; invoices: number }>(
      `SELECT i.period, count(*)::int AS invoices,
              count(*) FILTER (WHERE i.total_rp > coalesce((
                SELECT sum(x.amount_rp) FROM payment_allocation x JOIN payment m ON m.id = x.payment_id
                WHERE x.invoice_id = i.id AND m.received_on <= $1::date), 0))::int AS open
       FROM invoice i WHERE i.regency_code = '53.04' AND i.period <= '2023-05' AND i.project_id IS NULL
       GROUP BY i.period ORDER BY i.period`,
      [AS_OF],
    );
    expect(r.rows.map((x) => x.period)).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05']);
    for (const x of r.rows.slice(0, 4)) expect(x.open, x.period).toBe(0);
    const employers = await deps.db.query<{ n: number }>(
      `SELECT count(DISTINCT i.payer_id)::int AS n FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.period = '2023-05' AND p.kind = 'employer' AND i.project_id IS NULL`,
    );
    expect(r.rows[4]!.open).toBe(employers.rows[0]!.n);
    const late = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM payment WHERE received_on > $1::date AND received_on < '2023-06-01'`,
      [AS_OF],
    );
    expect(late.rows[0]!.n).toBe(0);
  });

  it('each of the 150 construction projects has its premium invoiced and paid on registration (issue 13)', async () => {
    const r = await deps.db.query<{ projects: number; invoiced: number; open: number }>(
      `SELECT count(*)::int AS projects,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.project_id = cp.id
                                             AND i.total_rp = cp.premium_rp))::int AS invoiced,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM invoice i WHERE i.project_id = cp.id AND i.total_rp > coalesce((
                  SELECT sum(x.amount_rp) FROM payment_allocation x JOIN payment m ON m.id = x.payment_id
                  WHERE x.invoice_id = i.id AND m.received_on <= cp.start_date), 0)))::int AS open
       FROM construction_project cp`,
    );
    expect(r.rows[0]).toEqual({ projects: 150, invoiced: 150, open: 0 });
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
       WHERE e.action = 'approve' AND e.actor <> c.filed_by AND c.event_date <= $1::date`,
      [AS_OF],
    );
    expect(decided.rows[0]!.n).toBe(1_545);
  });

  it('the years after: billed every month to December 2026, closed by the supervisor through November 2026', async () => {
    const runs = await deps.db.query<{ period: string }>(
      `SELECT period FROM billing_run WHERE regency_code = '53.04' ORDER BY period`,
    );
    expect(runs.rows.map((x) => x.period)).toEqual(periodsBetween('2023-01', '2026-12'));
    const closes = await deps.db.query<{ period: string; by: string; on: string }>(
      `SELECT period, closed_by AS by, to_char(closed_at AT TIME ZONE 'Asia/Makassar', 'YYYY-MM-DD') AS on
       FROM period_close WHERE regency_code = '53.04' ORDER BY period`,
    );
    // One act a month from May 2023 (the window's last), each once the next month's payments are in.
    expect(closes.rows.map((x) => x.period)).toEqual(periodsBetween('2023-05', '2026-11'));
    expect(new Set(closes.rows.map((x) => x.by))).toEqual(new Set(['supervisor.atambua']));
    for (const c of closes.rows) expect(c.on > `${c.period}-31`, c.period).toBe(true);
    const listed = await listClosedPeriods(deps, await demoActor(deps, 'cabang.atambua'), '53.04');
    expect(listed.closedThrough).toBe('2026-11');
    // Nothing is dated after the demo's last day, 5 December 2026 (today is the 6th).
    const late = await deps.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM payment WHERE received_on > '2026-12-05')
            + (SELECT count(*) FROM claim WHERE event_date > '2026-12-05')
            + (SELECT count(*) FROM participant_status WHERE effective_date > '2026-12-05') AS n`,
    );
    expect(Number(late.rows[0]!.n)).toBe(0);
  });

  it('each December renews the cohort into the next PKS; the left-out lists name the workers who turned 66', async () => {
    const renewals = await deps.db.query<{
      id: number;
      from_year: number;
      renewed: number;
      left_out: number;
    }>(
      `SELECT id, from_year, renewed, left_out FROM budget_renewal
       WHERE regency_code = '53.04' AND village_code IS NULL ORDER BY from_year`,
    );
    expect(renewals.rows.map((r) => r.from_year)).toEqual([2023, 2024, 2025]);
    for (const rn of renewals.rows) {
      const y = rn.from_year;
      // Permendagri/policy: enrolled up to 65; older than 65 on 1 January of the new year → left out.
      const aged = await deps.db.query<{ id: number }>(
        `SELECT participant_id AS id FROM budget_renewal_left_out WHERE renewal_id = $1 AND reason = 'aged_out'
         ORDER BY 1`,
        [rn.id],
      );
      const expected = await deps.db.query<{ id: number; born: string }>(
        `SELECT my.participant_id AS id, to_char(pe.birth_date, 'YYYY-MM-DD') AS born
         FROM membership_year my JOIN participant pa ON pa.id = my.participant_id
         JOIN person pe ON pe.id = pa.person_id
         WHERE my.regency_code = '53.04' AND my.fiscal_year = $1
           AND (pe.birth_date + interval '66 years')::date <= make_date($1 + 1, 1, 1)
           AND NOT EXISTS (SELECT 1 FROM budget_renewal_left_out l
                           WHERE l.renewal_id = $2 AND l.participant_id = my.participant_id AND l.reason = 'ended')
         ORDER BY 1`,
        [y, rn.id],
      );
      expect(aged.rows.length, `renewal ${y}`).toBeGreaterThan(0);
      expect(aged.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
      for (const r of expected.rows)
        expect(r.born >= '1957-01-01' && r.born <= '1960-12-31', r.born).toBe(true);
      // Their cover ended with the year: not in the next year, ended on 1 January, never billed again.
      const after = await deps.db.query<{ n: number; billed: number; ended: number }>(
        `SELECT count(*)::int AS n,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
                                               WHERE l.participant_id = a.id AND i.period >= $2))::int AS billed,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM participant_status s WHERE s.participant_id = a.id
                                               AND s.status = 'ended' AND s.effective_date = $3::date))::int AS ended
         FROM unnest($1::bigint[]) AS a (id)`,
        [aged.rows.map((r) => r.id), `${y + 1}-01`, `${y + 1}-01-01`],
      );
      expect(after.rows[0]).toEqual({ n: aged.rows.length, billed: 0, ended: aged.rows.length });
      // The year-end ends are membership changes too: one applied exit each, left the programme.
      const exits = await deps.db.query<{ id: number }>(
        `SELECT participant_id AS id FROM membership_change
         WHERE state = 'applied' AND kind = 'exit' AND reason = 'left_programme' AND verified_by IS NULL
           AND effective_date = $1::date ORDER BY 1`,
        [`${y + 1}-01-01`],
      );
      expect(exits.rows.map((r) => r.id)).toEqual(aged.rows.map((r) => r.id));
    }
  });

  it('the dead and the retired of every year are billed for their month, never after; exits and moves applied', async () => {
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
       FROM claim c WHERE c.status = 'paid' AND c.event_date > $1::date GROUP BY c.program ORDER BY c.program`,
      [AS_OF],
    );
    // June 2023 – November 2026: 42 months, two deaths every third month from June, two
    // retirements every third month from July (14 each).
    expect(r.rows).toEqual([
      { program: 'JHT', claims: 28, billed_in_month: 28, billed_after: 0 },
      { program: 'JKM', claims: 28, billed_in_month: 28, billed_after: 0 },
    ]);
    const changes = await deps.db.query<{ kind: string; n: number; billed_after: number }>(
      `SELECT m.kind, count(*)::int AS n,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN payer p ON p.id = i.payer_id
                WHERE l.participant_id = m.participant_id AND i.period > to_char(m.effective_date, 'YYYY-MM')
                  AND (m.kind = 'exit' OR p.region_code = m.region_before)))::int AS billed_after
       FROM membership_change m WHERE m.state = 'applied' AND m.reason NOT IN ('death', 'retirement_age')
         AND m.verified_by IS NOT NULL
       GROUP BY m.kind ORDER BY m.kind`,
    );
    // Proposed by the village, verified by the district, applied by the branch (the year-end ends are
    // checked with the renewals): an exit is never billed again; a moved worker is billed to the
    // receiving desa, not the old one.
    expect(changes.rows).toEqual([
      { kind: 'exit', n: 10, billed_after: 0 },
      { kind: 'move', n: 10, billed_after: 0 },
    ]);
  });

  it('the ledger balances: every entry sums to zero, and the receivable is what the invoices still owe', async () => {
    const unbalanced = await deps.db.query(
      'SELECT entry_id FROM ledger_line GROUP BY entry_id HAVING sum(amount_rp) <> 0 LIMIT 5',
    );
    expect(unbalanced.rows).toEqual([]);
    const r = await deps.db.query<{ receivable: string; owed: string }>(
      `SELECT (SELECT coalesce(sum(amount_rp), 0) FROM ledger_line WHERE account = 'receivable')::bigint AS receivable,
              ((SELECT coalesce(sum(total_rp), 0) FROM invoice)
               - (SELECT coalesce(sum(amount_rp), 0) FROM payment_allocation))::bigint AS owed`,
    );
    expect(Number(r.rows[0]!.receivable)).toBe(Number(r.rows[0]!.owed));
  });

  it('the branch report shows the published figures; a later death changes no closed month, the open one by exactly that claim', async () => {
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
      nonAsn: before.nonAsn.active,
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
      // Pemkab Belu's Non-ASN workers, shown apart and still inside the formal 10,737.
      nonAsn: FIGURES.nonAsnWorkers,
    });

    // The window's months are closed (through November 2026). One more death of a village
    // worker, on 20 October 2026 (a closed month), filed on 2 December and paid on the 4th: the
    // closed months' reports reproduce, the open month's changes by exactly that claim.
    const october = { regencyCode: '53.04', from: '2026-10-01', to: '2026-10-31' };
    const december = { regencyCode: '53.04', from: '2026-12-01', to: '2026-12-05' };
    const octBefore = await branchReport(deps, dinas, october);
    const decBefore = await branchReport(deps, dinas, december);
    const clock = fixedClock('2026-12-02T01:00:00.000Z');
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
      eventDate: '2026-10-20',
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
    const row = (await sendPayoutBatch(d, officer, batch.id)).body
      .toString('utf8')
      .split('\r\n')[1]!
      .split(',');
    clock.advance(2 * 86_400_000);
    await importBankResult(d, officer, batch.id, {
      fileName: 'hasil-bank.csv',
      bytes: Buffer.from(
        `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${batch.number},${row[1]},PAID,2026-12-04,TRX-X,${row[5]}\r\n`,
      ),
    });

    expect(batch.totalRp).toBe(42_000_000);
    expect(await branchReport(deps, dinas, period)).toEqual(before);
    expect(await branchReport(deps, dinas, october)).toEqual(octBefore);
    const after = await branchReport(deps, dinas, december);
    expect(after.claims.JKM).toEqual({
      count: decBefore.claims.JKM.count + 1,
      amountRp: decBefore.claims.JKM.amountRp + 42_000_000,
    });
    expect(after.claimsTotal).toEqual({
      count: decBefore.claimsTotal.count + 1,
      amountRp: decBefore.claimsTotal.amountRp + 42_000_000,
    });
    // The death ends the membership from the first open day (1 December): one fewer active on the 5th.
    const b = decBefore.activeParticipants;
    expect({ ...after, claims: { ...after.claims, JKM: decBefore.claims.JKM } }).toMatchObject({
      claims: decBefore.claims,
      activeParticipants: { ...b, informal: b.informal - 1, total: b.total - 1 },
      villageWorkers: decBefore.villageWorkers - 1,
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
