import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addBudgetAllocation } from '../../src/services/add-budget-allocation.ts';
import { arrearsAgeing } from '../../src/services/arrears.ts';
import { budgetUse, budgetWarnings } from '../../src/services/budget-use.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { createAgreement } from '../../src/services/create-agreement.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { renewBudgetYear } from '../../src/services/renew-budget-year.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const DUARATO = '53.04.01.2004';
const M = 16_800; // Rp per village worker per month: JKK 10,000 + JKM 6,800 (PP 44/2015, BPU minimum)

const AGREEMENT = {
  number: 'PKS/BELU-BPJSTK/001/2026',
  title: 'Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan Kabupaten Belu',
  regencyCode: '53.04',
  signedOn: '2026-01-15',
  validFrom: '2026-01-01',
  validTo: '2027-12-31',
  signatories: [
    {
      name: 'Bupati Belu',
      position: 'Bupati',
      office: 'Pemerintah Kabupaten Belu',
      party: 'regency' as const,
    },
    {
      name: 'Kepala Kantor Cabang',
      position: 'Kepala Kantor Cabang',
      office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
      party: 'branch' as const,
    },
  ],
  legalBasis: ['Perbup Belu 12/2025', 'Inpres 2/2021', 'Inpres 4/2022'],
};

describe('agreements, budget allocations, budget use and arrears ageing', () => {
  let deps: Deps;
  let t: TestDb;
  let dinas: Actor;
  let branch: Actor;
  let agreementId: number;
  const line = async (year: number, who: Actor = dinas) =>
    Object.fromEntries(
      (await budgetUse(deps, who, { regencyCode: '53.04', fiscalYear: year })).payers.map((p) => [
        p.payerName,
        [p.allocatedRp, p.workers, p.invoicedRp, p.projectedRp, p.committedRp, p.usedRp, p.remainingRp],
      ]),
    );

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    dinas = await demoActor(deps, 'dinas.belu');
    branch = await demoActor(deps, 'cabang.atambua');
  });
  afterAll(async () => t.drop());

  it('the district records the agreement; the branch office is derived; others are refused', async () => {
    const r = await createAgreement(deps, dinas, AGREEMENT);
    agreementId = r.agreement.id;
    expect(r.agreement).toMatchObject({
      officeCode: 'KC-ATAMBUA',
      regencyName: expect.stringMatching(/BELU/i),
    });
    expect(r.agreement.legalBasis).toEqual(['Perbup Belu 12/2025', 'Inpres 2/2021', 'Inpres 4/2022']);
    await expect(createAgreement(deps, dinas, AGREEMENT)).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(createAgreement(deps, branch, { ...AGREEMENT, number: 'X-1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      createAgreement(deps, dinas, { ...AGREEMENT, number: 'X-2', regencyCode: '53.05' }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    await expect(
      createAgreement(deps, dinas, { ...AGREEMENT, number: 'X-3', signatories: [AGREEMENT.signatories[0]!] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const audit = await deps.db.query(`SELECT 1 FROM audit_log WHERE action = 'agreement.create'`);
    expect(audit.rowCount).toBe(1);
  });

  it('allocations create the regency and village payers when missing; year and village are checked', async () => {
    const add = (a: Parameters<typeof addBudgetAllocation>[3]) =>
      addBudgetAllocation(deps, dinas, agreementId, a);
    const apbd = await add({
      fundingSource: 'APBD',
      fiscalYear: 2026,
      amountRp: 1_000_000,
      quotaWorkers: 11,
    });
    expect(apbd.allocation).toMatchObject({ payerName: 'Pemerintah Kabupaten Belu', payerKind: 'regency' });
    const kewar = await add({
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 12 * M * 12,
      quotaWorkers: 12,
      villageCode: KEWAR,
    });
    expect(kewar.allocation).toMatchObject({ payerName: 'Pemerintah Desa Kewar', payerRegion: KEWAR });
    await add({
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 100_000,
      quotaWorkers: 10,
      villageCode: FULUR,
    });
    await add({ fundingSource: 'CSR', fiscalYear: 2026, amountRp: 500_000, csrName: 'CSR Bank NTT' });
    await expect(add({ fundingSource: 'APBD', fiscalYear: 2026, amountRp: 1 })).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    await expect(add({ fundingSource: 'APBD', fiscalYear: 2028, amountRp: 1 })).rejects.toMatchObject({
      code: 'FISCAL_YEAR_OUTSIDE_AGREEMENT',
    });
    await expect(
      add({ fundingSource: 'APBDES', fiscalYear: 2027, amountRp: 1, villageCode: '53.05.01.2001' }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    await expect(
      addBudgetAllocation(deps, branch, agreementId, {
        fundingSource: 'APBD',
        fiscalYear: 2027,
        amountRp: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('before billing, committed = active workers × Rp16,800 × November and December', async () => {
    await enrolActive(deps, KEWAR, 12, { serialStart: 1 });
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    await enrolActive(deps, DUARATO, 11, { serialStart: 200, funding: 'APBD' });
    const payers = await deps.db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM payer GROUP BY kind ORDER BY kind`,
    );
    expect(payers.rows).toEqual([
      { kind: 'csr', n: 1 },
      { kind: 'regency', n: 1 },
      { kind: 'village', n: 2 },
    ]);
    // [allocated, workers, invoiced, projected, committed, used, remaining]
    expect(await line(2026)).toEqual({
      'Pemerintah Desa Kewar': [2_419_200, 12, 0, 403_200, 403_200, 0, 2_016_000],
      'Pemerintah Desa Fulur': [100_000, 10, 0, 336_000, 336_000, 0, -236_000],
      'Pemerintah Kabupaten Belu': [1_000_000, 11, 0, 369_600, 369_600, 0, 630_400],
      'CSR Bank NTT': [500_000, 0, 0, 0, 0, 0, 500_000],
    });
  });

  it('after billing November and Kewar’s payment: invoiced + December projected, used = paid', async () => {
    await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    const kewarPayer = (
      await deps.db.query<{ id: number }>(`SELECT id FROM payer WHERE region_code = $1`, [KEWAR])
    ).rows[0]!.id;
    await postPayment(notBefore(deps, '2026-11-30'), branch, {
      payerId: kewarPayer,
      amountRp: 12 * M,
      receivedOn: '2026-11-30',
      reference: 'TRF-KEWAR-11',
      idempotencyKey: 'kewar-2026-11',
    });
    expect(await line(2026)).toEqual({
      'Pemerintah Desa Kewar': [2_419_200, 12, 201_600, 201_600, 403_200, 201_600, 2_016_000],
      'Pemerintah Desa Fulur': [100_000, 10, 168_000, 168_000, 336_000, 0, -236_000],
      'Pemerintah Kabupaten Belu': [1_000_000, 11, 184_800, 184_800, 369_600, 0, 630_400],
      'CSR Bank NTT': [500_000, 0, 0, 0, 0, 0, 500_000],
    });
    const use = await budgetUse(deps, dinas, { regencyCode: '53.04', fiscalYear: 2026 });
    expect(use.projectedFrom).toBe('2026-12');
    expect(use.payers.map((p) => p.agreementIds)).toEqual(Array(4).fill([agreementId]));
    expect(use.totals).toEqual({
      allocatedRp: 4_019_200,
      committedRp: 1_108_800,
      usedRp: 201_600,
      remainingRp: 2_910_400,
    });
    expect(use.warnings.map((w) => [w.payerName, w.reasons, w.overRp])).toEqual([
      ['Pemerintah Desa Fulur', ['OVER_BUDGET'], 236_000],
    ]);
  });

  it('a village operator sees only its own village’s budget line; the branch reads all', async () => {
    const kewarOp = await demoActor(deps, 'desa.kewar');
    expect(await line(2026, kewarOp)).toEqual({
      'Pemerintah Desa Kewar': [2_419_200, 12, 201_600, 201_600, 403_200, 201_600, 2_016_000],
    });
    expect(Object.keys(await line(2026, branch))).toHaveLength(4);
    await expect(budgetUse(deps, kewarOp, { regencyCode: '53.05', fiscalYear: 2026 })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
  });

  it('budgetWarnings: a year without allocations warns every payer; a batch being verified counts', async () => {
    expect((await budgetWarnings(deps, '53.04', 2027)).map((w) => [w.payerName, w.committedRp])).toEqual([
      ['Pemerintah Kabupaten Belu', 11 * M * 12],
      ['Pemerintah Desa Kewar', 12 * M * 12],
      ['Pemerintah Desa Fulur', 10 * M * 12],
    ]);
    const pending = async (village: string, serialStart: number) => {
      const up = await uploadEnrolment(deps, consoleActor(), {
        villageCode: village,
        fileName: `${village}-${serialStart}.csv`,
        bytes: toCsv(validWorkers(10, serialStart)),
        fundingSource: 'APBDES',
      });
      await submitEnrolmentBatch(deps, consoleActor(), up.batch.id);
      return up.batch.id;
    };
    const more = await budgetWarnings(deps, '53.04', 2026, { pendingBatchId: await pending(KEWAR, 300) });
    expect(more.map((w) => [w.payerName, w.reasons, w.workers, w.committedRp])).toEqual([
      ['Pemerintah Desa Kewar', ['OVER_QUOTA'], 22, 403_200 + 10 * M],
      ['Pemerintah Desa Fulur', ['OVER_BUDGET'], 10, 336_000],
    ]);
    const fresh = await budgetWarnings(deps, '53.04', 2026, {
      pendingBatchId: await pending('53.04.01.2005', 400),
    });
    expect(fresh.at(-1)).toMatchObject({
      payerId: null,
      payerRegion: '53.04.01.2005',
      allocatedRp: 0,
      committedRp: 10 * M,
    });
  });

  it('arrears ageing: exact buckets by payer, boundaries at 0 and 31 days, payments after asOf not counted', async () => {
    // Cover belongs to a budget year (issue 12): 2027 is billed once each payer has its 2027
    // allocation and the district has renewed the 2026 cohort into it.
    for (const [villageCode, workers] of [
      [null, 11],
      [KEWAR, 12],
      [FULUR, 10],
    ] as const)
      await addBudgetAllocation(deps, dinas, agreementId, {
        fundingSource: villageCode ? 'APBDES' : 'APBD',
        fiscalYear: 2027,
        amountRp: workers * M * 12,
        quotaWorkers: workers,
        villageCode,
      });
    const renewal = await renewBudgetYear(deps, dinas, {
      regencyCode: '53.04',
      fromYear: 2026,
      confirm: true,
    });
    expect(renewal.totals).toMatchObject({ renewed: 33, agedOut: 0, overQuota: 0, overBudget: 0 });
    for (const period of ['2026-12', '2027-01', '2027-02', '2027-03'])
      await runBilling(notBefore(deps, `${period}-01`), branch, { regencyCode: '53.04', period });
    // due 2026-11-16, 2026-12-15, 2027-01-15, 2027-02-15, 2027-03-15; Kewar paid November.
    const ageing = async (asOf: string, who: Actor = dinas) =>
      (await arrearsAgeing(deps, who, { asOf })).payers.map((p) => [
        p.payerName,
        p.notDueRp,
        p.days1To30Rp,
        p.days31To60Rp,
        p.days61To90Rp,
        p.over90Rp,
        p.totalRp,
      ]);
    // 2027-02-20: November 96 days, December 67, January 36, February 5, March not due.
    expect(await ageing('2027-02-20')).toEqual([
      ['Pemerintah Kabupaten Belu', 184_800, 184_800, 184_800, 184_800, 184_800, 5 * 184_800],
      ['Pemerintah Desa Kewar', 201_600, 201_600, 201_600, 201_600, 0, 4 * 201_600],
      ['Pemerintah Desa Fulur', 168_000, 168_000, 168_000, 168_000, 168_000, 5 * 168_000],
    ]);
    // 2027-02-15: February is due today (not yet late), January 31 days, December 62, November 91.
    expect((await ageing('2027-02-15'))[1]).toEqual([
      'Pemerintah Desa Kewar',
      2 * 201_600,
      0,
      201_600,
      201_600,
      0,
      4 * 201_600,
    ]);
    // 2026-11-20: Kewar's payment arrived on 2026-11-30, so November is still open (4 days late).
    expect((await ageing('2026-11-20'))[1]).toEqual([
      'Pemerintah Desa Kewar',
      4 * 201_600,
      201_600,
      0,
      0,
      0,
      5 * 201_600,
    ]);
    const kewarOp = await demoActor(deps, 'desa.kewar');
    expect((await ageing('2027-02-20', kewarOp)).map((r) => r[0])).toEqual(['Pemerintah Desa Kewar']);
    const totals = (await arrearsAgeing(deps, dinas, { asOf: '2027-02-20' })).totals;
    expect(totals).toEqual({
      notDueRp: 554_400,
      days1To30Rp: 554_400,
      days31To60Rp: 554_400,
      days61To90Rp: 554_400,
      over90Rp: 352_800,
      totalRp: 2_570_400,
    });
    await expect(arrearsAgeing(deps, dinas, { asOf: '2027-02-31' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
