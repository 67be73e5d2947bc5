import type { Command } from 'commander';
import { closePeriod, listClosedPeriods } from '../services/close-period.ts';
import { consoleActor } from '../services/console-actor.ts';
import { printJson, run, usageError } from './context.ts';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function register(program: Command): void {
  const period = program.command('period').description('closed months of a regency / tutup buku bulanan');
  period
    .command('close')
    .description('close the books of a regency through a month that has ended (never reopened)')
    .requiredOption('--period <YYYY-MM>', 'the month to close (and every month before it)')
    .option('--regency <code>', 'regency code', '53.04')
    .option('--json', 'machine-readable output')
    .action((o: { period: string; regency: string; json?: boolean }) =>
      run(
        async (deps) => {
          if (!PERIOD.test(o.period)) usageError('--period: YYYY-MM');
          const r = await closePeriod(deps, consoleActor(), { regencyCode: o.regency, period: o.period });
          if (o.json) return printJson(r);
          console.log(`${r.regencyCode}: closed through / ditutup sampai ${r.closedThrough} (${r.closedBy})`);
        },
        { quiet: true },
      ),
    );
  period
    .command('list')
    .description('the months a regency is closed through, and each closing act')
    .option('--regency <code>', 'regency code', '53.04')
    .option('--json', 'machine-readable output')
    .action((o: { regency: string; json?: boolean }) =>
      run(
        async (deps) => {
          const r = await listClosedPeriods(deps, consoleActor(), o.regency);
          if (o.json) return printJson(r);
          console.log(`${r.regencyCode}: closed through / ditutup sampai ${r.closedThrough ?? '—'}`);
          for (const c of r.closes) console.log(`  ${c.period}  ${c.closedBy}  ${c.closedAt}`);
        },
        { quiet: true },
      ),
    );
}
