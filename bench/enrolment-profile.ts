// Per-statement timings of one enrolment import (for tuning; not part of `npm run bench`).

import type { Queryable } from '../src/db/types.ts';
import type { Deps } from '../src/services/actor.ts';
import { fixedClock } from '../src/services/clock.ts';
import { consoleActor } from '../src/services/console-actor.ts';
import { parseEnrolmentFile } from '../src/services/enrolment-file.ts';
import { prepareDatabase } from '../src/services/prepare-database.ts';
import { uploadEnrolment } from '../src/services/upload-enrolment.ts';
import { csv } from './enrolment.ts';
import { targets } from './targets.ts';
import { withTransactions } from './wrapped-transactions.ts';

function timedQueries(q: Queryable, log: string[]): Queryable {
  return {
    async query(sql, params) {
      if (process.env.EXPLAIN && /^\s*(--|INSERT|SELECT row_number)/.test(sql)) {
        await q.query('SAVEPOINT x');
        const plan = await q.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        log.push(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
        await q.query('ROLLBACK TO SAVEPOINT x');
      }
      const t = performance.now();
      const r = await q.query(sql, params);
      log.push(
        `${(performance.now() - t).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 90)}`,
      );
      return r as never;
    },
    exec: (sql) => q.exec(sql),
    async copyIn(target, data) {
      const t = performance.now();
      await q.copyIn(target, data);
      log.push(`${(performance.now() - t).toFixed(0).padStart(6)} ms  COPY ${target.slice(0, 80)}`);
    },
    copyInFile: (target, path) => q.copyInFile(target, path),
    copyOut: (query, path) => q.copyOut(query, path),
  };
}

const file = csv();
let t0 = performance.now();
await parseEnrolmentFile(file, 'x.csv');
console.log(`parse alone: ${(performance.now() - t0).toFixed(0)} ms`);
const only = process.env.ONLY;
for (const t of await targets()) {
  if (only && t.name !== only) {
    await t.drop();
    continue;
  }
  try {
    await prepareDatabase(t.db, { provinces: ['53'] });
    const log: string[] = [];
    const db = withTransactions(t.db, (tx, fn) => fn(timedQueries(tx, log)));
    const deps: Deps = { db, clock: fixedClock('2026-11-24T02:00:00Z') };
    t0 = performance.now();
    let last = t0;
    await uploadEnrolment(deps, consoleActor(), {
      villageCode: '53.04.01.2001',
      fileName: 'bench.csv',
      bytes: file,
      onProgress: (m) => {
        const n = performance.now();
        log.push(`   [${(n - last).toFixed(0)} ms since last mark] ${m}`);
        last = n;
      },
    });
    console.log(`\n${t.name}: total ${(performance.now() - t0).toFixed(0)} ms`);
    console.log(log.join('\n'));
  } finally {
    await t.drop();
  }
}
