import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findChainBreak } from '../src/db/audit.ts';
import { openDb } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/types.ts';
import { findUserByUsername } from '../src/db/users.ts';
import { auditKeyFile } from '../src/security/audit-key.ts';
import { fixedClock } from '../src/services/clock.ts';
import { exportDatabase } from '../src/services/move/export-database.ts';
import { importDatabase } from '../src/services/move/import-database.ts';
import { branchReport } from '../src/services/reports/branch-report.ts';
import { resolveActor } from '../src/services/resolve-actor.ts';
import { baselineText, importBaselines } from './move-baselines.ts';
import { timed } from './targets.ts';

// npm run bench -- db-move: the demo moved PGlite → PostgreSQL → PGlite with db export / db import
// (issue 16 point 8, docs/moving.md). Needs a demo folder (BENCH_MOVE_DATA_DIR, made by
// `LINDUNG_DATA_DIR=DIR npx lindung demo`) and a server (BENCH_DATABASE_URL or TEST_DATABASE_URL).
// Prints the times, the sizes, whether the branch report and the audit chain survive each hop, and
// each import against both raw COPY baselines of the same files (move-baselines.ts).

const NOW = '2026-12-06T00:00:00.000Z';
const REPORT = { regencyCode: '53.04', from: '2023-01-01', to: '2023-12-31' };

const du = (path: string) => execFileSync('du', ['-sm', path]).toString().split('\t')[0] + ' MB';

async function report(db: Db) {
  const deps = { db, clock: fixedClock(NOW) };
  const user = await findUserByUsername(db, 'cabang.atambua');
  if (!user) throw new Error('not a demo database: no user cabang.atambua (lindung demo)');
  return { ...(await branchReport(deps, await resolveActor(db, user), REPORT)), generatedAt: '' };
}

async function serverDb(base: string, auditKey: string) {
  const name = `lindung_move_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: u.toString(), dataDir: '', auditKey });
  const drop = async () => {
    await db.close();
    await admin(`DROP DATABASE ${name} WITH (FORCE)`);
  };
  return { db, drop };
}

export async function run(): Promise<void> {
  const source = process.env.BENCH_MOVE_DATA_DIR;
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!source || !base) {
    console.log('db-move: set BENCH_MOVE_DATA_DIR (a demo folder) and BENCH_DATABASE_URL');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'lindung-move-bench-'));
  const key = readFileSync(auditKeyFile(source), 'utf8').trim();
  const lines: string[] = [`source folder as found: ${du(source)}`];
  const src = await openDb({ dataDir: source });
  const expected = await report(src);
  const out1 = await timed(() => exportDatabase(src, join(work, 'a'), { now: NOW }));
  await src.exec('CHECKPOINT');
  await src.close();
  lines.push(`source folder after a CHECKPOINT with WAL_SETTINGS: ${du(source)}`);
  const rows = out1.value.tables.reduce((s, t) => s + t.rows, 0);
  lines.push(
    `export PGlite: ${rows.toLocaleString('en')} rows, ${du(join(work, 'a'))}, ${out1.ms.toFixed(0)} ms`,
  );
  const server = await serverDb(base, key);
  try {
    await migrate(server.db);
    const in1 = await timed(() => importDatabase(server.db, join(work, 'a')));
    const same1 = JSON.stringify(await report(server.db)) === JSON.stringify(expected);
    const chain1 = (await findChainBreak(server.db)).firstBreak === null;
    lines.push(
      `import PostgreSQL: ${in1.ms.toFixed(0)} ms; branch report equal: ${same1}; audit chain verified: ${chain1}`,
      `  ${baselineText(in1.ms, await importBaselines(server.db, join(work, 'a')))}`,
    );
    const out2 = await timed(() => exportDatabase(server.db, join(work, 'b'), { now: NOW }));
    lines.push(`export PostgreSQL: ${out2.ms.toFixed(0)} ms`);
    const folder = join(work, 'data');
    const back = await openDb({ dataDir: folder, auditKey: key });
    await migrate(back);
    const in2 = await timed(() => importDatabase(back, join(work, 'b')));
    const same2 = JSON.stringify(await report(back)) === JSON.stringify(expected);
    const chain2 = (await findChainBreak(back)).firstBreak === null;
    const raw2 = await importBaselines(back, join(work, 'b'));
    await back.close();
    lines.push(
      `import PGlite: ${in2.ms.toFixed(0)} ms; branch report equal: ${same2}; audit chain verified: ${chain2}`,
      `  ${baselineText(in2.ms, raw2)}`,
    );
    lines.push(`new PGlite folder after import: ${du(folder)} (pg_wal ${du(join(folder, 'pg_wal'))})`);
  } finally {
    await server.drop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\ndb-move (Belu demo, ${REPORT.from}..${REPORT.to} branch report)\n${lines.join('\n')}`);
}
