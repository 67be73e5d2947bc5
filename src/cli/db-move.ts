import type { Command } from 'commander';
import { dbConfigFromEnv, describeDb, openDb } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { exportDatabase } from '../services/move/export-database.ts';
import { importDatabase } from '../services/move/import-database.ts';
import { fail, printJson, progress } from './context.ts';

// `lindung db export` / `db import`: a whole district from the embedded database to a PostgreSQL
// server, or back (docs/moving.md). The database is the one the environment names, as for every
// command: LINDUNG_DATA_DIR for PGlite, DATABASE_URL for a server.

export function registerMove(db: Command): void {
  db.command('export')
    .description(
      'write the whole database to a new folder (manifest + COPY files) / ekspor seluruh basis data',
    )
    .argument('<dir>', 'a new or empty folder')
    .option('--json', 'machine-readable output')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const config = dbConfigFromEnv();
      try {
        const handle = await openDb(config, { command: 'lindung db export' });
        try {
          progress(`exporting ${describeDb(config)} / mengekspor…`);
          const m = await exportDatabase(handle, dir, {
            now: new Date().toISOString(),
            onProgress: progress,
          });
          const rows = m.tables.reduce((s, t) => s + t.rows, 0);
          const auditRows = m.audit.chains.reduce((s, c) => s + c.rows, 0);
          if (opts.json) printJson({ dir, ...m });
          else
            console.log(
              `exported ${m.tables.length} tables, ${rows.toLocaleString('en')} rows, ${auditRows.toLocaleString('en')} audit rows, ${m.ledger.lines.toLocaleString('en')} ledger lines to ${dir}`,
            );
        } finally {
          await handle.close();
        }
      } catch (e) {
        fail(e);
      }
    });
  db.command('import')
    .description(
      'load a `db export` folder into a new database, then check counts, ledger sums and the audit chain / impor',
    )
    .argument('<dir>', 'a folder written by `lindung db export`')
    .option('--json', 'machine-readable output')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const config = dbConfigFromEnv();
      try {
        const handle = await openDb(config, { command: 'lindung db import' });
        try {
          // A new database is migrated here; its reference rows come from the export.
          await migrate(handle);
          progress(`importing into ${describeDb(config)} / mengimpor…`);
          const r = await importDatabase(handle, dir, { onProgress: progress });
          if (opts.json) printJson({ database: describeDb(config), ...r });
          else {
            console.log(
              `imported ${r.tables} tables, ${r.rows.toLocaleString('en')} rows into ${describeDb(config)}`,
            );
            console.log(
              `checked: row counts, ledger sums (${r.ledgerLines.toLocaleString('en')} lines), audit chain intact (${r.auditRows.toLocaleString('en')} rows) / terperiksa`,
            );
          }
        } finally {
          await handle.close();
        }
      } catch (e) {
        fail(e);
      }
    });
}
