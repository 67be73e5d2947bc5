// Per-statement timings of one billing run (for tuning; not part of `npm run bench`). PostgreSQL
// only: the population is built once into a kept database (bench_billing_profile_N), and each
// run is rolled back, so the next one bills the same month again.
//   BENCH_DATABASE_URL=postgres://… BENCH_PARTICIPANTS=1000000 npx tsx bench/billing-profile.ts
// BENCH_EXPLAIN=<regex> runs the statements it matches as EXPLAIN (ANALYZE, BUFFERS) and prints their
// plans: for writes and temporary tables only (an EXPLAIN ANALYZE of a write does the write; a
// statement whose rows the run reads gets none back).

import type { Queryable } from '../src/db/types.ts';
import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { runBilling } from '../src/services/run-billing.ts';
import { NOW, PARTICIPANTS, PERIOD, preparePopulation, REGENCY } from './billing.ts';
import { targets } from './targets.ts';
import { withTransactions } from './wrapped-transactions.ts';

function timedQueries(q: Queryable, log: string[]): Queryable {
  const mark = async <T>(what: string, fn: () => Promise<T>) => {
    const t = performance.now();
    const r = await fn();
    log.push(
      `${(performance.now() - t).toFixed(0).padStart(6)} ms  ${what.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
    return r;
  };
  const explain = process.env.BENCH_EXPLAIN ? new RegExp(process.env.BENCH_EXPLAIN) : null;
  return {
    query: (sql, params) =>
      mark(sql, async () => {
        if (!explain?.test(sql)) return q.query(sql, params);
        const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        log.push(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
        return { rows: [], rowCount: 0 };
      }) as never,
    exec: (sql) => mark(sql, () => q.exec(sql)),
    copyIn: (target, data) => mark(`COPY ${target}`, () => q.copyIn(target, data)),
    copyInFile: (target, path) => q.copyInFile(target, path),
    copyOut: (query, path) => q.copyOut(query, path),
  };
}

class RolledBack extends Error {}

const [t] = await targets({
  name: `bench_billing_profile_${PARTICIPANTS}`,
  reuse: process.env.BENCH_REUSE === '1',
});
if (t?.name !== 'PostgreSQL') throw new Error('set BENCH_DATABASE_URL=postgres://…');
try {
  if (process.env.BENCH_REUSE !== '1') await preparePopulation(t);
  for (let run = 1; run <= Number(process.env.RUNS ?? 2); run++) {
    const log: string[] = [];
    const db = withTransactions(t.db, async (tx, fn) => {
      await fn(timedQueries(tx, log));
      throw new RolledBack();
    });
    const deps: Deps = { db, clock: fixedClock(NOW) };
    const t0 = performance.now();
    await runBilling(deps, consoleActor(), { regencyCode: REGENCY, period: PERIOD }).catch((e) => {
      if (!(e instanceof RolledBack)) throw e;
    });
    console.log(`\nrun ${run}: ${(performance.now() - t0).toFixed(0)} ms (rolled back)`);
    console.log(log.filter((l) => !/^\s+[0-9] ms/.test(l)).join('\n'));
  }
} finally {
  await t.drop(); // closes; the database stays for BENCH_REUSE=1 (drop it by hand)
}
