import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addBudgetAllocation } from '../../src/services/add-budget-allocation.ts';
import type { Clock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { createAgreement } from '../../src/services/create-agreement.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { renewBudgetYear } from '../../src/services/renew-budget-year.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { setEnrolmentPolicy } from '../../src/services/set-enrolment-policy.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { nikFor, toCsv, validWorkers } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const DUARATO = '53.04.01.2004';
/** A village whose budget the district never recorded. */
const UNFUNDED = '53.04.01.2005';
const M = 16_800; // Rp per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)

const signatories = [
  { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' as const },
  {
    name: 'Kepala Kantor Cabang',
    position: 'Kepala Kantor Cabang',
    office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
    party: 'branch' as const,
  },
];

/** A clock the test moves (WITA 10:00 on the given day). */
function movableClock() {
  let now = '2022-11-28T02:00:00.000Z';
  const clock: Clock & { set(day: string): void } = {
    now: () => now,
    set(day: string) {
      now = `${day}T02:00:00.000Z`;
    },
  };
  return clock;
}

describe('the budget year: renewal, year end, billing only under an allocation in force', () => {
  let t: TestDb;
  let deps: Deps;
  let dinas: Actor;
  let branch: Actor;
  const clock = movableClock();
  const allocations: Record<string, number> = {};

  const enrol = async (village: string, n: number, serial: number, day: string, old = false) => {
    const actor = consoleActor();
    const rows = validWorkers(n, serial);
    if (old) {
      // 64 at enrolment in December 2022, 66 on 1 January 2024: left out at the renewal.
      rows[0] = { ...rows[0]!, birthDate: '1957-12-15', sex: 'L' };
      rows[0].nik = nikFor({ birthDate: '1957-12-15', sex: 'L', serial });
    }
    clock.set(day);
    const up = await uploadEnrolment(deps, actor, {
      villageCode: village,
      fileName: `${village}.csv`,
      bytes: toCsv(rows),
      fundingSource: 'APBDES',
    });
    expect(up.upload.valid).toBe(n);
    await submitEnrolmentBatch(deps, actor, up.batch.id);
    await verifyEnrolmentBatch(deps, actor, up.batch.id, { acknowledgeWarnings: true });
    return activateEnrolmentBatch(deps, actor, up.batch.id);
  };
  const invoiced = (r: Awaited<ReturnType<typeof runBilling>>) =>
    Object.fromEntries(r.invoices.map((i) => [i.payerName, i.totalRp]));
  const count = async (village: string, status: string, asOf: string) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT coalesce(sum(delta), 0)::int AS n FROM participant_count_delta
         WHERE region_code = $1 AND status = $2 AND effective_date <= $3`,
        [village, status, asOf],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    t = await freshDb();
    await prepareDatabase(t.db, { provinces: ['53'] });
    deps = { db: t.db, clock };
    dinas = await demoActor(deps, 'dinas.belu');
    branch = await demoActor(deps, 'cabang.atambua');
    // Small batches; the age limit is the default 65.
    await setEnrolmentPolicy(deps, dinas, '53.04', {
      ageMinYears: 17,
      ageMaxYears: 65,
      villageWorkersMin: 1,
      villageWorkersMax: null,
    });
    const agreement = async (year: number) =>
      (
        await createAgreement(deps, dinas, {
          number: `PKS/BELU/${year}`,
          title: `Perlindungan pekerja rentan ${year}`,
          regencyCode: '53.04',
          signedOn: `${year - 1}-11-28`,
          validFrom: `${year}-01-01`,
          validTo: `${year}-12-31`,
          signatories,
          legalBasis: ['Inpres 2/2021'],
        })
      ).agreement.id;
    const allocate = async (
      id: number,
      year: number,
      village: string,
      workers: number,
      quota: number | null,
    ) => {
      const a = await addBudgetAllocation(deps, dinas, id, {
        fundingSource: 'APBDES',
        fiscalYear: year,
        amountRp: workers * M * 12,
        quotaWorkers: quota,
        villageCode: village,
      });
      allocations[`${village}:${year}`] = a.allocation.id;
    };
    const y2023 = await agreement(2023);
    await allocate(y2023, 2023, KEWAR, 4, 4);
    await allocate(y2023, 2023, FULUR, 3, 3);
    await allocate(y2023, 2023, DUARATO, 2, 2);
    const y2024 = await agreement(2024);
    await allocate(y2024, 2024, KEWAR, 3, 2); // quota 2: one of three eligible is over it
    await allocate(y2024, 2024, FULUR, 3, 3); // in force, but FULUR is never renewed
    await allocate(y2024, 2024, DUARATO, 1, null); // pagu for one worker's year
    await enrol(KEWAR, 4, 1, '2022-12-10', true);
    await enrol(FULUR, 3, 101, '2022-12-11');
    await enrol(DUARATO, 2, 201, '2022-12-12');
    await enrol(UNFUNDED, 2, 301, '2023-01-05');
  });
  afterAll(async () => t.drop());

  it('a membership belongs to its payer’s first allocation from the activation year on', async () => {
    const r = await t.db.query<{
      region_code: string;
      fiscal_year: number;
      allocation_id: number | null;
      n: number;
    }>(
      `SELECT pa.region_code, my.fiscal_year, my.allocation_id, count(*)::int AS n
       FROM membership_year my JOIN participant pa ON pa.id = my.participant_id
       GROUP BY 1, 2, 3 ORDER BY 1`,
    );
    expect(r.rows).toEqual([
      { region_code: KEWAR, fiscal_year: 2023, allocation_id: allocations[`${KEWAR}:2023`], n: 4 },
      { region_code: FULUR, fiscal_year: 2023, allocation_id: allocations[`${FULUR}:2023`], n: 3 },
      { region_code: DUARATO, fiscal_year: 2023, allocation_id: allocations[`${DUARATO}:2023`], n: 2 },
      { region_code: UNFUNDED, fiscal_year: 2023, allocation_id: null, n: 2 },
    ]);
  });

  it('a payer without an allocation in force for the month is not billed, and the run says so', async () => {
    clock.set('2023-02-01');
    const r = await runBilling(deps, branch, { regencyCode: '53.04', period: '2023-01' });
    expect(r.participants).toBe(9);
    expect(r.totalRp).toBe(9 * M);
    expect(Object.values(invoiced(r)).sort()).toEqual([2 * M, 3 * M, 4 * M]);
    expect(r.notBilled).toEqual([
      {
        payerId: expect.any(Number),
        payerName: expect.stringMatching(/^Pemerintah Desa /),
        payerKind: 'village',
        period: '2023-01',
        participants: 2,
        reason: 'NO_ALLOCATION',
      },
    ]);
  });

  it('previews, then renews a village’s cohort: aged out and over quota are left out and listed', async () => {
    clock.set('2023-12-15');
    const input = { regencyCode: '53.04', villageCode: KEWAR, fromYear: 2023, confirm: false };
    const preview = await renewBudgetYear(deps, dinas, input);
    expect(preview.renewal).toBeNull();
    expect(preview.totals).toEqual({
      renewed: 2,
      agedOut: 1,
      ended: 0,
      overQuota: 1,
      overBudget: 0,
      noAllocation: 0,
    });
    expect(await t.db.query('SELECT 1 FROM membership_year WHERE fiscal_year = 2024')).toMatchObject({
      rowCount: 0,
    });
    const done = await renewBudgetYear(deps, dinas, { ...input, confirm: true });
    expect(done.renewal).toMatchObject({ renewed: 2, leftOut: 2 });
    expect(done.leftOut.map((l) => l.reason).sort()).toEqual(['aged_out', 'over_quota']);
    // The district officer sees names masked.
    expect(done.leftOut[0]!.fullName).toMatch(/\*/);
    expect(done.membershipsEnded).toBe(0); // renewed before the year ended: cover runs to 31 December
    const again = await renewBudgetYear(deps, dinas, { ...input, confirm: false });
    expect(again.totals.renewed).toBe(0);
  });

  it('refuses a village operator and answers 404 for another regency or its village', async () => {
    const op = await demoActor(deps, 'desa.kewar');
    const input = { regencyCode: '53.04', fromYear: 2023, confirm: true };
    await expect(renewBudgetYear(deps, op, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renewBudgetYear(deps, dinas, { ...input, regencyCode: '53.05' })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    await expect(
      renewBudgetYear(deps, dinas, { ...input, villageCode: '53.05.01.2001' }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
  });

  it('December is still billed to every 2023 member', async () => {
    clock.set('2023-12-20');
    const r = await runBilling(deps, branch, { regencyCode: '53.04', period: '2023-12' });
    expect(r.participants).toBe(9);
    expect(r.membershipsEnded).toBe(0);
  });

  it('renewed after the year ended: over the pagu is left out, and every 2023 member not renewed ends', async () => {
    clock.set('2024-01-03');
    const r = await renewBudgetYear(deps, dinas, {
      regencyCode: '53.04',
      villageCode: DUARATO,
      fromYear: 2023,
      confirm: true,
    });
    expect(r.totals).toEqual({
      renewed: 1,
      agedOut: 0,
      ended: 0,
      overQuota: 0,
      overBudget: 1,
      noAllocation: 0,
    });
    // FULUR 3 (never renewed), KEWAR 2 and DUARATO 1 left out, the unfunded village's 2.
    expect(r.membershipsEnded).toBe(8);
    const ended = await t.db.query<{ status: string; status_since: string; reason: string }>(
      `SELECT pa.status, pa.status_since::text, s.reason FROM participant pa
       JOIN participant_status s ON s.participant_id = pa.id AND s.status = 'ended'
       WHERE pa.region_code = $1`,
      [FULUR],
    );
    expect(ended.rows).toHaveLength(3);
    for (const row of ended.rows) {
      expect(row).toMatchObject({ status: 'ended', status_since: '2024-01-01' });
      expect(row.reason).toMatch(/^left the programme: budget year 2023 ended without renewal/);
    }
    // Like every end, one applied exit per membership ended (0017), left the programme on 1 January.
    const exits = await t.db.query<{ region_before: string; n: number }>(
      `SELECT region_before, count(*)::int AS n FROM membership_change
       WHERE kind = 'exit' AND reason = 'left_programme' AND state = 'applied' AND effective_date = '2024-01-01'
         AND status_before = 'active' AND status_after = 'ended' AND region_after = region_before
         AND note LIKE 'left the programme: budget year 2023 ended without renewal%'
       GROUP BY 1 ORDER BY 1`,
    );
    expect(exits.rows).toEqual([
      { region_before: KEWAR, n: 2 },
      { region_before: FULUR, n: 3 },
      { region_before: DUARATO, n: 1 },
      { region_before: UNFUNDED, n: 2 },
    ]);
    expect(await t.db.query('SELECT 1 FROM membership_change')).toMatchObject({ rowCount: 8 });
    expect(await count(FULUR, 'active', '2023-12-31')).toBe(3);
    expect(await count(FULUR, 'active', '2024-01-01')).toBe(0);
    expect(await count(FULUR, 'ended', '2024-01-01')).toBe(3);
    expect(await count(KEWAR, 'active', '2024-01-01')).toBe(2);
  });

  it('2024 bills the renewed under their 2024 allocation and nobody else', async () => {
    clock.set('2024-02-01');
    const r = await runBilling(deps, branch, { regencyCode: '53.04', period: '2024-01' });
    expect(r.participants).toBe(3);
    expect(r.totalRp).toBe(3 * M);
    expect(Object.values(invoiced(r)).sort()).toEqual([M, 2 * M]);
    expect(r.notBilled).toEqual([]);
    const years = await t.db.query<{ region_code: string; allocation_id: number; n: number }>(
      `SELECT pa.region_code, my.allocation_id, count(*)::int AS n
       FROM membership_year my JOIN participant pa ON pa.id = my.participant_id
       JOIN invoice_line l ON l.participant_id = pa.id AND l.period = '2024-01' AND l.program = 'JKM'
       WHERE my.fiscal_year = 2024 GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(years.rows).toEqual([
      { region_code: KEWAR, allocation_id: allocations[`${KEWAR}:2024`], n: 2 },
      { region_code: DUARATO, allocation_id: allocations[`${DUARATO}:2024`], n: 1 },
    ]);
  });

  it('a late renewal brings back members whose year had expired', async () => {
    clock.set('2024-02-05');
    const r = await renewBudgetYear(deps, dinas, {
      regencyCode: '53.04',
      villageCode: FULUR,
      fromYear: 2023,
      confirm: true,
    });
    expect(r.totals.renewed).toBe(3);
    expect(r.reinstated).toBe(3);
    expect(await count(FULUR, 'active', '2024-01-01')).toBe(3);
    expect(await count(FULUR, 'ended', '2024-01-01')).toBe(0);
    const rerun = await runBilling(deps, branch, { regencyCode: '53.04', period: '2024-01' });
    expect(rerun.kind).toBe('adjustment');
    expect(rerun.totalRp).toBe(3 * M);
  });
});
