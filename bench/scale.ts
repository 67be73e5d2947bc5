import { activeBySource, OWN_PROVINCES, paidBySource } from '../src/db/federation.ts';
import { listParticipantsInScope } from '../src/db/participant-list.ts';
import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { attachNationalMember } from '../src/services/national/attach-member.ts';
import { nationalSummary } from '../src/services/national/national-summary.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { districtDashboard } from '../src/services/reports/district-dashboard.ts';
import { runBilling } from '../src/services/run-billing.ts';
import { type Baseline, checkedBaselines, phaseClock, REGENCY } from './billing.ts';
import { insertBillingPopulation } from './billing-population.ts';
import { dashboardReads, type ReadTime } from './dashboard-reads.ts';
import { fitGrowth, formula, predict } from './extrapolate.ts';
import { closeMonths, deltaRows, seedHistory } from './report-history.ts';
import { checkKeptSchema, type Kept, percentiles, type Target, table, targets, timed } from './targets.ts';

// npm run bench -- scale (issue 16 point 7), by hand, PostgreSQL only: for each size in
// SCALE_SIZES, one database of that many participants of one regency (the billing benchmark's
// population, with distinct names) with BENCH_HISTORY_YEARS of daily status history, billed for
// the 12 months of 2026, then the branch closes January–November. Printed per size: billing
// month 1 and month 12 against both raw baselines in the same run, the regency dashboard p95,
// the province summary p95, the national summary through postgres_fdw, lookup p95 by KPJ, NIK and
// name, the sizes of the big tables; then a growth curve fitted to the sizes and its value at
// 42 M participants — an extrapolation, not a measurement.

const SIZES = (process.env.SCALE_SIZES ?? '1000000,3000000,10000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const NATIONAL_RUNS = Number(process.env.SCALE_NATIONAL_RUNS ?? 10);
const LOOKUPS = 200;
const HISTORY_YEARS = Number(process.env.BENCH_HISTORY_YEARS ?? 10);
const FIRST_YEAR = 2026 - HISTORY_YEARS + 1;
const NATIONAL_SIZE = 42_000_000;
const AS_OF = '2026-12-20';
const NOW = '2026-12-21T02:00:00.000Z';
/**
 * The months of 2026 billed: all twelve, or SCALE_BILLED_MONTHS (e.g. "1,12" where the disk holds
 * two months of lines, not twelve: month 12 then lands beside one earlier month, not eleven).
 */
const BILLED = (process.env.SCALE_BILLED_MONTHS ?? '1,2,3,4,5,6,7,8,9,10,11,12').split(',').map(Number);
if (BILLED[0] !== 1 || BILLED.at(-1) !== 12 || BILLED.some((m, i) => i > 0 && m <= BILLED[i - 1]!))
  throw new Error('SCALE_BILLED_MONTHS: ascending month numbers from 1 to 12, e.g. "1,12"');
const MONTHS = BILLED.map((m) => `2026-${String(m).padStart(2, '0')}`);
/** The tables whose sizes are printed (and the whole database). */
const BIG_TABLES = ['person', 'participant', 'participant_status', 'invoice_line', 'audit_log'] as const;

interface BillingMonth {
  month: string;
  lines: number;
  runMs: number;
  shapedMs: number;
  bareMs: number;
}

interface Measured {
  n: number;
  billing: BillingMonth[];
  dashboardP95: number;
  /** The dashboard's reads, each alone (dashboard-reads.ts). */
  dashboardReads: ReadTime[];
  provinceP95: number;
  nationalP95: number | null;
  lookupP95: { kpj: number; nik: number; name: number; later: number };
  /** Bytes: total (with indexes and TOAST) and of the indexes, by table; and the database. */
  sizes: Record<string, { total: number; indexes: number }>;
  databaseBytes: number;
  wallMs: number;
}

const keptFor = (n: number): Kept => ({
  name: `bench_scale_${n}${HISTORY_YEARS === 10 ? '' : `_${HISTORY_YEARS}y`}`,
  reuse: process.env.BENCH_REUSE === '1',
  temporary: process.env.BENCH_REUSE !== '1' && process.env.BENCH_KEEP !== '1',
});

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(1)} ms`;
const mb = (bytes: number) => {
  const m = bytes / 1048576;
  return `${m < 10 ? m.toFixed(1) : Math.round(m).toLocaleString('en')} MB`;
};

/**
 * The run's contribution lines of `month` (its late fees on earlier months' employer invoices are
 * not what the baselines write), for the baselines' check.
 */
async function contributionLines(t: Target, month: string): Promise<{ lines: number; totalRp: number }> {
  const r = await t.db.query<{ lines: number; total: number }>(
    `SELECT count(*)::int AS lines, coalesce(sum(amount_rp), 0)::bigint AS total FROM invoice_line
     WHERE regency_code = $1 AND period = $2 AND kind = 'contribution'`,
    [REGENCY, month],
  );
  return { lines: r.rows[0]!.lines, totalRp: Number(r.rows[0]!.total) };
}

/**
 * The 12 billing runs, each on the 1st of its month; months 1 and 12 against both baselines. The
 * figures are kept in the database (bench_scale_billing), so that a reused database shows them.
 */
async function billYear(t: Target, n: number): Promise<BillingMonth[]> {
  await t.db.exec(`CREATE TABLE bench_scale_billing (month text PRIMARY KEY, lines int, run_ms float8,
    shaped_ms float8, bare_ms float8)`);
  const out: BillingMonth[] = [];
  for (const [i, month] of MONTHS.entries()) {
    const deps: Deps = { db: t.db, clock: fixedClock(`${month}-01T02:00:00.000Z`) };
    const phases = phaseClock();
    const run = await timed(() =>
      runBilling(deps, consoleActor(), {
        regencyCode: REGENCY,
        period: month,
        onProgress: phases.onProgress,
      }),
    );
    const end = performance.now();
    let line = `${n.toLocaleString('en')}: billed ${month}: ${run.value.lines.toLocaleString('en')} lines in ${secs(run.ms)}`;
    if (i === 0 || i === MONTHS.length - 1) {
      const lines = await contributionLines(t, month);
      const { shaped, bare }: { shaped: Baseline; bare: Baseline } = await checkedBaselines(t, lines, month);
      out.push({ month, lines: lines.lines, runMs: run.ms, shapedMs: shaped.ms, bareMs: bare.ms });
      line += ` (raw same shape ${secs(shaped.ms)}, bare ${secs(bare.ms)}); phases: ${phases.summary(end)}`;
      await t.db.query('INSERT INTO bench_scale_billing VALUES ($1, $2, $3, $4, $5)', [
        month,
        lines.lines,
        run.ms,
        shaped.ms,
        bare.ms,
      ]);
    }
    console.log(line);
  }
  await t.db.exec('DROP TABLE IF EXISTS raw_tariff, raw_bare_line, raw_invoice_line');
  return out;
}

/** A fresh database of n participants, history, a billed year and closed months. */
async function prepare(t: Target, n: number): Promise<BillingMonth[]> {
  await prepareDatabase(t.db, { provinces: ['53'] });
  await insertBillingPopulation(t.db, {
    name: n.toLocaleString('en'),
    regencyCode: REGENCY,
    participants: n,
    period: '2026-12',
    effectiveDate: `${FIRST_YEAR}-01-01`,
    at: NOW,
    distinctNames: true,
  });
  if (HISTORY_YEARS > 1) {
    const h = await timed(() =>
      t.db.transaction((tx) =>
        seedHistory(tx, {
          regencyCode: REGENCY,
          from: `${FIRST_YEAR}-01-01`,
          days: (HISTORY_YEARS - 1) * 365 - 31,
          at: NOW,
        }),
      ),
    );
    console.log(
      `${n.toLocaleString('en')}: ${HISTORY_YEARS} years of history, ${h.value.toLocaleString('en')} status changes, in ${secs(h.ms)}`,
    );
  }
  await t.db.query('VACUUM ANALYZE');
  const billing = await billYear(t, n);
  const c = await timed(async () => {
    await closeMonths(t.db, { regencyCode: REGENCY, from: `${FIRST_YEAR}-01`, through: '2026-11', at: NOW });
    await t.db.query('VACUUM ANALYZE');
  });
  console.log(
    `${n.toLocaleString('en')}: months ${FIRST_YEAR}-01..2026-11 closed in ${secs(c.ms)}; ` +
      `${(await deltaRows(t.db, REGENCY)).toLocaleString('en')} rows in participant_count_delta`,
  );
  return billing;
}

/** BENCH_REUSE: the kept database of this size, as prepare() left it; its billing figures from then. */
async function reuse(t: Target, n: number, name: string): Promise<BillingMonth[]> {
  const refuse = (why: string): never => {
    throw new Error(`BENCH_REUSE: database ${name} ${why}; prepare it again with BENCH_KEEP=1`);
  };
  await checkKeptSchema(t, name, refuse);
  const count = await t.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM participant WHERE regency_code = $1',
    [REGENCY],
  );
  if (count.rows[0]!.n !== n) refuse(`holds ${count.rows[0]!.n} participants, not ${n}`);
  const r = await t.db
    .query<BillingMonth>(
      `SELECT month, lines, run_ms AS "runMs", shaped_ms AS "shapedMs", bare_ms AS "bareMs"
       FROM bench_scale_billing ORDER BY month`,
    )
    .catch(() => refuse('has no billing figures (bench_scale_billing)'));
  if (r.rows.length !== 2) refuse('has no billing figures for months 1 and 12');
  console.log(
    `${n.toLocaleString('en')}: reusing ${name}; billing figures are those measured when it was prepared`,
  );
  return r.rows;
}

/** p95 of the app's participant search (GET /participants?search=) over LOOKUPS random participants. */
async function lookups(t: Target): Promise<Measured['lookupP95']> {
  const keys = (
    await t.db.query<{ id: number; kpj: string; nik: string; full_name: string }>(
      `SELECT pa.id, pa.kpj, p.nik, p.full_name FROM participant pa JOIN person p ON p.id = pa.person_id
       WHERE pa.regency_code = $1 ORDER BY random() LIMIT $2`,
      [REGENCY, LOOKUPS],
    )
  ).rows;
  const p95 = async (search: (k: (typeof keys)[number]) => string, mustFind: boolean) => {
    const page = (s: string) =>
      listParticipantsInScope(t.db, { scopes: ['*'], regionCode: null, search: s, limit: 50, afterId: null });
    await page(search(keys[0]!));
    const ms: number[] = [];
    for (const k of keys) {
      const r = await timed(() => page(search(k)));
      if (r.value.length === 0 || (mustFind && !r.value.some((x) => Number(x.id) === Number(k.id))))
        throw new Error(`lookup of "${search(k)}" did not find participant ${k.id}`);
      ms.push(r.ms);
    }
    ms.sort((a, b) => a - b);
    return ms[Math.ceil(0.95 * ms.length) - 1]!;
  };
  return {
    kpj: await p95((k) => k.kpj, true),
    nik: await p95((k) => k.nik, true),
    // A name's beginning, as someone types it: all but its last two letters (btree range).
    name: await p95((k) => k.full_name.slice(0, -2), false),
    // The same without the given name ("Naibuti A"): a family name's beginning (the btree of the
    // name after its first word, 0037; the trigram index before it).
    later: await p95((k) => k.full_name.slice(k.full_name.indexOf(' ') + 1, -2), false),
  };
}

/**
 * The national summary through postgres_fdw: a national database on the same server with this
 * size's database attached as its one member (loopback), p95 of NATIONAL_RUNS runs.
 */
async function national(t: Target, name: string): Promise<number> {
  const [nat] = await targets({ name: `${name}_national`, reuse: false, temporary: true });
  if (!nat) throw new Error('no national database');
  try {
    const deps: Deps = { db: nat.db, clock: fixedClock(NOW) };
    await prepareDatabase(nat.db, { provinces: ['53'] });
    await attachNationalMember(deps, consoleActor(), { name: 'NTT', url: t.url! });
    return (await percentiles(() => nationalSummary(deps, consoleActor(), { asOf: AS_OF }), NATIONAL_RUNS))
      .p95;
  } finally {
    await nat.drop();
  }
}

async function sizes(t: Target): Promise<Pick<Measured, 'sizes' | 'databaseBytes'>> {
  const r = await t.db.query<{ name: string; total: number; indexes: number; db: number }>(
    // A partitioned table holds nothing itself (invoice_line, 0029): its partitions are summed;
    // pg_partition_tree lists nothing for a plain table.
    `SELECT t AS name,
            coalesce((SELECT sum(pg_total_relation_size(p.relid)) FROM pg_partition_tree(t) p),
                     pg_total_relation_size(t))::float8 AS total,
            coalesce((SELECT sum(pg_indexes_size(p.relid)) FROM pg_partition_tree(t) p),
                     pg_indexes_size(t))::float8 AS indexes,
            pg_database_size(current_database())::float8 AS db
     FROM unnest($1::regclass[]) AS t`,
    [BIG_TABLES],
  );
  return {
    sizes: Object.fromEntries(r.rows.map((x) => [x.name, { total: x.total, indexes: x.indexes }])),
    databaseBytes: r.rows[0]!.db,
  };
}

async function measureSize(n: number): Promise<Measured> {
  const started = performance.now();
  const kept = keptFor(n);
  const [t] = await targets(kept);
  if (!t) throw new Error('no PostgreSQL');
  try {
    const billing = kept.reuse ? await reuse(t, n, kept.name) : await prepare(t, n);
    const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
    const actor = consoleActor();
    const dashboard = await percentiles(
      () => districtDashboard(deps, actor, { regencyCode: REGENCY, asOf: AS_OF }),
      RUNS,
    );
    const reads = await dashboardReads(deps, actor, { regencyCode: REGENCY, asOf: AS_OF }, RUNS);
    const province = await percentiles(
      async () => [
        await activeBySource(t.db, [OWN_PROVINCES], AS_OF),
        await paidBySource(t.db, [OWN_PROVINCES], { from: '2026-01-01', to: AS_OF }),
      ],
      RUNS,
    );
    console.log(
      `${n.toLocaleString('en')}: dashboard p95 ${msText(dashboard.p95)}, province summary p95 ${msText(province.p95)}`,
    );
    const nationalP95 = await national(t, kept.name).catch((e: Error) => {
      console.error(`${n.toLocaleString('en')}: national summary not measured: ${e.message}`);
      return null;
    });
    const lookupP95 = await lookups(t);
    const m: Measured = {
      n,
      billing,
      dashboardP95: dashboard.p95,
      dashboardReads: reads,
      provinceP95: province.p95,
      nationalP95,
      lookupP95,
      ...(await sizes(t)),
      wallMs: 0,
    };
    if (!kept.temporary)
      console.log(`${n.toLocaleString('en')}: kept as ${kept.name} (measure it again with BENCH_REUSE=1)`);
    m.wallMs = performance.now() - started;
    return m;
  } finally {
    await t.drop();
  }
}

function printTables(all: Measured[]): void {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log('\nbilling, seconds; raw baselines written into empty tables in the same run:');
  table([
    ['participants', 'lines/month', 'month', 'runBilling', 'raw, same shape', 'ratio', 'raw, bare', 'ratio'],
    ...all.flatMap((m) =>
      m.billing.map((b) => [
        m.n.toLocaleString('en'),
        b.lines.toLocaleString('en'),
        b.month,
        secs(b.runMs),
        secs(b.shapedMs),
        ratio(b.runMs, b.shapedMs),
        secs(b.bareMs),
        ratio(b.runMs, b.bareMs),
      ]),
    ),
  ]);
  console.log(
    `\nreads, p95: dashboard and province summary ${RUNS}×, national (postgres_fdw, loopback) ${NATIONAL_RUNS}×, lookups ${LOOKUPS} random keys each:`,
  );
  table([
    [
      'participants',
      'regency dashboard',
      'province summary',
      'national (fdw)',
      'KPJ',
      'NIK',
      'name prefix',
      'name, later part',
      'took',
    ],
    ...all.map((m) => [
      m.n.toLocaleString('en'),
      msText(m.dashboardP95),
      msText(m.provinceP95),
      m.nationalP95 === null ? 'failed' : msText(m.nationalP95),
      msText(m.lookupP95.kpj),
      msText(m.lookupP95.nik),
      msText(m.lookupP95.name),
      msText(m.lookupP95.later),
      `${(m.wallMs / 60000).toFixed(1)} min`,
    ]),
  ]);
  console.log(`\nthe regency dashboard's reads, each alone, p50 / p95 of ${RUNS}:`);
  table([
    ['participants', ...all[0]!.dashboardReads.map((r) => r.read)],
    ...all.map((m) => [
      m.n.toLocaleString('en'),
      ...m.dashboardReads.map((r) => `${msText(r.p50)} / ${msText(r.p95)}`),
    ]),
  ]);
  console.log('\nsizes, total (of which indexes):');
  table([
    ['participants', ...BIG_TABLES, 'database'],
    ...all.map((m) => [
      m.n.toLocaleString('en'),
      ...BIG_TABLES.map((x) => `${mb(m.sizes[x]!.total)} (${mb(m.sizes[x]!.indexes)})`),
      mb(m.databaseBytes),
    ]),
  ]);
  extrapolation(all);
}

/** Each figure's growth curve over the sizes measured, and its value at 42 M. */
function extrapolation(all: Measured[]): void {
  const at = NATIONAL_SIZE.toLocaleString('en');
  const billing = (i: 0 | 1, k: keyof BillingMonth) => (m: Measured) =>
    Number(m.billing[i]?.[k] ?? NaN) / 1000;
  const series: [string, string, (m: Measured) => number | null, (y: number) => string][] = [
    ['billing month 1', 's', billing(0, 'runMs'), (y) => `${y.toFixed(0)} s`],
    ['billing month 12', 's', billing(1, 'runMs'), (y) => `${y.toFixed(0)} s`],
    ['raw same shape, month 12', 's', billing(1, 'shapedMs'), (y) => `${y.toFixed(0)} s`],
    ['raw bare, month 12', 's', billing(1, 'bareMs'), (y) => `${y.toFixed(0)} s`],
    ['regency dashboard p95', 'ms', (m) => m.dashboardP95, msText],
    ['province summary p95', 'ms', (m) => m.provinceP95, msText],
    ['national (fdw) p95', 'ms', (m) => m.nationalP95, msText],
    ['KPJ lookup p95', 'ms', (m) => m.lookupP95.kpj, msText],
    ['NIK lookup p95', 'ms', (m) => m.lookupP95.nik, msText],
    ['name lookup p95', 'ms', (m) => m.lookupP95.name, msText],
    ['name (later part) lookup p95', 'ms', (m) => m.lookupP95.later, msText],
    ['invoice_line size', 'MB', (m) => m.sizes.invoice_line!.total / 1048576, (y) => mb(y * 1048576)],
    ['database size', 'MB', (m) => m.databaseBytes / 1048576, (y) => mb(y * 1048576)],
  ];
  console.log(
    `\nextrapolation to ${at} participants in one database — NOT measured: a curve fitted to the sizes above ` +
      '(a + b·N or a + b·N·ln N, least squares, the closer fit; with two sizes both fit exactly and the linear one is shown):',
  );
  const rows = [['figure', 'curve', 'fitted formula (N participants)', 'rms residual', `at ${at}`]];
  for (const [name, unit, get, show] of series) {
    const points = all.flatMap((m) => {
      const y = get(m);
      return y === null || Number.isNaN(y) ? [] : [{ n: m.n, y }];
    });
    const g = fitGrowth(points);
    rows.push(
      g
        ? [
            name,
            g.model,
            formula(g, unit),
            g.rms.toPrecision(2),
            // A figure that fell between the sizes is noise, not growth: no value at 42 M.
            g.b < 0 ? 'falls with N: noise' : show(predict(g, NATIONAL_SIZE)),
          ]
        : [name, '-', 'needs two sizes or more', '-', '-'],
    );
  }
  table(rows);
}

export async function run(): Promise<void> {
  console.log(
    `\nscale: sizes ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} (SCALE_SIZES) on PostgreSQL, one regency each, ` +
      `${HISTORY_YEARS} years of status history (BENCH_HISTORY_YEARS), billed ${BILLED.length === 12 ? 'January–December' : `months ${BILLED.join(', ')} of`} 2026 (SCALE_BILLED_MONTHS); ` +
      `a database per size (bench_scale_N; BENCH_KEEP=1 keeps it, BENCH_REUSE=1 measures a kept one again)\n`,
  );
  if (!(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)) {
    console.error('scale: PostgreSQL only; set BENCH_DATABASE_URL=postgres://…');
    process.exitCode = 2;
    return;
  }
  const all: Measured[] = [];
  for (const n of SIZES) {
    try {
      all.push(await measureSize(n));
    } catch (e) {
      console.error(`${n.toLocaleString('en')}: failed: ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
  if (all.length) printTables(all);
}
