import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry } from '../../src/db/ledger.ts';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import { ensureOfficeMonthPartitions, settleDefaultPartition } from '../../src/db/partitions.ts';
import type { Deps } from '../../src/services/actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { partitionsOf, rowsByPartition } from '../support/partitions.ts';

// issue 16 points 1 and 2: ledger_line partitioned by the office month of its entry, with the
// entry's regency on every line (0035); claim_event by the office month of its time (0036).

const KEWAR = '53.04.01.2001';

describe('migration 0035 on a database with ledger lines', () => {
  let t: TestDb;
  afterAll(async () => t?.drop());

  it('moves every line into the partition of its entry’s office month, with the entry’s regency', async () => {
    t = await freshDb();
    const all = knownMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < '0035'),
    );
    // 31 January 16:30 UTC is 1 February 00:30 in Belu (WITA): a February line.
    const entries: [string, string, number][] = [
      ['53.04', '2026-01-10T02:00:00Z', 100],
      ['53.04', '2026-01-31T16:30:00Z', 250],
      ['53.01', '2026-03-05T02:00:00Z', 300],
    ];
    await t.db.transaction(async (tx) => {
      for (const [i, [regency, at, rp]] of entries.entries()) {
        const e = await tx.query<{ id: number }>(
          `INSERT INTO ledger_entry (regency_code, kind, ref_id, at) VALUES ($1, 'payment', $2, $3) RETURNING id`,
          [regency, i + 1, at],
        );
        await tx.query(
          `INSERT INTO ledger_line (entry_id, account, amount_rp) VALUES ($1, 'cash', $2), ($1, 'receivable', -$2::bigint)`,
          [e.rows[0]!.id, rp],
        );
      }
    });
    const old = await t.db.query('SELECT id, entry_id, account, amount_rp FROM ledger_line ORDER BY id');
    await migrate(t.db, all);
    expect(await partitionsOf(t.db, 'ledger_line')).toEqual([
      'ledger_line_default',
      'ledger_line_p2026_01',
      'ledger_line_p2026_02',
      'ledger_line_p2026_03',
    ]);
    expect(await rowsByPartition(t.db, 'ledger_line')).toEqual({
      ledger_line_p2026_01: 2,
      ledger_line_p2026_02: 2,
      ledger_line_p2026_03: 2,
    });
    const moved = await t.db.query<{ regency_code: string; period: string }>(
      'SELECT id, entry_id, account, amount_rp, regency_code, period FROM ledger_line ORDER BY id',
    );
    expect(moved.rows.map(({ regency_code, period, ...rest }) => rest)).toEqual(old.rows);
    expect(moved.rows.map((r) => `${r.regency_code} ${r.period}`)).toEqual([
      '53.04 2026-01',
      '53.04 2026-01',
      '53.04 2026-02',
      '53.04 2026-02',
      '53.01 2026-03',
      '53.01 2026-03',
    ]);
    const pk = await t.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'ledger_line_pkey'
         AND conrelid = 'ledger_line'::regclass`,
    );
    expect(pk.rows[0]!.def).toBe('PRIMARY KEY (id, period, regency_code)');
  });
});

describe('postings into month partitions', () => {
  let deps: Deps;
  let t: TestDb;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
  });
  afterAll(async () => t?.drop());

  const sums = async () =>
    (
      await deps.db.query<{ account: string; rp: string }>(
        'SELECT account, sum(amount_rp)::text AS rp FROM ledger_line GROUP BY 1 ORDER BY 1',
      )
    ).rows;

  it('a run makes the ledger month of its time and the next two; its postings land there', async () => {
    expect(await partitionsOf(deps.db, 'ledger_line')).toEqual(['ledger_line_default']);
    const run = await runBilling(deps, await demoActor(deps, 'cabang.atambua'), {
      regencyCode: '53.04',
      period: '2026-11',
    });
    expect(run.lines).toBeGreaterThan(0);
    // The test clock is 24 November 2026.
    expect(await partitionsOf(deps.db, 'ledger_line')).toEqual([
      'ledger_line_default',
      'ledger_line_p2026_11',
      'ledger_line_p2026_12',
      'ledger_line_p2027_01',
    ]);
    const byPart = await rowsByPartition(deps.db, 'ledger_line');
    expect(Object.keys(byPart)).toEqual(['ledger_line_p2026_11']);
    const regencies = await deps.db.query<{ r: string }>(
      'SELECT DISTINCT regency_code AS r FROM ledger_line',
    );
    expect(regencies.rows).toEqual([{ r: '53.04' }]);
  });

  it('a posting of a month without a partition waits in the default, and moves when its month is made', async () => {
    await deps.db.transaction((tx) =>
      postEntry(tx, { regencyCode: '53.04', kind: 'payment', refId: 424242, at: '2027-05-31T17:00:00Z' }, [
        { account: 'cash', amountRp: 16_800 },
        { account: 'receivable', amountRp: -16_800 },
      ]),
    );
    expect((await rowsByPartition(deps.db, 'ledger_line')).ledger_line_default).toBe(2);
    const before = await sums();
    // 31 May 17:00 UTC is 1 June in Belu: the June partition takes it (and claim_event gets June too).
    expect(await ensureOfficeMonthPartitions(deps.db, '2027-05-31T17:00:00Z', 0)).toBe(2);
    const after = await rowsByPartition(deps.db, 'ledger_line');
    expect(after.ledger_line_default).toBeUndefined();
    expect(after.ledger_line_p2027_06).toBe(2);
    expect(await settleDefaultPartition(deps.db, 'ledger_line')).toBe(0);
    // Moving changed where the lines are, not what they sum to.
    expect(await sums()).toEqual(before);
  });

  it('the lines stay append-only, through the parent and through a partition', async () => {
    for (const table of ['ledger_line', 'ledger_line_p2026_11']) {
      await expect(deps.db.query(`UPDATE ${table} SET amount_rp = amount_rp + 1`)).rejects.toMatchObject({
        code: 'APPEND_ONLY',
      });
      await expect(deps.db.query(`DELETE FROM ${table}`)).rejects.toMatchObject({ code: 'APPEND_ONLY' });
    }
  });
});

/** A village, its payer, one participant, the branch office and a filed claim, written by hand. */
async function claimBefore0036(t: TestDb): Promise<number> {
  const AT = '2026-01-01T00:00:00Z';
  await t.db.exec(`
    INSERT INTO region (code, parent_code, level, kind, name) VALUES
      ('53', NULL, 'province', NULL, 'NTT'), ('53.04', '53', 'regency', NULL, 'BELU'),
      ('53.04.01', '53.04', 'district', NULL, 'X'), ('53.04.01.2001', '53.04.01', 'village', 'desa', 'Kewar');
    INSERT INTO office (code, name, level, parent_code) VALUES ('HQ', 'Pusat', 'head', NULL), ('ATB', 'Atambua', 'branch', 'HQ');
    INSERT INTO payer (kind, name, region_code, created_at) VALUES ('village', 'Desa Kewar', '53.04.01.2001', '${AT}');
    INSERT INTO person (nik, full_name, name_key, birth_date, sex, created_at)
      VALUES ('5304010101900001', 'P', 'p', '1990-01-01', 'L', '${AT}');
    INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
      status, status_since, created_at)
    SELECT next_kpj(2026), p.id, 'BPU', ARRAY['JKK', 'JKM'], 'APBDES', 1, '53.04.01.2001', '53.04', 'active',
           '2026-01-01', '${AT}' FROM person p;
    INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
      claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel, status,
      filed_by, filed_at, updated_at)
    SELECT 'KLM/1', pa.id, pa.person_id, '53.04', 'ATB', 'JKM', 'kematian', '2026-01-05', 'peserta', 'P',
           '5304010101900001', 'BRI', '001234567', 'P', 'branch', 'approved', 't', '${AT}', '${AT}' FROM participant pa;`);
  const events: [string, string][] = [
    ['file', '2026-01-10T02:00:00Z'],
    // 28 February 16:30 UTC is 1 March 00:30 in Belu (WITA): a March event.
    ['submit', '2026-02-28T16:30:00Z'],
    ['approve', '2026-03-05T02:00:00Z'],
  ];
  for (const [action, at] of events)
    await t.db.query(
      `INSERT INTO claim_event (claim_id, regency_code, action, to_status, actor, at)
       SELECT id, '53.04', $1, 'filed', 't', $2 FROM claim`,
      [action, at],
    );
  return events.length;
}

describe('migration 0036 on a database with claim events', () => {
  let t: TestDb;
  afterAll(async () => t?.drop());

  it('moves every event into the partition of its office month, keeping ids', async () => {
    t = await freshDb();
    const all = knownMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < '0036'),
    );
    await claimBefore0036(t);
    const old = await t.db.query('SELECT id, claim_id, action, at FROM claim_event ORDER BY id');
    await migrate(t.db, all);
    expect(await partitionsOf(t.db, 'claim_event')).toEqual([
      'claim_event_default',
      'claim_event_p2026_01',
      'claim_event_p2026_02',
      'claim_event_p2026_03',
    ]);
    expect(await rowsByPartition(t.db, 'claim_event')).toEqual({
      claim_event_p2026_01: 1,
      claim_event_p2026_03: 2,
    });
    const moved = await t.db.query<{ period: string }>(
      'SELECT id, claim_id, action, at, period FROM claim_event ORDER BY id',
    );
    expect(moved.rows.map(({ period, ...rest }) => rest)).toEqual(old.rows);
    expect(moved.rows.map((r) => r.period)).toEqual(['2026-01', '2026-03', '2026-03']);
    // A new event continues the ids, and one whose period is not its time's month is refused.
    const next = await t.db.query<{ id: number }>(
      `INSERT INTO claim_event (claim_id, regency_code, action, to_status, actor, at, period)
       SELECT id, '53.04', 'pay', 'paid', 't', '2026-03-06T02:00:00Z', '2026-03' FROM claim RETURNING id`,
    );
    expect(Number(next.rows[0]!.id)).toBe(Math.max(...old.rows.map((r) => Number(r.id))) + 1);
    await expect(
      t.db.query(
        `INSERT INTO claim_event (claim_id, regency_code, action, to_status, actor, at, period)
         SELECT id, '53.04', 'pay', 'paid', 't', '2026-03-06T02:00:00Z', '2026-04' FROM claim`,
      ),
    ).rejects.toThrow(/not the office month/);
    await expect(t.db.query(`UPDATE claim_event SET note = 'x'`)).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
  });
});
