import { join } from 'node:path';
import { quote } from '../src/db/move/catalog.ts';
import type { Db } from '../src/db/types.ts';
import { readManifest } from '../src/services/move/move-manifest.ts';
import { timed } from './targets.ts';

// The raw baselines of `db import` (issue 18 point 3): the export's own files COPYed, every table in
// one transaction as the import does, into tables of the same columns with nothing but NOT NULL
// (bare: the physical limit) and into copies of lindung's tables with their keys, checks and indexes
// (same shape: LIKE … INCLUDING ALL; no trigger, no foreign key). What the import costs beyond the
// same-shape COPY is its own work: the reference rows replaced, triggers off and on, sequences, the
// months' partitions settled and the checks (row counts, ledger sums, the whole audit chain).

export interface ImportBaselines {
  bareMs: number;
  shapedMs: number;
}

/** Both baselines on `db` (migrated: its public tables are the shapes), each schema dropped after. */
export async function importBaselines(db: Db, dir: string): Promise<ImportBaselines> {
  const tables = readManifest(dir).tables.filter((t) => t.rows > 0);
  const copyAll = async (schema: string, like: string) => {
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    for (const t of tables)
      await db.exec(`CREATE TABLE ${schema}.${quote(t.name)} (LIKE public.${quote(t.name)} ${like})`);
    const { ms } = await timed(() =>
      db.transaction(async (tx) => {
        for (const t of tables)
          await tx.copyInFile(
            `${schema}.${quote(t.name)} (${t.columns.map(quote).join(', ')})`,
            join(dir, t.file),
          );
      }),
    );
    await db.exec(`DROP SCHEMA ${schema} CASCADE`);
    return ms;
  };
  return { bareMs: await copyAll('raw_bare', ''), shapedMs: await copyAll('raw_shaped', 'INCLUDING ALL') };
}

/** "raw COPY same shape N ms (r×), bare N ms (r×)" for an import that took `ms`. */
export function baselineText(ms: number, b: ImportBaselines): string {
  const r = (x: number) => `${(ms / x).toFixed(2)}×`;
  return `raw COPY same shape ${b.shapedMs.toFixed(0)} ms (import ${r(b.shapedMs)}), bare ${b.bareMs.toFixed(0)} ms (import ${r(b.bareMs)})`;
}
