import { readFileSync } from 'node:fs';
import { migrate } from '../db/migrate.ts';
import { type OfficeSeed, upsertOffice } from '../db/offices.ts';
import { countRegions } from '../db/regions.ts';
import type { Db } from '../db/types.ts';
import { loadRegions } from './load-regions.ts';

const OFFICES = JSON.parse(readFileSync(new URL('../db/seed/offices.json', import.meta.url), 'utf8')) as {
  offices: OfficeSeed[];
};

/** Migrates, loads the region tree when it is empty, and upserts the office hierarchy. */
export async function prepareDatabase(
  db: Db,
  opts: { provinces?: string[] | 'all'; onProgress?: (msg: string) => void } = {},
) {
  const progress = opts.onProgress ?? (() => undefined);
  const migrations = await migrate(db);
  if (migrations.length) progress(`migrations applied: ${migrations.join(', ')}`);
  let regions = null;
  if ((await countRegions(db)) === 0) {
    progress('loading Kemendagri regions…');
    regions = await loadRegions(db, opts.provinces ?? 'all', progress);
    progress(`regions loaded in ${regions.ms} ms`);
  }
  await db.transaction(async (tx) => {
    for (const o of OFFICES.offices) await upsertOffice(tx, o);
  });
  return { migrations, regions };
}
