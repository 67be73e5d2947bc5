import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { findChainBreak } from '../../db/audit.ts';
import { tableRowCounts } from '../../db/database-summary.ts';
import {
  checkpointEmbedded,
  HISTORY_TABLE,
  type MovedTable,
  movedTables,
  REFERENCE_TABLES,
  setSequences,
  setUserTriggers,
  targetOf,
  throughTransaction,
  truncateAll,
} from '../../db/move/catalog.ts';
import { appliedMigrations, chainHeads, ledgerSums } from '../../db/move/figures.ts';
import { settleDefaultPartition } from '../../db/partitions.ts';
import type { Db, Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { auditKeyId, checkFiles, type Manifest, readManifest } from './move-manifest.ts';

export interface ImportReport {
  tables: number;
  rows: number;
  auditRows: number;
  ledgerLines: number;
  lindungVersion: string;
  exportedAt: string;
}

const last = (ms: readonly { version: string }[]) => ms[ms.length - 1]?.version ?? 'none';

/** Everything that must hold before a row is written; each refusal names what to do. */
async function checkTarget(db: Db, dir: string, m: Manifest): Promise<MovedTable[]> {
  await checkFiles(dir, m);
  // First: the key is what an operator most often forgets to carry (docs/moving.md).
  const auditRows = m.audit.chains.reduce((s, c) => s + c.rows, 0);
  if (auditRows > 0 && m.audit.keyId && auditKeyId(db.audit) !== m.audit.keyId) {
    if (!db.audit) throw new AppError('AUDIT_KEY_REQUIRED');
    throw new AppError('IMPORT_AUDIT_KEY_MISMATCH');
  }
  const applied = await appliedMigrations(db);
  if (!isDeepStrictEqual(applied, m.migrations))
    throw new AppError('IMPORT_SCHEMA_MISMATCH', { source: last(m.migrations), target: last(applied) });
  const tables = await movedTables(db);
  const shape = (ts: readonly { name: string; columns: string[] }[]) =>
    ts.map((t) => `${t.name}(${t.columns.join(',')})`).sort();
  if (!isDeepStrictEqual(shape(tables), shape(m.tables)))
    throw new AppError('IMPORT_SCHEMA_MISMATCH', { source: last(m.migrations), target: last(applied) });
  const counts = await tableRowCounts(db);
  const holding = Object.entries(counts)
    .filter(([t, n]) => n > 0 && t !== HISTORY_TABLE && !REFERENCE_TABLES.includes(t))
    .map(([t]) => t);
  if (holding.length > 0) throw new AppError('IMPORT_TARGET_NOT_EMPTY', { tables: holding.join(', ') });
  return tables;
}

/** Recomputes on the target, before commit, what the manifest says the source held. */
async function checkLoaded(db: Db, tx: Queryable, m: Manifest): Promise<void> {
  const failed = (detail: string) => new AppError('IMPORT_CHECK_FAILED', { detail });
  const counts = await tableRowCounts(tx);
  const wrong = m.tables.filter((t) => counts[t.name] !== t.rows).map((t) => t.name);
  if (wrong.length > 0) throw failed(`row counts of ${wrong.join(', ')} / jumlah baris`);
  if (!isDeepStrictEqual(await ledgerSums(tx), m.ledger)) throw failed('ledger sums / jumlah buku besar');
  if (!isDeepStrictEqual(await chainHeads(tx), m.audit.chains))
    throw failed('audit chain heads / ujung rantai audit');
  // The whole chain, every row's HMAC and link, as `lindung audit verify` checks it.
  const chain = await findChainBreak(throughTransaction(db, tx));
  if (chain.firstBreak)
    throw failed(
      `audit chain (${chain.firstBreak.chain} at seq ${chain.firstBreak.chainSeq}) / rantai audit`,
    );
}

/**
 * Loads an export into a new, migrated database in one transaction: the tables' own triggers off,
 * the reference rows `db migrate` wrote replaced by the source's, every table by COPY (parents
 * first, identity values kept), sequences set, triggers on, then the checks; any mismatch rolls
 * everything back.
 */
export async function importDatabase(
  db: Db,
  dir: string,
  opts: { onProgress?: (msg: string) => void } = {},
): Promise<ImportReport> {
  const progress = opts.onProgress ?? (() => undefined);
  const m = readManifest(dir);
  const tables = await checkTarget(db, dir, m);
  const byName = new Map(m.tables.map((t) => [t.name, t]));
  await db.transaction(async (tx) => {
    await setUserTriggers(tx, tables, false);
    await truncateAll(tx, tables);
    for (const t of tables) {
      const entry = byName.get(t.name);
      if (!entry || entry.rows === 0) continue;
      // The manifest's column order is the file's.
      await tx.copyInFile(targetOf({ ...t, columns: entry.columns }), join(dir, entry.file));
      progress(`${t.name}: ${entry.rows.toLocaleString('en')} rows`);
    }
    await setSequences(tx, m.sequences);
    await setUserTriggers(tx, tables, true);
    progress('checking / memeriksa…');
    await checkLoaded(db, tx, m);
  });
  // COPY put the partitioned tables' rows in their DEFAULT partitions: give each month its own.
  for (const table of ['invoice_line', 'ledger_line', 'claim_event'] as const) {
    const partitions = await settleDefaultPartition(db, table);
    if (partitions > 0) progress(`${table}: ${partitions} month partitions`);
  }
  await checkpointEmbedded(db);
  return {
    tables: m.tables.length,
    rows: m.tables.reduce((s, t) => s + t.rows, 0),
    auditRows: m.audit.chains.reduce((s, c) => s + c.rows, 0),
    ledgerLines: m.ledger.lines,
    lindungVersion: m.lindungVersion,
    exportedAt: m.exportedAt,
  };
}
