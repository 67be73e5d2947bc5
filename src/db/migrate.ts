import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';
import type { Db } from './types.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function knownMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

interface Applied {
  version: string;
  checksum: string;
}

/**
 * Applies pending forward-only migrations, each in its own transaction. Refuses a database whose
 * history holds a version it does not know or a migration whose text has changed since.
 */
export async function migrate(db: Db, migrations = knownMigrations()): Promise<string[]> {
  // Only when missing: CREATE … IF NOT EXISTS still needs CREATE on the schema, which the
  // application role, owning no tables, does not have (docs/security.md "Database roles").
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migration')::text AS t`);
  if (exists.rows[0]?.t == null)
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = (await db.query<Applied>('SELECT version, checksum FROM schema_migration ORDER BY version'))
    .rows;
  const known = new Map(migrations.map((m) => [m.version, m]));
  // The applied history must be the first migrations of the known list, in order: a missing
  // earlier one means this database took another path, and later SQL may assume what it lacks.
  applied.forEach((a, i) => {
    const expected = migrations[i];
    if (expected && known.has(a.version) && a.version !== expected.version)
      throw new AppError('DB_HISTORY_UNKNOWN', {
        detail: `migration ${expected.version}_${expected.name} is missing before ${a.version}`,
      });
  });
  for (const a of applied) {
    const m = known.get(a.version);
    if (!m)
      throw new AppError('DB_HISTORY_UNKNOWN', { detail: `version ${a.version} is not in this program` });
    if (m.checksum !== a.checksum) {
      throw new AppError('DB_HISTORY_UNKNOWN', { detail: `migration ${a.version}_${m.name} was edited` });
    }
  }
  const done = new Set(applied.map((a) => a.version));
  const ran: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727100000)');
      const again = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [m.version]);
      if (again.rowCount > 0) return; // another process applied it while we waited
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      ran.push(`${m.version}_${m.name}`);
    });
  }
  return ran;
}
