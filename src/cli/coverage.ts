import type { Command } from 'commander';
import { isValidDate } from '../rules/calendar.ts';
import { consoleActor } from '../services/console-actor.ts';
import { updateCoverage } from '../services/update-coverage.ts';
import { printJson, run, usageError } from './context.ts';

export function register(program: Command): void {
  const coverage = program.command('coverage').description('BPU coverage from payments / kepesertaan BPU');
  coverage
    .command('update')
    .description('lapse BPU participants unpaid for more than 3 months, resume those whose arrears are paid')
    .requiredOption('--as-of <YYYY-MM-DD>', 'the date the status is computed for (never the clock)')
    .option('--regency <code>', 'regency code', '53.04')
    .option('--json', 'machine-readable output')
    .action((o: { asOf: string; regency: string; json?: boolean }) =>
      run(
        async (deps) => {
          if (!isValidDate(o.asOf)) usageError('--as-of: YYYY-MM-DD');
          const r = await updateCoverage(deps, consoleActor(), { regencyCode: o.regency, asOf: o.asOf });
          if (o.json) return printJson(r);
          console.log(
            `${r.regencyCode} as of ${r.asOf}: ${r.lapsed} lapsed / berakhir, ${r.resumed} resumed / aktif kembali (${r.basis})`,
          );
        },
        { quiet: true },
      ),
    );
}
