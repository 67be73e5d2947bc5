import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/db/pglite.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';

// The pglite project's global setup: one embedded database made by initdb, migrated and given
// NTT's regions and the office tree, dumped once per run. preparedDeps starts each test file's
// database from that dump and runs prepareDatabase on it again (which then finds nothing to do),
// instead of spending most of a minute of a busy CI machine on initdb, migrations and regions.
// Made fresh for every run from the code under test, so it can never be stale.

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the prepared PGlite data folder dump, for preparedDeps. */
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'lindung-pglite-snapshot-'));
  const file = join(dir, 'prepared.tar');
  const { db, pg } = await openPglite('memory://');
  try {
    await prepareDatabase(db, { provinces: ['53'] });
    // Audit rows are chained under a key each test process makes for itself (memory://): rows
    // made here would not verify there.
    const audit = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    if (audit.rows[0]!.n !== 0) throw new Error('the prepared database has audit rows: it cannot be shared');
    writeFileSync(file, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await db.close();
  }
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

let loaded: Blob | undefined;

/** The prepared dump this run's global setup made, read once per test process. */
export function preparedSnapshot(path: string): Blob {
  loaded ??= new Blob([readFileSync(path)]);
  return loaded;
}
