import type { Queryable } from '../src/db/types.ts';
import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { renewBudgetYear } from '../src/services/renew-budget-year.ts';
import { insertBulkParticipants } from '../test/support/bulk-participants.ts';
import { onEveryTarget, type Target, timed } from './targets.ts';

// npm run bench -- renewal [--workers=N] [--quick]: the district renews a regency's whole
// village-funded cohort of 2025 into 2026 (services/renew-budget-year.ts: age, quota and pagu
// re-checked, the left-out listed, one audited transaction) against a raw INSERT … SELECT of the
// same rows (the cohort joined to its payer's 2026 allocation, the same workers left out), into a
// copy of membership_year (LIKE … INCLUDING ALL: columns, primary key, index) and into a bare
// 5-column table without key or index.

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = process.argv.includes('--quick');
const WORKERS = Number(arg('workers') ?? process.env.BENCH_RENEWAL_WORKERS ?? (QUICK ? 20_000 : 1_000_000));
const REGENCY = '53.04';
/** Renewed before the year ends: the cover of 2025 still runs, nothing expires. */
const NOW = '2025-12-15T02:00:00.000Z';
/** Every this-many-th worker is born in 1958 (66 on 1 January 2026): left out as aged out. */
const OLD_EVERY = 1000;

/**
 * The 2025 cohort: bulk village workers (active from 2025-01-01), a 2025 and a 2026 agreement with
 * an allocation per payer for each year (quota = its workers, pagu = 12 months at Rp16,800), and a
 * 2025 membership year row per worker. Set-based; not timed.
 */
async function cohort(q: Queryable) {
  await insertBulkParticipants(q, {
    regencyCode: REGENCY,
    count: WORKERS,
    effectiveDate: '2025-01-01',
    at: NOW,
  });
  await q.query(
    `UPDATE person SET birth_date = date '1958-06-01' WHERE id IN (
       SELECT person_id FROM participant WHERE regency_code = $1 AND id % $2 = 0)`,
    [REGENCY, OLD_EVERY],
  );
  await q.query(
    `INSERT INTO agreement (number, title, regency_code, office_code, signed_on, valid_from, valid_to, signatories,
       legal_basis, created_at, created_by)
     SELECT 'PKS/BENCH/' || y, 'bench ' || y, $1, (SELECT office_code FROM office_region WHERE region_code = $1 LIMIT 1),
            make_date(y - 1, 12, 1), make_date(y, 1, 1), make_date(y, 12, 31), '[]'::jsonb, ARRAY['bench'], $2, 'bench'
     FROM unnest(ARRAY[2025, 2026]) AS y`,
    [REGENCY, NOW],
  );
  await q.query(
    `INSERT INTO budget_allocation (agreement_id, payer_id, funding_source, fiscal_year, amount_rp, quota_workers)
     SELECT g.id, w.payer_id, min(w.funding_source), extract(year FROM g.valid_from)::int, count(*) * 16800 * 12, count(*)
     FROM participant w CROSS JOIN agreement g
     WHERE w.regency_code = $1 AND g.number LIKE 'PKS/BENCH/%'
     GROUP BY g.id, w.payer_id, g.valid_from`,
    [REGENCY],
  );
  await q.query(
    `INSERT INTO membership_year (participant_id, fiscal_year, regency_code, allocation_id)
     SELECT pa.id, 2025, pa.regency_code, a.id
     FROM participant pa JOIN budget_allocation a ON a.payer_id = pa.payer_id AND a.fiscal_year = 2025
     WHERE pa.regency_code = $1 ORDER BY pa.id`,
    [REGENCY],
  );
}

const RAW_TABLES = `CREATE TABLE raw_bare_year (participant_id bigint, fiscal_year int, regency_code text,
  allocation_id bigint, renewal_id bigint);
CREATE TABLE raw_membership_year (LIKE membership_year INCLUDING ALL)`;
/** The same rows the renewal writes: the 2025 cohort under 66 on 1 January 2026, with its payer's 2026 allocation. */
const RAW_ROWS = `SELECT my.participant_id, 2026, my.regency_code, a.id, 0
  FROM membership_year my
  JOIN participant pa ON pa.id = my.participant_id
  JOIN person pe ON pe.id = pa.person_id
  JOIN budget_allocation a ON a.payer_id = pa.payer_id AND a.fiscal_year = 2026
  WHERE my.regency_code = $1 AND my.fiscal_year = 2025 AND pe.birth_date > date '1960-01-01'
  ORDER BY my.participant_id`;

async function rawInto(t: Target, name: string): Promise<{ ms: number; rows: number }> {
  const { ms } = await timed(() => t.db.query(`INSERT INTO ${name} ${RAW_ROWS}`, [REGENCY]));
  const r = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
  return { ms, rows: r.rows[0]!.n };
}

async function measure(t: Target, rows: string[][]): Promise<void> {
  const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
  await prepareDatabase(t.db, { provinces: ['53'] });
  const setup = await timed(() => t.db.transaction((tx) => cohort(tx)));
  console.log(
    `${t.name}: ${WORKERS.toLocaleString('en')} village workers of 2025 generated in ${(setup.ms / 1000).toFixed(1)} s`,
  );
  await t.db.query('ANALYZE');
  const run = await timed(() =>
    renewBudgetYear(deps, consoleActor(), { regencyCode: REGENCY, fromYear: 2025, confirm: true }),
  );
  await t.db.exec(RAW_TABLES);
  const bare = await rawInto(t, 'raw_bare_year');
  const shaped = await rawInto(t, 'raw_membership_year');
  const renewed = run.value.totals.renewed;
  for (const [name, base] of [
    ['same-shape', shaped],
    ['bare', bare],
  ] as const)
    if (base.rows !== renewed)
      throw new Error(`${name} baseline wrote ${base.rows} rows, the renewal ${renewed}`);
  const left = WORKERS - renewed;
  if (left !== run.value.totals.agedOut)
    throw new Error(`left out ${left}, aged out ${run.value.totals.agedOut}`);
  rows.push([
    t.name,
    WORKERS.toLocaleString('en'),
    renewed.toLocaleString('en'),
    left.toLocaleString('en'),
    `${(run.ms / 1000).toFixed(2)} s`,
    Math.round(WORKERS / (run.ms / 1000)).toLocaleString('en'),
    `${(shaped.ms / 1000).toFixed(2)} s`,
    `${(run.ms / shaped.ms).toFixed(2)}×`,
    `${(bare.ms / 1000).toFixed(2)} s`,
    `${(run.ms / bare.ms).toFixed(2)}×`,
  ]);
}

export async function run(): Promise<void> {
  console.log(
    `\nbudget-year renewal: ${WORKERS.toLocaleString('en')} village workers of 2025 into 2026 (--workers=N, --quick), ` +
      `against one raw INSERT … SELECT of the same rows, into a table of membership_year's shape (same columns, ` +
      `primary key and index) and into a bare 5-column table without index\n`,
  );
  await onEveryTarget(
    [
      'database',
      'workers',
      'renewed',
      'left out',
      'renewal',
      'workers/s',
      'raw, same shape',
      'ratio',
      'raw, bare',
      'ratio',
    ],
    `${WORKERS.toLocaleString('en')} workers`,
    measure,
  );
}
