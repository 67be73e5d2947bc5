import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

// budget_worker_count (0012_budget_counts.sql) is kept by triggers on participant; budget use
// reads it instead of the participants. After every kind of change it must equal a direct count.

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const DUARATO = '53.04.01.2004';
const MONTH_RP = 16_800;

type Row = [string, number, string, string, number, number, number];

describe('the maintained count of active BPU participants per payer and contribution input', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;

  const maintained = async () =>
    (
      await deps.db.query<{ r: Row }>(
        `SELECT json_build_array(regency_code, payer_id::int, funding_source, programs, income_rp::int, since_month,
                  workers::int) AS r
         FROM budget_worker_count WHERE workers > 0 ORDER BY payer_id, funding_source, programs, income_rp, since_month`,
      )
    ).rows.map((x) => x.r);
  const direct = async () =>
    (
      await deps.db.query<{ r: Row }>(
        `SELECT json_build_array(regency_code, payer_id::int, funding_source, programs, income_rp::int, since_month,
                  n::int) AS r
         FROM (SELECT regency_code, payer_id, funding_source, array_to_string(programs, ',') AS programs,
                      coalesce(declared_income_rp, 0) AS income_rp,
                      (extract(year FROM status_since) * 12 + extract(month FROM status_since) - 1)::int AS since_month,
                      count(*) AS n
               FROM participant WHERE segment = 'BPU' AND status = 'active' GROUP BY 1, 2, 3, 4, 5, 6) d
         ORDER BY payer_id, funding_source, programs, income_rp, since_month`,
      )
    ).rows.map((x) => x.r);
  const workers = async () => (await maintained()).reduce((s, r) => s + r[6], 0);
  const payerOf = async (region: string) =>
    (
      await deps.db.query<{ id: number }>(
        `SELECT id FROM payer WHERE kind = 'village' AND region_code = $1`,
        [region],
      )
    ).rows[0]!.id;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
  });
  afterAll(async () => t.drop());

  it('enrolments through the batch workflow are counted per payer, funding source and start month', async () => {
    await enrolActive(deps, KEWAR, 12);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    await enrolActive(deps, DUARATO, 10, { serialStart: 200, funding: 'APBD' });
    const rows = await maintained();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(await workers()).toBe(32);
    expect(rows).toEqual(await direct());
  });

  it('lapses after 4 unpaid months and the resume after paying the arrears move the counts', async () => {
    for (const period of ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
      await runBilling(notBefore(deps, `${period}-01`), branch, { regencyCode: '53.04', period });
    // Fulur and Duarato's payer pay ahead; Kewar does not.
    await postPayment(notBefore(deps, '2026-12-10'), branch, {
      payerId: await payerOf(FULUR),
      amountRp: 3 * 10 * MONTH_RP,
      receivedOn: '2026-12-10',
      reference: 'fulur-2026-12-10',
      idempotencyKey: 'fulur-2026-12-10',
    });
    const regencyPayer = (
      await deps.db.query<{ id: number }>(
        `SELECT id FROM payer WHERE kind = 'regency' AND region_code = '53.04'`,
      )
    ).rows[0]!.id;
    await postPayment(notBefore(deps, '2026-12-10'), branch, {
      payerId: regencyPayer,
      amountRp: 3 * 10 * MONTH_RP,
      receivedOn: '2026-12-10',
      reference: 'apbd-2026-12-10',
      idempotencyKey: 'apbd-2026-12-10',
    });
    expect(
      await updateCoverage(notBefore(deps, '2027-03-16'), branch, {
        regencyCode: '53.04',
        asOf: '2027-03-16',
      }),
    ).toMatchObject({
      lapsed: 12,
    });
    expect(await workers()).toBe(20);
    expect(await maintained()).toEqual(await direct());

    await postPayment(notBefore(deps, '2027-04-20'), branch, {
      payerId: await payerOf(KEWAR),
      amountRp: 3 * 12 * MONTH_RP,
      receivedOn: '2027-04-20',
      reference: 'kewar-2027-04-20',
      idempotencyKey: 'kewar-2027-04-20',
    });
    expect(
      await updateCoverage(notBefore(deps, '2027-04-20'), branch, {
        regencyCode: '53.04',
        asOf: '2027-04-20',
      }),
    ).toMatchObject({
      resumed: 12,
    });
    expect(await workers()).toBe(32);
    // the resumed workers count from their new status month (April 2027), not the enrolment month
    expect((await maintained()).filter((r) => r[5] === 2027 * 12 + 3).map((r) => r[6])).toEqual([12]);
    expect(await maintained()).toEqual(await direct());
  });

  it('endings, a changed income and a changed payer in one statement; an unrelated update', async () => {
    const fulur = await payerOf(FULUR);
    const kewar = await payerOf(KEWAR);
    // three of Fulur's workers end; two declare an income; one moves to Kewar's payer (set-based, as services write)
    await deps.db.query(
      `WITH f AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM participant WHERE payer_id = $1)
       UPDATE participant pa SET
         status = CASE WHEN f.k <= 3 THEN 'ended' ELSE pa.status END,
         status_since = CASE WHEN f.k <= 3 THEN date '2027-05-01' ELSE pa.status_since END,
         declared_income_rp = CASE WHEN f.k IN (4, 5) THEN 2500000 ELSE pa.declared_income_rp END,
         payer_id = CASE WHEN f.k = 6 THEN $2 ELSE pa.payer_id END
       FROM f WHERE f.id = pa.id AND f.k <= 6`,
      [fulur, kewar],
    );
    expect(await workers()).toBe(29);
    expect((await maintained()).filter((r) => r[4] === 2_500_000).map((r) => r[6])).toEqual([2]);
    expect(await maintained()).toEqual(await direct());
    // an update touching no counted column leaves the counts as they were
    const before = await maintained();
    await deps.db.query(`UPDATE participant SET created_at = created_at + interval '1 second'`);
    expect(await maintained()).toEqual(before);
    // ending everybody leaves no counted worker
    await deps.db.query(`UPDATE participant SET status = 'ended', status_since = date '2027-06-01'`);
    expect(await maintained()).toEqual([]);
    expect(await direct()).toEqual([]);
  });
});

describe('0012_budget_counts', () => {
  let t: TestDb;
  afterEach(async () => t?.drop());

  it('counts the participants recorded before it was applied', async () => {
    t = await freshDb();
    const all = knownMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < '0012'),
    );
    const at = '2026-01-01T00:00:00Z';
    await t.db.exec(`
      INSERT INTO region (code, parent_code, level, kind, name) VALUES
        ('53', NULL, 'province', NULL, 'NTT'), ('53.04', '53', 'regency', NULL, 'BELU'),
        ('53.04.01', '53.04', 'district', NULL, 'X'), ('53.04.01.2001', '53.04.01', 'village', 'desa', 'Kewar');
      INSERT INTO payer (kind, name, region_code, created_at) VALUES ('village', 'Desa Kewar', '53.04.01.2001', '${at}');
      INSERT INTO person (nik, full_name, name_key, birth_date, sex, created_at)
        SELECT '530401010190000' || i, 'P' || i, 'p', '1990-01-01', 'L', '${at}' FROM generate_series(1, 5) i;
      INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
        declared_income_rp, status, status_since, created_at)
      SELECT next_kpj(2026), p.id, CASE WHEN p.id = 5 THEN 'PMI' ELSE 'BPU' END, ARRAY['JKK', 'JKM'], 'APBDES', 1,
             '53.04.01.2001', '53.04', CASE WHEN p.id = 3 THEN 2000000 END,
             CASE WHEN p.id = 4 THEN 'lapsed' ELSE 'active' END, CASE WHEN p.id = 2 THEN date '2026-03-05' ELSE date '2026-02-01' END,
             '${at}'
      FROM person p ORDER BY p.id;`);
    await migrate(t.db, all);
    const rows = await t.db.query(
      `SELECT regency_code, payer_id::int, funding_source, programs, income_rp::int, since_month, workers::int
       FROM budget_worker_count ORDER BY income_rp, since_month`,
    );
    expect(rows.rows).toEqual([
      {
        regency_code: '53.04',
        payer_id: 1,
        funding_source: 'APBDES',
        programs: 'JKK,JKM',
        income_rp: 0,
        since_month: 2026 * 12 + 1,
        workers: 1,
      },
      {
        regency_code: '53.04',
        payer_id: 1,
        funding_source: 'APBDES',
        programs: 'JKK,JKM',
        income_rp: 0,
        since_month: 2026 * 12 + 2,
        workers: 1,
      },
      {
        regency_code: '53.04',
        payer_id: 1,
        funding_source: 'APBDES',
        programs: 'JKK,JKM',
        income_rp: 2_000_000,
        since_month: 2026 * 12 + 1,
        workers: 1,
      },
    ]);
  });
});
