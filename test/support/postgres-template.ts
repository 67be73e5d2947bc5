import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/db/connect.ts';
import { prepareDatabase } from '../../src/services/prepare-database.ts';

// The postgres project's global setup: one database migrated and given NTT's regions and the
// office tree, once per run. preparedDeps copies it (CREATE DATABASE … TEMPLATE) for each test
// and runs prepareDatabase on the copy again (which then finds nothing to do), instead of the 22
// migrations and the region load per test. Made fresh for every run from the code under test.

declare module 'vitest' {
  export interface ProvidedContext {
    /** Name of the prepared template database on TEST_DATABASE_URL's server, for preparedDeps. */
    postgresTemplate: string;
  }
}

/** One statement (CREATE or DROP DATABASE) on a connection of its own, closed right after. */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const name = `lindung_tmpl_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(base, `CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const db = await openDb({
      databaseUrl: url.toString(),
      dataDir: '',
      auditKey: project.config.env.LINDUNG_AUDIT_KEY,
    });
    try {
      await prepareDatabase(db, { provinces: ['53'] });
      // The copies' audit chains start from here: none of them may find a row made by the setup.
      const audit = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      if (audit.rows[0]!.n !== 0)
        throw new Error('the prepared database has audit rows: it cannot be shared');
    } finally {
      await db.close();
    }
  } catch (e) {
    await drop();
    throw e;
  }
  project.provide('postgresTemplate', name);
  return drop;
}
