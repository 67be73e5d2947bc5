import type { Command } from 'commander';
import { dbConfigFromEnv, describeDb, openDb } from '../db/connect.ts';
import { backupDatabase } from '../services/backup-database.ts';
import { regionsFromEnv } from '../services/load-regions.ts';
import { prepareDatabase } from '../services/prepare-database.ts';
import { restoreDatabase } from '../services/restore-database.ts';
import { fail, printJson, progress } from './context.ts';
import { registerMove } from './db-move.ts';

export function register(program: Command): void {
  const db = program.command('db').description('database maintenance / pemeliharaan basis data');
  db.command('migrate')
    .description('apply pending migrations and load reference data (regions, offices)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const config = dbConfigFromEnv();
      try {
        const handle = await openDb(config);
        try {
          const r = await prepareDatabase(handle, { provinces: regionsFromEnv(), onProgress: progress });
          if (opts.json) printJson({ database: describeDb(config), ...r });
          else console.log(`${describeDb(config)}: ${r.migrations.length} migration(s) applied, up to date`);
        } finally {
          await handle.close();
        }
      } catch (e) {
        fail(e);
      }
    });
  registerMove(db);
  db.command('backup')
    .description(
      'a consistent copy of the embedded database in FILE, made by the running server if there is one / salinan cadangan',
    )
    .argument('<file>', 'where to write the backup (.tar.gz)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        progress('making the backup / membuat cadangan…');
        const r = await backupDatabase(dbConfigFromEnv(), file);
        if (opts.json) printJson(r);
        else
          console.log(
            `backup written: ${r.file} (${r.bytes.toLocaleString('en')} bytes, ${r.via === 'owner' ? 'by the running server' : 'database opened by this command'})`,
          );
      } catch (e) {
        fail(e);
      }
    });
  db.command('restore')
    .description(
      'restore a backup into the embedded data folder, then check the audit chain / pulihkan cadangan',
    )
    .argument('<file>', 'a file written by `lindung db backup`')
    .option(
      '--replace',
      'move a database already in the folder aside (FOLDER.before-restore-…) instead of refusing',
    )
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { replace?: boolean; json?: boolean }) => {
      try {
        progress('restoring / memulihkan…');
        const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
        const r = await restoreDatabase(dbConfigFromEnv(), file, { replace: Boolean(opts.replace), stamp });
        if (opts.json) printJson(r);
        else {
          const rows = Object.values(r.tables).reduce((a, b) => a + b, 0);
          if (r.movedAsideTo) console.log(`the previous database was moved to ${r.movedAsideTo}`);
          console.log(`restored ${Object.keys(r.tables).length} tables, ${rows.toLocaleString('en')} rows`);
          console.log(
            r.audit.intact
              ? `audit chain intact: ${r.audit.rows} rows / rantai audit utuh`
              : 'audit chain BROKEN in the restored database / rantai audit rusak',
          );
        }
        if (!r.audit.intact) process.exitCode = 1;
      } catch (e) {
        fail(e);
      }
    });
}
