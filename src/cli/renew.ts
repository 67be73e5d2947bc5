import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { renewBudgetYear } from '../services/renew-budget-year.ts';
import { printJson, run, usageError } from './context.ts';

const REASONS = {
  agedOut: 'aged out / lewat usia',
  ended: 'ended / berakhir',
  overQuota: 'over quota / melebihi kuota',
  overBudget: 'over budget / melebihi pagu',
  noAllocation: 'no allocation / tanpa alokasi',
} as const;

export function register(program: Command): void {
  program
    .command('renew')
    .description(
      'renew village-funded cover into the next fiscal year / perpanjang kepesertaan ke tahun anggaran berikutnya',
    )
    .requiredOption('--from-year <YYYY>', 'the fiscal year the cohort is funded for (renewed into the next)')
    .option('--regency <code>', 'regency code', '53.04')
    .option('--village <code>', 'one village’s cohort (default: the whole regency)')
    .option('--confirm', 'carry the cohort over (without it: only the preview counts)')
    .option('--json', 'machine-readable output')
    .action((o: { fromYear: string; regency: string; village?: string; confirm?: boolean; json?: boolean }) =>
      run(
        async (deps) => {
          if (!/^\d{4}$/.test(o.fromYear)) usageError('from-year: YYYY');
          const r = await renewBudgetYear(deps, consoleActor(), {
            regencyCode: o.regency,
            villageCode: o.village ?? null,
            fromYear: Number(o.fromYear),
            confirm: o.confirm ?? false,
          });
          if (o.json) return printJson(r);
          const verb = r.renewal ? 'renewed / diperpanjang' : 'would renew / akan diperpanjang (preview)';
          console.log(`${r.fromYear} → ${r.toYear}: ${verb} ${r.totals.renewed}`);
          for (const [key, label] of Object.entries(REASONS))
            if (r.totals[key as keyof typeof REASONS] > 0)
              console.log(`  left out, ${label}: ${r.totals[key as keyof typeof REASONS]}`);
          for (const l of r.leftOut)
            console.log(`  ${l.kpj}  ${l.fullName.padEnd(30)} ${l.regionCode}  ${l.reason}`);
          if (r.membershipsEnded > 0) console.log(`memberships ended at year end: ${r.membershipsEnded}`);
          if (!r.renewal) console.log('run again with --confirm to carry the cohort over');
        },
        { quiet: true },
      ),
    );
}
