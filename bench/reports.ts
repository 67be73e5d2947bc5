import { arrearsByPayer } from '../src/db/arrears.ts';
import { activeByMonth, areaRegions, countsAsOf, moneyByPeriod } from '../src/db/report-counts.ts';
import type { Queryable } from '../src/db/types.ts';
import type { Deps } from '../src/services/actor.ts';
import { budgetUse } from '../src/services/budget-use.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { branchReport } from '../src/services/reports/branch-report.ts';
import { districtDashboard } from '../src/services/reports/district-dashboard.ts';
import { insertBulkParticipants } from '../test/support/bulk-participants.ts';
import { closeMonths, deltaRows, seedHistory } from './report-history.ts';
import { checkKeptSchema, type Kept, percentiles, type Target, table, targets, timed } from './targets.ts';

// npm run bench -- reports: the regency dashboard's queries over PARTICIPANTS village workers with
// HISTORY_YEARS of daily status history (the last year with 12 months of invoices and payments),
// p50/p95 of RUNS runs each, on PGlite and PostgreSQL; beside each, a plain baseline over the same
// rows in the same run. The count queries run twice: with no month closed (every delta summed) and
// with every month closed through November (a snapshot plus the deltas after it, 0023).

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const HISTORY_YEARS = Number(process.env.BENCH_HISTORY_YEARS ?? 10);
const FIRST_YEAR = 2026 - HISTORY_YEARS + 1;
const REGENCY = '53.04';
const AS_OF = '2026-12-20';
const NOW = '2026-12-21T02:00:00.000Z';
const SCOPE = { regencyCode: REGENCY, asOf: AS_OF, scopes: ['*'] };
// BENCH_KEEP=1 prepares a PostgreSQL database named for its size and keeps it; BENCH_REUSE=1 only
// measures one prepared so (docs/reports.md "Benchmark"): a set-up of half an hour, run once.
const KEPT: Kept | undefined =
  process.env.BENCH_REUSE === '1' || process.env.BENCH_KEEP === '1'
    ? {
        name: `bench_reports_${PARTICIPANTS}${HISTORY_YEARS === 10 ? '' : `_${HISTORY_YEARS}y`}`,
        reuse: process.env.BENCH_REUSE === '1',
      }
    : undefined;

/**
 * A year of history and money, set-based: every 20th worker lapses in a month of the year, every
 * 60th of those ends; one invoice per payer per month (Rp16,800 a worker), paid through October.
 */
async function seedYear(q: Queryable): Promise<void> {
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT id, regency_code, CASE WHEN id % 60 = 0 THEN 'ended' ELSE 'lapsed' END,
            make_date(2026, 2 + (id % 11)::int, 1), 'bench', 'bench', $2::timestamptz
     FROM participant WHERE regency_code = $1 AND id % 20 = 0`,
    [REGENCY, NOW],
  );
  await q.query(
    `INSERT INTO billing_run (regency_code, period, rules_version, kind, participants, lines, total_rp, actor, at)
     SELECT $1, to_char(make_date(2026, m, 1), 'YYYY-MM'), 'bench', 'regular', 0, 0, 0, 'bench', $2::timestamptz
     FROM generate_series(1, 12) m`,
    [REGENCY, NOW],
  );
  await q.query(
    `INSERT INTO invoice (number, payer_id, regency_code, period, billing_run_id, kind, issued_at, due_date, total_rp)
     SELECT 'BENCH/' || r.period || '/' || w.payer_id, w.payer_id, $1, r.period, r.id, 'regular', $2::timestamptz,
            (r.period || '-15')::date + interval '1 month', w.n * 16800
     FROM billing_run r
     CROSS JOIN (SELECT payer_id, count(*) AS n FROM participant WHERE regency_code = $1 GROUP BY payer_id) w
     WHERE r.regency_code = $1`,
    [REGENCY, NOW],
  );
  await q.query(
    `INSERT INTO payment (payer_id, regency_code, amount_rp, received_on, reference, idempotency_key, request_hash,
       posted_at, actor)
     SELECT payer_id, $1, total_rp, due_date - 3, number, 'bench-' || id, 'bench', $2::timestamptz, 'bench'
     FROM invoice WHERE regency_code = $1 AND period <= '2026-10'`,
    [REGENCY, NOW],
  );
  await q.query(
    `INSERT INTO payment_allocation (payment_id, invoice_id, amount_rp, at)
     SELECT m.id, i.id, m.amount_rp, $1::timestamptz FROM payment m JOIN invoice i ON i.number = m.reference`,
    [NOW],
  );
}

interface Query {
  name: string;
  run: () => Promise<unknown>;
  baselineName: string;
  baseline: (() => Promise<unknown>) | null;
  /** Fewer runs for a query or baseline too slow to repeat RUNS times (its p95 is then nearly its maximum). */
  runs?: number;
  baselineRuns?: number;
  /** Fewer runs with no month closed, where the query sums ten years of deltas (seconds a run). */
  unclosedRuns?: number;
}

function queries(deps: Deps): Query[] {
  const q = deps.db;
  const actor = consoleActor();
  return [
    {
      name: 'areas: counts as of date',
      run: async () => [await countsAsOf(q, SCOPE), await areaRegions(q, SCOPE)],
      baselineName: 'GROUP BY today’s status over participant',
      baseline: () =>
        q.query(
          `SELECT region_code, segment, funding_source, status, count(*) FROM participant WHERE regency_code = $1
           GROUP BY 1, 2, 3, 4`,
          [REGENCY],
        ),
    },
    {
      name: 'trends: active at 12 month ends',
      run: () => activeByMonth(q, SCOPE),
      baselineName: 'active on 1 date from participant_status',
      baseline: () =>
        q.query(
          `SELECT count(*) FROM (SELECT DISTINCT ON (participant_id) status FROM participant_status
             WHERE regency_code = $1 AND effective_date <= $2 ORDER BY participant_id, effective_date DESC, id DESC) s
           WHERE status = 'active'`,
          [REGENCY, AS_OF],
        ),
      baselineRuns: 3,
    },
    {
      name: 'trends: invoiced and paid by month',
      run: () => moneyByPeriod(q, SCOPE),
      baselineName: 'sum(total_rp) of invoices by period',
      baseline: () =>
        q.query(`SELECT period, sum(total_rp) FROM invoice WHERE regency_code = $1 GROUP BY period`, [
          REGENCY,
        ]),
    },
    {
      name: 'arrears ageing',
      run: () => arrearsByPayer(q, { asOf: AS_OF, scopes: ['*'], regencyCode: REGENCY }),
      baselineName: 'sum(total_rp) of invoices',
      baseline: () => q.query(`SELECT sum(total_rp) FROM invoice WHERE regency_code = $1`, [REGENCY]),
    },
    {
      name: 'budget use (budget-use.ts)',
      run: () => budgetUse(deps, actor, { regencyCode: REGENCY, fiscalYear: 2026 }),
      baselineName: 'count of active BPU participants',
      baseline: () =>
        q.query(
          `SELECT count(*) FROM participant WHERE regency_code = $1 AND segment = 'BPU' AND status = 'active'`,
          [REGENCY],
        ),
    },
    {
      name: 'branch report (participants part)',
      run: () => branchReport(deps, actor, { regencyCode: REGENCY, from: '2026-01-01', to: AS_OF }),
      baselineName: 'count(*) of participant',
      baseline: () => q.query(`SELECT count(*) FROM participant WHERE regency_code = $1`, [REGENCY]),
    },
    {
      name: 'whole district dashboard',
      // RUNS with the months closed: the target is its p95, which 5 runs would only give as a maximum.
      unclosedRuns: 5,
      run: () => districtDashboard(deps, actor, { regencyCode: REGENCY, asOf: AS_OF }),
      baselineName: '-',
      baseline: null,
    },
  ];
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** The count queries, the ones a long history slows down without snapshots. */
const COUNT_QUERIES = [
  'areas: counts as of date',
  'trends: active at 12 month ends',
  'whole district dashboard',
];

async function measureQueries(list: Query[], unclosed: boolean, dbName: string, rows: string[][]) {
  for (const query of list) {
    const runs = (unclosed ? query.unclosedRuns : undefined) ?? query.runs ?? RUNS;
    const r = await percentiles(query.run, runs);
    const b = query.baseline ? await percentiles(query.baseline, query.baselineRuns ?? RUNS) : null;
    rows.push([
      dbName,
      `${query.name}${unclosed ? ', no month closed' : ''} (${runs}×)`,
      fmt(r.p50),
      fmt(r.p95),
      query.baselineName,
      b ? fmt(b.p50) : '-',
      b ? fmt(b.p95) : '-',
    ]);
  }
}

/** Participants, history and a year of money in `t`, once; returns how many status changes came before 2026. */
async function seed(t: Target): Promise<number> {
  await prepareDatabase(t.db, { provinces: ['53'] });
  let history = 0;
  const setup = await timed(async () => {
    await t.db.transaction((tx) =>
      insertBulkParticipants(tx, {
        regencyCode: REGENCY,
        count: PARTICIPANTS,
        effectiveDate: `${FIRST_YEAR}-01-01`,
        at: NOW,
      }),
    );
    if (HISTORY_YEARS > 1)
      history = await t.db.transaction((tx) =>
        seedHistory(tx, {
          regencyCode: REGENCY,
          from: `${FIRST_YEAR}-01-01`,
          days: (HISTORY_YEARS - 1) * 365 - 31,
          at: NOW,
        }),
      );
    await t.db.transaction((tx) => seedYear(tx));
  });
  console.log(
    `${t.name}: ${PARTICIPANTS.toLocaleString('en')} participants, ${HISTORY_YEARS} years of history ` +
      `(${history.toLocaleString('en')} status changes before 2026, ` +
      `${(await deltaRows(t.db, REGENCY)).toLocaleString('en')} rows in participant_count_delta) in ${(setup.ms / 1000).toFixed(1)} s`,
  );
  // Vacuumed as well as analysed: a bulk load leaves autovacuum work (and no visibility map for the
  // index-only scans) that would otherwise run during the measurement, the larger the more participants.
  await t.db.query('VACUUM ANALYZE');
  return history;
}

async function closeAll(t: Target): Promise<void> {
  const closing = await timed(() =>
    closeMonths(t.db, { regencyCode: REGENCY, from: `${FIRST_YEAR}-01`, through: '2026-11', at: NOW }),
  );
  console.log(
    `${t.name}: months ${FIRST_YEAR}-01..2026-11 closed (snapshots written) in ${(closing.ms / 1000).toFixed(1)} s`,
  );
  await t.db.query('VACUUM ANALYZE');
}

/**
 * BENCH_REUSE: the kept database must be what this run would have prepared — the same migrations
 * (pending ones applied only with BENCH_MIGRATE=1), the same number of participants and history,
 * and every month closed — or the figures would not be comparable.
 */
async function checkKept(t: Target, name: string): Promise<void> {
  const refuse = (why: string) => {
    throw new Error(`BENCH_REUSE: database ${name} ${why}; prepare it again with BENCH_KEEP=1`);
  };
  const known = await checkKeptSchema(t, name, refuse);
  const shape = (
    await t.db.query<{ n: number; first: string | null; closed: number }>(
      `SELECT (SELECT count(*)::int FROM participant WHERE regency_code = $1) AS n,
              (SELECT min(effective_date)::text FROM participant_status WHERE regency_code = $1) AS first,
              (SELECT count(*)::int FROM period_close WHERE regency_code = $1 AND period <= '2026-11') AS closed`,
      [REGENCY],
    )
  ).rows[0]!;
  if (shape.n !== PARTICIPANTS)
    refuse(`holds ${shape.n} participants, not ${PARTICIPANTS} (BENCH_PARTICIPANTS)`);
  if (shape.first !== `${FIRST_YEAR}-01-01`)
    refuse(`history starts ${shape.first}, not ${FIRST_YEAR}-01-01 (BENCH_HISTORY_YEARS)`);
  if (shape.closed !== HISTORY_YEARS * 12 - 1)
    refuse(`has ${shape.closed} months closed, not ${HISTORY_YEARS * 12 - 1}`);
  console.log(`${t.name}: reusing ${name} (schema ${known.at(-1)?.version}, set-up skipped)`);
}

async function measure(t: Target, rows: string[][]): Promise<void> {
  const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
  const all = queries(deps);
  if (KEPT?.reuse) await checkKept(t, KEPT.name);
  else {
    await seed(t);
    // A kept database is left with its months closed: the figures without them need a fresh run.
    if (!KEPT)
      await measureQueries(
        all.filter((x) => COUNT_QUERIES.includes(x.name)),
        true,
        t.name,
        rows,
      );
    await closeAll(t);
    if (KEPT) console.log(`${t.name}: kept as ${KEPT.name} (measure it again with BENCH_REUSE=1)`);
  }
  await measureQueries(all, false, t.name, rows);
}

export async function run(): Promise<void> {
  console.log(
    `\nreports: dashboard queries over ${PARTICIPANTS.toLocaleString('en')} participants (BENCH_PARTICIPANTS), ` +
      `${HISTORY_YEARS} years of status history (BENCH_HISTORY_YEARS) and 12 months of invoices, ${RUNS} runs each ` +
      `(BENCH_RUNS); target p95 ≤ 50 ms on PostgreSQL\n`,
  );
  const rows: string[][] = [['database', 'query', 'p50', 'p95', 'baseline', 'p50', 'p95']];
  const list = await targets(KEPT).catch((e: Error) => {
    // A kept database that is missing: said plainly, and the run fails.
    console.error(e.message);
    process.exitCode = 1;
    return [];
  });
  for (const t of list) {
    try {
      await measure(t, rows);
    } catch (e) {
      console.error(`${t.name}: failed: ${(e as Error).message}`);
      rows.push([t.name, 'failed', '-', '-', '-', '-', '-']);
      process.exitCode = 1;
    } finally {
      await t.drop().catch(() => undefined);
    }
  }
  table(rows);
}
