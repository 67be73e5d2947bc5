import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../src/db/migrate.ts';
import {
  attachRegencyLines,
  beginRegencyLines,
  ensureInvoiceLinePartitions,
  ensureRegencyPartitions,
  settleDefaultPartition,
} from '../../src/db/partitions.ts';
import type { Db } from '../../src/db/types.ts';
import type { Deps } from '../../src/services/actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { freshDb, notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { partitionsOf, rowsByPartition } from '../support/partitions.ts';

// issue 16 point 1: invoice_line partitioned by period, one partition per month (0029).

const KEWAR = '53.04.01.2001';

async function relkinds(db: Db, names: string[]): Promise<(string | null)[]> {
  const r = await db.query<{ kind: string | null }>(
    `SELECT (SELECT relkind::text FROM pg_class WHERE oid = to_regclass(n)) AS kind FROM unnest($1::text[]) WITH ORDINALITY AS x (n, i)
     ORDER BY i`,
    [names],
  );
  return r.rows.map((x) => x.kind);
}

const LINE_COLUMNS =
  'invoice_id, regency_code, participant_id, period, program, payer_role, kind, amount_rp, basis';
const line = (period: string, amountRp: number) =>
  `(1, '53.04', 7, '${period}', 'JKK', 'participant', 'contribution', ${amountRp}, 'test')`;

describe('migration 0029 on a database with invoice lines', () => {
  let t: TestDb;
  afterAll(async () => t?.drop());

  it('moves every line into a partition of its month, keeping ids; new ids follow on', async () => {
    t = await freshDb();
    const all = knownMigrations();
    const before = all.filter((m) => m.version < '0029');
    await migrate(t.db, before);
    await t.db.exec(
      `INSERT INTO invoice_line (${LINE_COLUMNS}) VALUES ${line('2026-01', 100)}, ${line('2026-03', 300)}, ${line('2026-03', 301)}`,
    );
    const old = await t.db.query<{ id: number; period: string }>(
      'SELECT id, period FROM invoice_line ORDER BY id',
    );
    await migrate(t.db, all);
    expect(await partitionsOf(t.db, 'invoice_line')).toEqual([
      'invoice_line_default',
      'invoice_line_p2026_01',
      'invoice_line_p2026_02',
      'invoice_line_p2026_03',
    ]);
    expect(await rowsByPartition(t.db, 'invoice_line')).toEqual({
      invoice_line_p2026_01: 1,
      invoice_line_p2026_03: 2,
    });
    const moved = await t.db.query<{ id: number; period: string }>(
      'SELECT id, period FROM invoice_line ORDER BY id',
    );
    expect(moved.rows).toEqual(old.rows);
    const next = await t.db.query<{ id: number }>(
      `INSERT INTO invoice_line (${LINE_COLUMNS}) VALUES ${line('2026-03', 5)} RETURNING id`,
    );
    expect(next.rows[0]!.id).toBe(Math.max(...old.rows.map((r) => r.id)) + 1);
    const pk = await t.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'invoice_line_pkey'
         AND conrelid = 'invoice_line'::regclass`,
    );
    expect(pk.rows[0]!.def).toBe('PRIMARY KEY (id, period, regency_code)');
    // 0031: the month made ahead and still empty is made again split by regency; months with lines stay whole.
    expect(
      await relkinds(t.db, ['invoice_line_p2026_01', 'invoice_line_p2026_02', 'invoice_line_p2026_03']),
    ).toEqual(['r', 'p', 'r']);
  });
});

describe('billing into month partitions', () => {
  let deps: Deps;
  let t: TestDb;
  type Run = { runId: number | null; lines: number; totalRp: number };
  const runs: { nov: Run; dec: Run } = {
    nov: { runId: null, lines: 0, totalRp: 0 },
    dec: { runId: null, lines: 0, totalRp: 0 },
  };

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
  });
  afterAll(async () => t?.drop());

  it('a run creates its month’s partition (and the next two) before writing, and its lines land there', async () => {
    expect(await partitionsOf(deps.db, 'invoice_line')).toEqual(['invoice_line_default']);
    const branch = await demoActor(deps, 'cabang.atambua');
    runs.nov = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    expect(runs.nov.lines).toBeGreaterThan(0);
    expect(await partitionsOf(deps.db, 'invoice_line')).toEqual([
      'invoice_line_default',
      'invoice_line_p2026_11',
      'invoice_line_p2026_12',
      'invoice_line_p2027_01',
    ]);
    expect(await rowsByPartition(deps.db, 'invoice_line')).toEqual({
      invoice_line_p2026_11_r53_04: runs.nov.lines,
    });
  });

  it('two months’ lines land in two partitions; the default stays empty', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    runs.dec = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(runs.dec.lines).toBeGreaterThan(0);
    expect(await rowsByPartition(deps.db, 'invoice_line')).toEqual({
      invoice_line_p2026_11_r53_04: runs.nov.lines,
      invoice_line_p2026_12_r53_04: runs.dec.lines,
    });
    // A lookup by the invoice and by the line's id alone (no period) still finds the lines.
    const byInvoice = await deps.db.query<{ id: number; period: string }>(
      `SELECT l.id, l.period FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
       WHERE i.billing_run_id = $1 ORDER BY l.id LIMIT 1`,
      [runs.dec.runId],
    );
    const byId = await deps.db.query<{ period: string }>('SELECT period FROM invoice_line WHERE id = $1', [
      byInvoice.rows[0]!.id,
    ]);
    expect(byId.rows).toEqual([{ period: '2026-12' }]);
  });

  it('the lines stay append-only, through the parent and through a partition', async () => {
    await expect(deps.db.query('UPDATE invoice_line SET amount_rp = 0')).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
    await expect(deps.db.query(`DELETE FROM invoice_line WHERE period = '2026-11'`)).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
    await expect(deps.db.query('DELETE FROM invoice_line_p2026_12')).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
    // The regency's own partition, loaded before it was attached, got the triggers on attaching.
    await expect(
      deps.db.query('UPDATE invoice_line_p2026_12_r53_04 SET amount_rp = 0'),
    ).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
  });

  it('a JHT credit must name an existing line of its period', async () => {
    const l = await deps.db.query<{ id: number; participantId: number }>(
      `SELECT id, participant_id AS "participantId" FROM invoice_line WHERE period = '2026-12' ORDER BY id LIMIT 1`,
    );
    const { id, participantId } = l.rows[0]!;
    const credit = (lineId: number, period: string, regency = '53.04') =>
      deps.db.query(
        `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, period,
                                invoice_line_id, actor, at)
         VALUES ($1, $5, 'contribution', 100, '2026-12-20', 2026, $2, $3, 'test', $4)`,
        [participantId, period, lineId, deps.clock.now(), regency],
      );
    await expect(credit(id + 1_000_000, '2026-12')).rejects.toThrow(/is not an invoice line/);
    await expect(credit(id, '2026-11')).rejects.toThrow(/is not an invoice line/);
    await expect(credit(id, '2026-12', '53.03')).rejects.toThrow(
      /is not an invoice line of period 2026-12 in regency 53.03/,
    );
    // Checked per statement (0032): one missing line among good ones refuses them all.
    const before = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jht_entry');
    await expect(
      deps.db.query(
        `WITH l AS (SELECT * FROM invoice_line WHERE period = '2026-12' AND participant_id IS NOT NULL
                    ORDER BY id LIMIT 3)
         INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, period,
                                invoice_line_id, actor, at)
         SELECT participant_id, regency_code, 'contribution', 100, '2026-12-20', 2026, period,
                CASE WHEN id = (SELECT min(id) FROM l) THEN id + 1000000 ELSE id END, 'test', $1
         FROM l`,
        [deps.clock.now()],
      ),
    ).rejects.toThrow(/is not an invoice line/);
    expect((await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM jht_entry')).rows[0]!.n).toBe(
      before.rows[0]!.n,
    );
    await credit(id, '2026-12');
  });

  it('a line of a month without a partition waits in the default, and is moved when its month is made', async () => {
    const inv = await deps.db.query<{ id: number }>('SELECT min(id)::bigint AS id FROM invoice');
    const added = await deps.db.query<{ id: number; part: string }>(
      `INSERT INTO invoice_line (${LINE_COLUMNS})
       VALUES (${inv.rows[0]!.id}, '53.04', 7, '2027-06', 'JKK', 'participant', 'adjustment', 1, 'test')
       RETURNING id, tableoid::regclass::text AS part`,
    );
    expect(added.rows[0]!.part).toBe('invoice_line_default');
    expect(await ensureInvoiceLinePartitions(deps.db, ['2027-06'])).toBe(1);
    const now = await deps.db.query<{ part: string }>(
      'SELECT tableoid::regclass::text AS part FROM invoice_line WHERE id = $1',
      [added.rows[0]!.id],
    );
    expect(now.rows).toEqual([{ part: 'invoice_line_p2027_06_r53_04' }]);
    expect((await rowsByPartition(deps.db, 'invoice_line')).invoice_line_default).toBeUndefined();
    // The months between (the December run made up to 2027-02), then nothing left to make or settle.
    expect(await ensureInvoiceLinePartitions(deps.db, ['2026-11', '2027-06'])).toBe(3);
    expect(await ensureInvoiceLinePartitions(deps.db, ['2026-11', '2027-06'])).toBe(0);
    expect(await settleDefaultPartition(deps.db, 'invoice_line')).toBe(0);
  });

  it('an old month can be detached; the rest still reads and the detached table keeps its lines', async () => {
    await deps.db.exec('ALTER TABLE invoice_line DETACH PARTITION invoice_line_p2026_11');
    await deps.db.exec('ALTER TABLE invoice_line_p2026_11 RENAME TO invoice_line_archive_2026_11');
    const parts = await rowsByPartition(deps.db, 'invoice_line');
    expect(parts.invoice_line_p2026_11_r53_04).toBeUndefined();
    expect(parts.invoice_line_p2026_12_r53_04).toBe(runs.dec.lines);
    const archived = await deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM invoice_line_archive_2026_11',
    );
    expect(archived.rows[0]!.n).toBe(runs.nov.lines);
    const dec = await deps.db.query<{ s: number }>(
      `SELECT sum(l.amount_rp)::bigint AS s FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
       WHERE i.billing_run_id = $1`,
      [runs.dec.runId],
    );
    expect(dec.rows[0]!.s).toBe(runs.dec.totalRp);
    // A re-run of December still finds what it billed and issues nothing.
    const branch = await demoActor(deps, 'cabang.atambua');
    const again = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(again).toMatchObject({ runId: null, lines: 0 });
  });
});

describe('a regency’s month loaded before its indexes, then attached (0031)', () => {
  let deps: Deps;
  let t: TestDb;
  const line53 = (
    regency: string,
    period: string,
    amountRp: number,
    kind = 'contribution',
    source = 'NULL',
  ) =>
    `(1::bigint, '${regency}', ${kind === 'contribution' ? 7 : 'NULL'}::bigint, ${source}::bigint, '${period}', 'JKK',
      '${kind === 'contribution' ? 'participant' : 'employer'}', '${kind}', ${amountRp}::bigint, 'test')`;
  const COLUMNS =
    'invoice_id, regency_code, participant_id, source_invoice_id, period, program, payer_role, kind, amount_rp, basis';

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
    await ensureInvoiceLinePartitions(deps.db, ['2026-11', '2027-04']);
  });
  afterAll(async () => t?.drop());

  it('a first run fills the regency’s own partition, which has invoice_line’s indexes; a re-run adds to it', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    const first = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    expect(await partitionsOf(deps.db, 'invoice_line_p2026_11')).toEqual(['invoice_line_p2026_11_r53_04']);
    expect(await rowsByPartition(deps.db, 'invoice_line')).toEqual({
      invoice_line_p2026_11_r53_04: first.lines,
    });
    const idx = await deps.db.query<{ def: string }>(
      `SELECT regexp_replace(indexdef, '^.* USING ', '') AS def FROM pg_indexes
       WHERE tablename = 'invoice_line_p2026_11_r53_04' ORDER BY 1`,
    );
    expect(idx.rows.map((r) => r.def)).toEqual([
      'btree (id, period, regency_code)',
      'btree (invoice_id)',
      'btree (participant_id, period)',
      'btree (source_invoice_id) WHERE (source_invoice_id IS NOT NULL)',
    ]);
    // Ids come from invoice_line's own sequence, as lines written through it get.
    const ids = await deps.db.query<{ n: number; distinct: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT id)::int AS distinct FROM invoice_line',
    );
    expect(ids.rows[0]!.distinct).toBe(ids.rows[0]!.n);
    await enrolActive(deps, KEWAR, 10, { serialStart: 11 });
    const again = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-11' });
    expect(again.kind).toBe('adjustment');
    expect(await rowsByPartition(deps.db, 'invoice_line')).toEqual({
      invoice_line_p2026_11_r53_04: first.lines + again.lines,
    });
  });

  it('another regency’s month is a partition of its own', async () => {
    await deps.db.transaction(async (tx) => {
      const leaf = await beginRegencyLines(tx, '2026-11', '53.05');
      expect(leaf).toBe('invoice_line_p2026_11_r53_05');
      await tx.exec(`INSERT INTO ${leaf} (id, ${COLUMNS}) SELECT nextval('invoice_line_id_seq'), * FROM (VALUES
        ${line53('53.05', '2026-11', 10)}, ${line53('53.05', '2026-11', 11)}) v`);
      await attachRegencyLines(tx, '2026-11', '53.05');
    });
    expect((await rowsByPartition(deps.db, 'invoice_line')).invoice_line_p2026_11_r53_05).toBe(2);
    // Begun once: a second start of the same month writes through invoice_line.
    expect(await beginRegencyLines(deps.db, '2026-11', '53.05')).toBeNull();
  });

  it('a regency whose month got its partition first (a project premium) is billed through invoice_line', async () => {
    expect(await ensureRegencyPartitions(deps.db, ['2027-01'], '53.04')).toBe(1);
    expect(await ensureRegencyPartitions(deps.db, ['2027-01'], '53.04')).toBe(0);
    const premium = await deps.db.query<{ part: string }>(
      `INSERT INTO invoice_line (${COLUMNS}) VALUES ${line53('53.04', '2027-01', 5, 'project_premium')}
       RETURNING tableoid::regclass::text AS part`,
    );
    expect(premium.rows).toEqual([{ part: 'invoice_line_p2027_01_r53_04' }]);
    expect(await beginRegencyLines(deps.db, '2027-01', '53.04')).toBeNull();
    // Nor is a month without a partition yet loaded apart (its lines wait in invoice_line's DEFAULT).
    expect(await beginRegencyLines(deps.db, '2031-01', '53.04')).toBeNull();
  });

  it('a line of a split month whose regency has no partition is refused, not lost', async () => {
    await expect(
      deps.db.exec(
        `INSERT INTO invoice_line (${COLUMNS}) VALUES ${line53('53.05', '2027-02', 3, 'project_premium')}`,
      ),
    ).rejects.toThrow(/no partition/);
    expect(await relkinds(deps.db, ['invoice_line_p2027_02_r53_05'])).toEqual([null]);
  });

  it('a table begun and committed without its attach is attached by the next writer, its lines kept', async () => {
    const leaf = await beginRegencyLines(deps.db, '2027-04', '53.04'); // its own statement: committed unattached
    await deps.db.exec(`INSERT INTO ${leaf} (id, ${COLUMNS}) SELECT nextval('invoice_line_id_seq'), * FROM (VALUES
      ${line53('53.04', '2027-04', 4)}) v`);
    expect(await beginRegencyLines(deps.db, '2027-04', '53.04')).toBeNull();
    expect(await ensureRegencyPartitions(deps.db, ['2027-04'], '53.04')).toBe(1);
    expect((await rowsByPartition(deps.db, 'invoice_line')).invoice_line_p2027_04_r53_04).toBe(1);
    await expect(deps.db.query('DELETE FROM invoice_line_p2027_04_r53_04')).rejects.toMatchObject({
      code: 'APPEND_ONLY',
    });
  });

  it('a loaded line must keep invoice_line’s rules: a late fee names an invoice, bounds hold', async () => {
    const fee = deps.db.transaction(async (tx) => {
      const leaf = await beginRegencyLines(tx, '2027-03', '53.04');
      await tx.exec(`INSERT INTO ${leaf} (id, ${COLUMNS}) SELECT nextval('invoice_line_id_seq'), * FROM (VALUES
        ${line53('53.04', '2027-03', 9, 'late_fee', '999999999')}) v`);
      await attachRegencyLines(tx, '2027-03', '53.04');
    });
    await expect(fee).rejects.toThrow(/999999999 is not an invoice/);
    expect(await relkinds(deps.db, ['invoice_line_p2027_03_r53_04'])).toEqual([null]);
    const elsewhere = deps.db.transaction(async (tx) => {
      const leaf = await beginRegencyLines(tx, '2027-03', '53.04');
      await tx.exec(`INSERT INTO ${leaf} (id, ${COLUMNS}) SELECT nextval('invoice_line_id_seq'), * FROM (VALUES
        ${line53('53.05', '2027-03', 9)}) v`);
    });
    await expect(elsewhere).rejects.toThrow(/_bounds/);
    await expect(attachRegencyLines(deps.db, '2027-05', '53.04')).rejects.toThrow(/not a table begun/);
  });
});
