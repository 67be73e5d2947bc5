import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { consoleActor } from '../services/console-actor.ts';
import { ENROLMENT_FILE_LIMIT_BYTES } from '../services/enrolment-file.ts';
import type { RowReport } from '../services/enrolment-rows.ts';
import { uploadEnrolment } from '../services/upload-enrolment.ts';
import { cliLang, printJson, progress, run } from './context.ts';

function printProblems(rows: RowReport[]): void {
  for (const r of rows) {
    for (const e of r.errors) console.log(`  baris ${r.rowNumber}  ${e.field}  ${e.code}  ${e.message}`);
    for (const w of r.warnings)
      console.log(`  baris ${r.rowNumber}  ${w.field}  ${w.code}  (peringatan) ${w.message}`);
  }
}

export function register(program: Command): void {
  const imp = program.command('import').description('import files / impor berkas');
  imp
    .command('enrolment')
    .description('stage and validate a village enrolment file (XLSX or CSV) into the village’s draft batch')
    .argument('<file>', 'XLSX or CSV in the template layout')
    .requiredOption('--village <code>', 'village code, e.g. 53.04.01.2001')
    .option('--funding <source>', 'APBDES (village budget) or APBD (regency budget)', 'APBDES')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { village: string; funding: string; dryRun?: boolean; json?: boolean }) =>
      run(
        async (deps) => {
          // Refuse an oversized file before reading it into memory.
          const size = statSync(file).size;
          if (size > ENROLMENT_FILE_LIMIT_BYTES) {
            throw new AppError('FILE_TOO_LARGE', {
              sizeMb: (size / 1048576).toFixed(1),
              limitMb: ENROLMENT_FILE_LIMIT_BYTES / 1048576,
            });
          }
          const r = await uploadEnrolment(deps, consoleActor(), {
            villageCode: o.village,
            fileName: basename(file),
            bytes: readFileSync(file),
            dryRun: o.dryRun ?? false,
            fundingSource: o.funding === 'APBD' ? 'APBD' : 'APBDES',
            lang: cliLang(),
            onProgress: progress,
          });
          if (o.json) return printJson(r);
          const u = r.upload;
          console.log(
            `${o.dryRun ? '[dry run, nothing written] ' : ''}batch ${r.batch.id} (${r.batch.villageName}): ` +
              `${u.rows} rows — ${u.valid} valid, ${u.invalid} invalid, ${u.kept} already in batch, ${u.warnings} with warnings`,
          );
          printProblems(r.problems);
          if (u.invalid > 0) process.exitCode = 1;
        },
        { quiet: true },
      ),
    );
}
