import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../errors.ts';
import { consoleActor } from '../services/console-actor.ts';
import { importWageReport } from '../services/import-wage-report.ts';
import { WAGE_FILE_LIMIT_BYTES } from '../services/wage-file/parse.ts';
import { cliLang, printJson, run } from './context.ts';

/** `lindung import wages FILE --employer NPP --period YYYY-MM [--dry-run]`: under `import`, after import.ts. */
export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imp
    .command('wages')
    .description('import an employer’s monthly wage report (XLSX or CSV: NIK, Nama, Upah (Rp), Mutasi)')
    .argument('<file>', 'XLSX or CSV')
    .requiredOption('--employer <npp>', 'the employer’s NPP')
    .requiredOption('--period <YYYY-MM>', 'the month the wages are for')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--json', 'machine-readable output')
    .action((file: string, o: { employer: string; period: string; dryRun?: boolean; json?: boolean }) =>
      run(
        async (deps) => {
          const size = statSync(file).size;
          if (size > WAGE_FILE_LIMIT_BYTES) {
            throw new AppError('FILE_TOO_LARGE', {
              sizeMb: (size / 1048576).toFixed(1),
              limitMb: WAGE_FILE_LIMIT_BYTES / 1048576,
            });
          }
          const r = await importWageReport(deps, consoleActor(), {
            npp: o.employer,
            period: o.period,
            fileName: basename(file),
            bytes: readFileSync(file),
            dryRun: o.dryRun ?? false,
            lang: cliLang(),
          });
          if (o.json) return printJson(r);
          const u = r.upload;
          console.log(
            `${r.dryRun ? '[dry run, nothing written] ' : ''}${r.repeated ? '[same file already imported, nothing written] ' : ''}` +
              `${r.employer.npp} ${r.period}: ${u.rows} rows — ${u.valid} valid, ${u.invalid} invalid; ` +
              `${u.joined} joined, ${u.left} left, ${u.wageChanged} wage changes, ${u.unchanged} unchanged`,
          );
          for (const p of r.problems) {
            for (const e of p.errors)
              console.log(`  baris ${p.rowNumber}  ${e.field}  ${e.code}  ${e.message}`);
          }
          if (u.invalid > 0) process.exitCode = 1;
        },
        { quiet: true },
      ),
    );
}
