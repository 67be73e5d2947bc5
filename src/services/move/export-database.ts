import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { movedTables, readOneSnapshot, selectOf, sequenceStates } from '../../db/move/catalog.ts';
import { appliedMigrations, chainHeads, ledgerSums } from '../../db/move/figures.ts';
import type { Db } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import {
  auditKeyId,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  fileFigures,
  LINDUNG_VERSION,
  MANIFEST_FILE,
  type Manifest,
  type TableEntry,
} from './move-manifest.ts';

/**
 * Writes the whole database to `dir` (new or empty): each table by COPY, all of them read in one
 * REPEATABLE READ transaction, so the files, counts, sums and chain heads are one moment's.
 */
export async function exportDatabase(
  db: Db,
  dir: string,
  opts: { now: string; onProgress?: (msg: string) => void },
): Promise<Manifest> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('EXPORT_TARGET_NOT_EMPTY', { dir });
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const progress = opts.onProgress ?? (() => undefined);
  const body = await db.transaction(async (tx) => {
    await readOneSnapshot(tx);
    const tables: TableEntry[] = [];
    for (const t of await movedTables(tx)) {
      const file = join('tables', `${t.name}.copy`);
      await tx.copyOut(selectOf(t), join(dir, file));
      const f = await fileFigures(join(dir, file));
      tables.push({ name: t.name, columns: t.columns, file, ...f });
      if (f.rows > 0) progress(`${t.name}: ${f.rows.toLocaleString('en')} rows`);
    }
    return {
      tables,
      migrations: await appliedMigrations(tx),
      sequences: await sequenceStates(tx),
      chains: await chainHeads(tx),
      ledger: await ledgerSums(tx),
    };
  });
  // The signed chain heads live outside the database; they travel beside it (docs/moving.md).
  const cps = db.audit?.checkpointsFile;
  const checkpointsFile = cps && existsSync(cps) ? 'audit-checkpoints' : null;
  if (cps && checkpointsFile) copyFileSync(cps, join(dir, checkpointsFile));
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    lindungVersion: LINDUNG_VERSION,
    exportedAt: opts.now,
    source: { kind: db.kind },
    migrations: body.migrations,
    tables: body.tables,
    sequences: body.sequences,
    audit: { keyId: auditKeyId(db.audit), chains: body.chains, checkpointsFile },
    ledger: body.ledger,
  };
  // Written last, under a temporary name: a folder with a manifest is a whole export.
  writeFileSync(join(dir, `${MANIFEST_FILE}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(join(dir, `${MANIFEST_FILE}.tmp`), join(dir, MANIFEST_FILE));
  return manifest;
}
