import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonthsToPeriod, lastDayOf } from '../../src/rules/calendar.ts';
import type { Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { closePeriod } from '../../src/services/close-period.ts';
import {
  applyMembershipChange,
  proposeMembershipChange,
  verifyMembershipChange,
} from '../../src/services/membership/index.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';
import { renewBudgetYear } from '../../src/services/renew-budget-year.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, onDay, type TestDb } from '../support/db.ts';
import { nikFor, validWorkers } from '../support/enrolment-csv.ts';
import {
  type Cast,
  enrolVillage,
  fundYear,
  ledgerAt,
  payDeathClaim,
  villageCounts,
  villagePayers,
} from '../support/village-years.ts';

// Issue 12: one Belu village, Kewar (53.04.01.2001), from January 2023 into 2026, every step
// through the services, every month billed on its 1st and paid in full on its 10th.
const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const REGENCY = '53.04';
const NAME: Record<string, string> = { kewar: 'Kewar', fulur: 'Fulur' };
// A village worker is a BPU member at the minimum income Rp 1,000,000 (PP 44/2015 Lampiran II,
// as amended by PP 82/2019): JKK 1% = Rp 10,000 + JKM Rp 6,800 (PP 44/2015 Pasal 18) a month.
const JKK = 10_000;
const JKM = 6_800;
const M = JKK + JKM; // Rp 16,800
// JKM death benefit (PP 82/2019): santunan sekaligus 20,000,000 + berkala 24 × 500,000 = 12,000,000
// + biaya pemakaman 10,000,000; no scholarship (fewer than 36 months of contributions).
const JKM_BENEFIT = 20_000_000 + 12_000_000 + 10_000_000;

// The twelve workers enrolled on 5 January 2023. Worker 12 was born 20 November 1957: 65 at
// enrolment (the age limit is 65, enrolment_policy default), 66 on 20 November 2023, so the
// renewal into 2024 leaves them out (aged_out) and their cover ends with 2023.
const rows = validWorkers(12, 1);
rows[11] = {
  ...rows[11]!,
  birthDate: '1957-11-20',
  sex: 'L',
  nik: nikFor({ birthDate: '1957-11-20', sex: 'L', serial: 12 }),
};
const DEAD = 2; // worker 3 dies on 14 June 2023
const MOVER = 4; // worker 5 moves to Fulur on 10 March 2024
const LEAVER = 6; // worker 7 leaves the programme on 15 September 2024
const AGED = 11;

// The days Kewar loses an active member, and Fulur gains its one (the mover).
const KEWAR_LOSSES = ['2023-06-14', '2024-01-01', '2024-03-10', '2024-09-15']; // death, aged out, move, exit
const kewarActive = (day: string) => 12 - KEWAR_LOSSES.filter((d) => d <= day).length;
const kewarEnded = (day: string) => ['2023-06-14', '2024-01-01', '2024-09-15'].filter((d) => d <= day).length;
const fulurActive = (day: string) => (day >= '2024-03-10' ? 1 : 0);
// A month's invoice is issued on its 1st (January 2023: on the 6th, after the enrolment of the
// 5th) and bills who is active then: 12 to June 2023, 11 from July (the death), 10 from January
// 2024 (aged out), Kewar 9 + Fulur 1 from April 2024 (the move), Kewar 8 + Fulur 1 from October.
const issueDay = (p: string) => (p === '2023-01' ? '2023-01-06' : `${p}-01`);
// Worker-months billed by the end of each year, counted by hand from the line above:
// 2023: 6 × 12 + 6 × 11 = 138; 2024: Kewar 3 × 10 + 6 × 9 + 3 × 8 = 108, Fulur 9;
// 2025: Kewar 12 × 8 = 96, Fulur 12; January 2026: Kewar 8, Fulur 1.
const BILLED_RP = {
  '2023-12': 138 * M, // 2,318,400
  '2024-12': (138 + 108 + 9) * M, // 255 × 16,800 = 4,284,000
  '2025-12': (255 + 96 + 12) * M, // 363 × 16,800 = 6,098,400
  '2026-01': (363 + 9) * M, // 372 × 16,800 = 6,249,600
};

describe('one village over the years: enrol, bill, pay, a death, a move, renewals, an exit', () => {
  let t: TestDb;
  let deps: Deps;
  let cast: Cast;
  const kpj: string[] = [];
  const payers: Record<string, number> = {};
  let billedRp = 0;
  let billedJkk = 0;

  const on = (day: string) => onDay(deps, day);
  const statusOf = async (k: string) =>
    (await t.db.query(`SELECT status, status_since::text AS since FROM participant WHERE kpj = $1`, [k]))
      .rows;
  const counts = (day: string) => villageCounts(on(day), cast.district, day, { kewar: KEWAR, fulur: FULUR });

  /** Bills the month on its issue day, pays every invoice on the 10th, runs the month's events, checks the month end. */
  const month = async (period: string, events: Record<string, () => Promise<unknown>> = {}) => {
    const day = issueDay(period);
    const run = await runBilling(on(day), cast.branch, { regencyCode: REGENCY, period });
    // One invoice per paying village: the workers × Rp 16,800, two lines (JKK, JKM) per worker.
    const workers = { kewar: kewarActive(day), ...(fulurActive(day) ? { fulur: fulurActive(day) } : {}) };
    const want = Object.entries(workers).map(([v, n]) => [`Pemerintah Desa ${NAME[v]}`, n * M, 2 * n]);
    expect(
      run.invoices.map((i) => [i.payerName, Number(i.totalRp), i.lines]),
      `${period} invoices`,
    ).toEqual(want);
    Object.assign(payers, await villagePayers(t.db, { kewar: KEWAR, fulur: FULUR }));
    // Issued, not yet paid: each village owes its invoice (every earlier one was paid on its 10th).
    const owed = Object.fromEntries(Object.keys(payers).map((v) => [v, (workers[v as 'kewar'] ?? 0) * M]));
    expect((await ledgerAt(deps, day, payers)).receivable, `${day} receivable`).toEqual(owed);
    for (const inv of run.invoices)
      await postPayment(on(`${period}-10`), cast.branch, {
        payerId: Number(inv.payerId),
        amountRp: Number(inv.totalRp),
        receivedOn: `${period}-10`,
        reference: `APBDES-${inv.number}`,
        idempotencyKey: `village-years-invoice-${inv.id}`,
      });
    const n = Object.values(workers).reduce((a, b) => a + b, 0);
    billedRp += n * M;
    billedJkk += n * JKK;
    await events[period]?.();
    const end = lastDayOf(period);
    expect(await counts(end), `${end} counts`).toMatchObject({
      kewar: { active: kewarActive(end), ended: kewarEnded(end), lapsed: 0 },
      fulur: { active: fulurActive(end) },
    });
    // Every invoice paid in full on the 10th: nothing receivable at the month's end; the cash is
    // every month billed so far less the JKM benefit paid in June 2023.
    expect(await ledgerAt(deps, end, payers), `${end} ledger`).toEqual({
      total: 0,
      cash: billedRp - (end >= '2023-06-30' ? JKM_BENEFIT : 0),
      receivable: Object.fromEntries(Object.keys(payers).map((k) => [k, 0])),
      incomeJkk: -billedJkk,
      incomeJkm: -(billedRp - billedJkk),
      benefitJkm: end >= '2023-06-30' ? JKM_BENEFIT : 0,
    });
    if (period in BILLED_RP) expect(billedRp).toBe(BILLED_RP[period as keyof typeof BILLED_RP]);
  };
  const year = async (y: number, events: Record<string, () => Promise<unknown>>, last = 12) => {
    for (let p = `${y}-01`; p <= `${y}-${String(last).padStart(2, '0')}`; p = addMonthsToPeriod(p, 1))
      await month(p, events);
  };
  const renew = (day: string, fromYear: number, confirm: boolean) =>
    renewBudgetYear(on(day), cast.district, { regencyCode: REGENCY, fromYear, confirm });
  const noLapse = async (day: string) =>
    expect(await updateCoverage(on(day), cast.branch, { regencyCode: REGENCY, asOf: day })).toMatchObject({
      lapsed: 0,
      resumed: 0,
    });

  beforeAll(async () => {
    t = await freshDb();
    await prepareDatabase(t.db, { provinces: ['53'] });
    deps = { db: t.db, clock: fixedClock('2022-11-01T02:00:00.000Z') };
    cast = {
      village: await demoActor(on('2022-11-01'), 'desa.kewar'),
      district: await demoActor(on('2022-11-01'), 'dinas.belu'),
      branch: await demoActor(on('2022-11-01'), 'cabang.atambua'),
      supervisor: await demoActor(on('2022-11-01'), 'supervisor.atambua'),
    };
    await fundYear(deps, cast.district, 2023, [{ villageCode: KEWAR, workers: 12, monthRp: M }]);
    await enrolVillage(deps, cast, KEWAR, rows, '2023-01-05');
    const r = await t.db.query<{ kpj: string; nik: string }>(
      `SELECT pa.kpj, p.nik FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.region_code = $1`,
      [KEWAR],
    );
    for (const [i, w] of rows.entries()) kpj[i] = r.rows.find((x) => x.nik === w.nik)!.kpj;
  });
  afterAll(async () => t.drop());

  it('2023: twelve enrolled and billed; a death paid in June ends the membership; renewal leaves two out', async () => {
    await year(2023, {
      '2023-06': async () => {
        const paid = await payDeathClaim(deps, cast, {
          kpj: kpj[DEAD]!,
          diedOn: '2023-06-14',
          filedOn: '2023-06-16',
          paidOn: '2023-06-21',
        });
        expect(paid).toMatchObject({ paid: 1 });
        expect(await statusOf(kpj[DEAD]!)).toEqual([{ status: 'ended', since: '2023-06-14' }]);
        // Ended from the death date, not the day paid: 12 active on the 13th, 11 and 1 ended on the 14th.
        expect(await counts('2023-06-13')).toMatchObject({ kewar: { active: 12, ended: 0 } });
        expect(await counts('2023-06-14')).toMatchObject({ kewar: { active: 11, ended: 1 } });
      },
      '2023-11': () =>
        fundYear(deps, cast.district, 2024, [
          { villageCode: KEWAR, workers: 10, monthRp: M },
          { villageCode: FULUR, workers: 1, monthRp: M },
        ]),
      '2023-12': async () => {
        // 12 in the 2023 cohort: the dead worker (ended) and the aged one are left out, 10 carry over.
        const preview = await renew('2023-12-15', 2023, false);
        const totals = { renewed: 10, agedOut: 1, ended: 1, overQuota: 0, overBudget: 0, noAllocation: 0 };
        expect(preview.totals).toEqual(totals);
        const done = await renew('2023-12-15', 2023, true);
        expect(done.totals).toEqual(totals);
        expect(done.leftOut.map((l) => [l.kpj, l.reason]).sort()).toEqual(
          [
            [kpj[AGED], 'aged_out'],
            [kpj[DEAD], 'ended'],
          ].sort(),
        );
        expect(done.membershipsEnded).toBe(0); // renewed before the year ended: cover runs to 31 December
        await noLapse('2023-12-31');
      },
    });
  });

  it('2024: the aged worker ends on 1 January, one moves to Fulur in March, one leaves in September', async () => {
    await year(2024, {
      '2024-01': async () => {
        await closePeriod(on('2024-01-15'), cast.supervisor, { regencyCode: REGENCY, period: '2023-12' });
        await expect(
          runBilling(on('2024-01-15'), cast.branch, { regencyCode: REGENCY, period: '2023-12' }),
        ).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
        expect(await statusOf(kpj[AGED]!)).toEqual([{ status: 'ended', since: '2024-01-01' }]);
      },
      '2024-03': async () => {
        const p = await proposeMembershipChange(on('2024-03-11'), cast.village, {
          kpj: kpj[MOVER]!,
          kind: 'move',
          reason: 'moved_away',
          effectiveDate: '2024-03-10',
          toVillageCode: FULUR,
          note: 'menikah, pindah ke Fulur',
        });
        await verifyMembershipChange(on('2024-03-12'), cast.district, p.id);
        expect(await applyMembershipChange(on('2024-03-13'), cast.branch, p.id)).toMatchObject({
          state: 'applied',
          regionBefore: KEWAR,
          regionAfter: FULUR,
        });
        // The move counts on its own date: −1 in Kewar and +1 in Fulur on 10 March.
        expect(await counts('2024-03-09')).toMatchObject({ kewar: { active: 10 }, fulur: { active: 0 } });
        expect(await counts('2024-03-10')).toMatchObject({ kewar: { active: 9 }, fulur: { active: 1 } });
      },
      '2024-09': async () => {
        const p = await proposeMembershipChange(on('2024-09-16'), cast.village, {
          kpj: kpj[LEAVER]!,
          kind: 'exit',
          reason: 'left_programme',
          effectiveDate: '2024-09-15',
          note: 'merantau ke Kupang',
        });
        await verifyMembershipChange(on('2024-09-17'), cast.district, p.id);
        await applyMembershipChange(on('2024-09-18'), cast.branch, p.id);
      },
      '2024-11': () =>
        fundYear(deps, cast.district, 2025, [
          { villageCode: KEWAR, workers: 8, monthRp: M },
          { villageCode: FULUR, workers: 1, monthRp: M },
        ]),
      '2024-12': async () => {
        // The 2024 cohort of the regency: Kewar's 10 renewed a year ago, one of them now in
        // Fulur (carried into Fulur's allocation), one left in September: 9 carry over.
        const done = await renew('2024-12-15', 2024, true);
        expect(done.totals).toEqual({
          renewed: 9,
          agedOut: 0,
          ended: 1,
          overQuota: 0,
          overBudget: 0,
          noAllocation: 0,
        });
        expect(done.leftOut.map((l) => [l.kpj, l.reason])).toEqual([[kpj[LEAVER], 'ended']]);
        await noLapse('2024-12-31');
      },
    });
  });

  it('2025 and January 2026: Kewar 8 and Fulur 1 each month, renewed into 2026 with nobody left out', async () => {
    await year(2025, {
      '2025-01': () =>
        closePeriod(on('2025-01-15'), cast.supervisor, { regencyCode: REGENCY, period: '2024-12' }),
      '2025-11': () =>
        fundYear(deps, cast.district, 2026, [
          { villageCode: KEWAR, workers: 8, monthRp: M },
          { villageCode: FULUR, workers: 1, monthRp: M },
        ]),
      '2025-12': async () => {
        const done = await renew('2025-12-15', 2025, true);
        expect(done.totals).toMatchObject({ renewed: 9, agedOut: 0, ended: 0 });
        expect(done.leftOut).toEqual([]);
        await noLapse('2025-12-31');
      },
    });
    await year(
      2026,
      {
        '2026-01': () =>
          closePeriod(on('2026-01-15'), cast.supervisor, { regencyCode: REGENCY, period: '2025-12' }),
      },
      1,
    );
  });
});
