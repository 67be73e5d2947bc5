import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { runBilling } from '../src/services/run-billing.ts';
import { BILLING_HEADER, baselinesRow, NOW, PERIOD, phaseClock, REGENCY } from './billing.ts';
import { checkMixedBilling } from './mixed-expected.ts';
import { insertMixedPopulation } from './mixed-population.ts';
import { MIXED_SPLIT, splitPopulation } from './mixed-split.ts';
import { onEveryTarget, type Target, table, timed } from './targets.ts';

// npm run bench -- billing-mixed: the billing run of one period over a regency's whole mix of
// participants (bench/mixed-population.ts), its lines and rupiah checked per group against the
// rates applied by hand in SQL (bench/mixed-expected.ts), then both raw baselines of billing.ts.

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1_000_000);
const rp = (n: number) => n.toLocaleString('en');

async function measure(t: Target, rows: string[][]): Promise<void> {
  const deps: Deps = { db: t.db, clock: fixedClock(NOW) };
  await prepareDatabase(t.db, { provinces: ['53'] });
  const split = splitPopulation(PARTICIPANTS);
  const setup = await timed(() =>
    insertMixedPopulation(deps, consoleActor(), split, {
      regencyCode: REGENCY,
      period: PERIOD,
      effectiveDate: '2026-11-01',
      at: NOW,
    }),
  );
  console.log(
    `${t.name}: ${rp(PARTICIPANTS)} participants (${setup.value.projects} Jakon projects) generated in ` +
      `${(setup.ms / 1000).toFixed(1)} s (${setup.value.steps.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join(', ')})`,
  );
  await t.db.query('ANALYZE');
  const phases = phaseClock();
  const run = await timed(() =>
    runBilling(deps, consoleActor(), { regencyCode: REGENCY, period: PERIOD, onProgress: phases.onProgress }),
  );
  console.log(`${t.name}: runBilling phases: ${phases.summary(performance.now())}`);
  const groups = await checkMixedBilling(t.db, REGENCY, PERIOD);
  const sum = (f: (g: (typeof groups)[number]) => number) => groups.reduce((s, g) => s + f(g), 0);
  const total = {
    group: 'total',
    participants: sum((g) => g.participants),
    expectedLines: sum((g) => g.expectedLines),
    expectedRp: sum((g) => g.expectedRp),
    billedLines: sum((g) => g.billedLines),
    billedRp: sum((g) => g.billedRp),
  };
  console.log(`\n${t.name}: ${PERIOD} billed per group, against the rates applied by hand in SQL`);
  table([
    ['group', 'participants', 'lines (rules)', 'Rp (rules)', 'lines billed', 'Rp billed', 'check'],
    ...[...groups, total].map((g) => [
      g.group,
      rp(g.participants),
      rp(g.expectedLines),
      rp(g.expectedRp),
      rp(g.billedLines),
      rp(g.billedRp),
      g.expectedLines === g.billedLines && g.expectedRp === g.billedRp ? 'ok' : 'DIFFERS',
    ]),
  ]);
  const runMatches = run.value.lines === total.expectedLines && run.value.totalRp === total.expectedRp;
  console.log(
    `${t.name}: check: the run reports ${rp(run.value.lines)} lines, Rp ${rp(run.value.totalRp)}; ` +
      `the rules give ${rp(total.expectedLines)} lines, Rp ${rp(total.expectedRp)}: ${runMatches ? 'equal' : 'DIFFERENT'}\n`,
  );
  const premiums = await t.db.query<{ n: number; total: number; projects: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(total_rp), 0)::bigint AS total,
            (SELECT count(*)::int FROM construction_project WHERE regency_code = $1) AS projects
     FROM invoice WHERE regency_code = $1 AND project_id IS NOT NULL`,
    [REGENCY],
  );
  const pr = premiums.rows[0]!;
  console.log(
    `${t.name}: Jakon: ${rp(pr.projects)} projects, their premium on ${rp(pr.n)} invoices of their own ` +
      `(Rp ${rp(Number(pr.total))}, issued at registration); budget gate: ${run.value.notBilled.length} payers not billed, ` +
      `${run.value.warnings.length} budget warnings\n`,
  );
  if (!runMatches || groups.some((g) => g.expectedLines !== g.billedLines || g.expectedRp !== g.billedRp))
    throw new Error('the run did not bill what the rules give (table above)');
  await baselinesRow(t, PARTICIPANTS, run, rows);
}

export async function run(): Promise<void> {
  const split = splitPopulation(PARTICIPANTS);
  console.log(
    `\nbilling run, mixed population: ${rp(PARTICIPANTS)} participants (BENCH_PARTICIPANTS), period ${PERIOD}, ` +
      `against one raw INSERT … SELECT of the same lines into a table of invoice_line's shape and into a bare table\n`,
  );
  table([
    ['group', 'share', 'participants'],
    ...MIXED_SPLIT.map((s) => [s.label, `${s.perMille / 10}%`, rp(split[s.group])]),
  ]);
  console.log('');
  await onEveryTarget(BILLING_HEADER, `${rp(PARTICIPANTS)} participants`, measure);
}
