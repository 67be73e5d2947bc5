import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeByMonth, countsAsOf } from '../../src/db/report-counts.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { closePeriod } from '../../src/services/close-period.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { demoActor } from '../support/actors.ts';
import { onDay, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

// Issue 18, point 2: a closed month's counts are written once, at the close
// (0023_count_snapshots.sql), and a count as of a date reads that snapshot plus the deltas after it.
// Every figure here is compared with the plain sum of every delta up to the date, the definition.
const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const NPP = '53040925';

/** The definition: every status change of the regency up to the date, summed. */
const PLAIN = `
  SELECT region_code AS "regionCode", segment, funding_source AS "fundingSource",
         via_village_batch AS "viaVillageBatch", status, sum(delta)::bigint AS n
  FROM participant_count_delta WHERE regency_code = '53.04' AND effective_date <= $1::date
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0`;

type Row = { regionCode: string; segment: string; status: string; n: number | string };
const key = (r: Row) => `${r.regionCode}|${r.segment}|${r.status}`;
const sorted = (rows: Row[]) =>
  rows.map((r) => ({ ...r, n: Number(r.n) })).sort((a, b) => key(a).localeCompare(key(b)));

describe('participant counts from closed-month snapshots', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let supervisor: Actor;
  let serial = 9250;
  const employee = (startDate: string) =>
    registerEmployee(deps, branch, NPP, {
      nik: nikFor({ birthDate: '1991-03-04', sex: 'L', serial: ++serial }),
      fullName: `Yohanes ${serialName(serial)}`,
      birthDate: '1991-03-04',
      sex: 'L',
      startDate,
      wageRp: 2_400_000,
    });
  const plain = async (asOf: string) => sorted((await deps.db.query<Row>(PLAIN, [asOf])).rows);
  const viaSnapshot = async (asOf: string) =>
    sorted(await countsAsOf(deps.db, { regencyCode: '53.04', asOf, scopes: null }));
  const DATES = [
    '2026-05-31',
    '2026-06-10',
    '2026-06-30',
    '2026-07-01',
    '2026-07-31',
    '2026-08-15',
    '2026-08-31',
    '2026-09-01',
    '2026-10-31',
    '2026-11-24',
  ];

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    await registerEmployer(onDay(deps, '2026-05-04'), branch, {
      npp: NPP,
      name: 'CV Buku Tahunan Belu',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: KEWAR,
    });
    // Village workers activated in June and August, formal workers from May to October.
    await enrolActive(onDay(deps, '2026-06-10'), KEWAR, 10);
    await enrolActive(onDay(deps, '2026-08-12'), FULUR, 12, { serialStart: 200 });
    for (const day of ['2026-05-20', '2026-06-30', '2026-07-01', '2026-07-31', '2026-09-15', '2026-10-02'])
      await employee(day);
  }, 120_000);
  afterAll(async () => t.drop());

  it('before any close, counts are the plain sums (no snapshot)', async () => {
    for (const d of DATES) expect(await viaSnapshot(d), d).toEqual(await plain(d));
  });

  it('closing July writes the counts at 31 July once; every date still gives the plain sums', async () => {
    await closePeriod(onDay(deps, '2026-08-05'), supervisor, { regencyCode: '53.04', period: '2026-07' });
    const snap = await deps.db.query<Row>(
      `SELECT region_code AS "regionCode", segment, funding_source AS "fundingSource",
              via_village_batch AS "viaVillageBatch", status, n
       FROM participant_count_snapshot WHERE regency_code = '53.04' AND period = '2026-07'`,
    );
    // 10 Kewar village workers (BPU) and 4 formal workers (PU) registered by 31 July.
    expect(sorted(snap.rows)).toEqual(await plain('2026-07-31'));
    expect(sorted(snap.rows).map((r) => [r.regionCode, r.segment, r.status, r.n])).toEqual([
      [KEWAR, 'BPU', 'active', 10],
      [KEWAR, 'PU', 'active', 4],
    ]);
    await expect(deps.db.query(`DELETE FROM participant_count_snapshot`)).rejects.toThrow();
    for (const d of DATES) expect(await viaSnapshot(d), d).toEqual(await plain(d));
  });

  it('a registration back-dated into July enters on 1 August; closing September adds its snapshot', async () => {
    await employee('2026-07-15');
    expect((await plain('2026-07-31')).find((r) => r.segment === 'PU')?.n).toBe(4);
    expect((await plain('2026-08-01')).find((r) => r.segment === 'PU')?.n).toBe(5);
    await closePeriod(onDay(deps, '2026-10-05'), supervisor, { regencyCode: '53.04', period: '2026-09' });
    for (const d of DATES) expect(await viaSnapshot(d), d).toEqual(await plain(d));
    const months = await activeByMonth(deps.db, { regencyCode: '53.04', asOf: '2026-11-24', scopes: null });
    const expected: { period: string; active: number }[] = [];
    for (const m of months) {
      const end = m.period === '2026-11' ? '2026-11-24' : lastDay(m.period);
      const n = (await plain(end)).filter((r) => r.status === 'active').reduce((s, r) => s + Number(r.n), 0);
      expected.push({ period: m.period, active: n });
    }
    // By hand: May 1 PU; June +10 Kewar +1 PU; July +2 PU; August +12 Fulur +1 PU (back-dated from
    // 15 July); September +1 PU; October +1 PU.
    expect(expected.slice(-7).map((m) => m.active)).toEqual([1, 12, 14, 27, 28, 29, 29]);
    expect(months.map((m) => ({ ...m, active: Number(m.active) }))).toEqual(expected);
  });

  it('reads the snapshot, not the deltas before it: a stray delta in a closed month does not count after the close', async () => {
    // Nothing in lindung writes a delta into a closed month (0021); written here by hand to show
    // which rows a count reads.
    await deps.db.query(
      `INSERT INTO participant_count_delta (regency_code, effective_date, region_code, segment, funding_source,
         via_village_batch, status, delta) VALUES ('53.04', '2026-06-20', $1, 'PU', 'EMPLOYER', false, 'active', 100)`,
      [KEWAR],
    );
    try {
      const pu = async (d: string) => (await viaSnapshot(d)).find((r) => r.segment === 'PU')?.n;
      expect(await pu('2026-06-30')).toBe(102); // no closed month ended by 30 June: the plain sum
      expect(await pu('2026-08-31')).toBe(5); // the July snapshot, written before the stray row
      expect(await pu('2026-11-24')).toBe(7); // the September snapshot (6) + 2 October
    } finally {
      await deps.db.query(`DELETE FROM participant_count_delta WHERE delta = 100`);
    }
  });
});

function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
