import type { Command } from 'commander';
import { dbConfigFromEnv, describeDb, openDb } from '../db/connect.ts';
import { regionsFromEnv } from '../services/load-regions.ts';
import { prepareDatabase } from '../services/prepare-database.ts';
import { fail, printJson, progress } from './context.ts';

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
}
