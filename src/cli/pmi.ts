import type { Command } from 'commander';
import { formatRp as rp } from '../rules/format.ts';
import { consoleActor } from '../services/console-actor.ts';
import { showPmi } from '../services/list-pmi.ts';
import { registerPmi } from '../services/register-pmi.ts';
import { printJson, run, usageError } from './context.ts';

interface RegisterOptions {
  nik: string;
  name?: string;
  birthDate?: string;
  sex?: string;
  village: string;
  agencyLicense?: string;
  agencyName?: string;
  country: string;
  contractStart: string;
  contractMonths: string;
  departure: string;
  json?: boolean;
}

function registerCommand(pmi: Command) {
  pmi
    .command('register')
    .description(
      'register a migrant worker (PMI): cover before, during and after placement; the Pasal 18 premium invoiced to the agency or, without --agency-license, to the worker (perseorangan)',
    )
    .requiredOption('--nik <nik>', 'the worker’s NIK')
    .option('--name <name>', 'full name (a NIK not yet registered)')
    .option('--birth-date <YYYY-MM-DD>', 'birth date (a NIK not yet registered)')
    .option('--sex <L|P>', 'sex (a NIK not yet registered)')
    .requiredOption('--village <code>', 'home village, e.g. 53.04.01.2001')
    .option('--agency-license <number>', 'the placement agency’s (P3MI) licence number')
    .option('--agency-name <name>', 'the placement agency’s name')
    .requiredOption('--country <code>', 'placement country, ISO 3166-1 alpha-2 (MY, TW, HK, …)')
    .requiredOption('--contract-start <YYYY-MM-DD>', 'first day of the work agreement')
    .requiredOption('--contract-months <n>', 'length of the work agreement in months')
    .requiredOption('--departure <YYYY-MM-DD>', 'departure date (at most 5 months ahead)')
    .option('--json', 'machine-readable output')
    .action((o: RegisterOptions) =>
      run(
        async (deps) => {
          if (Boolean(o.agencyLicense) !== Boolean(o.agencyName))
            usageError('--agency-license and --agency-name go together');
          const r = await registerPmi(deps, consoleActor(), {
            nik: o.nik,
            ...(o.name ? { fullName: o.name } : {}),
            ...(o.birthDate ? { birthDate: o.birthDate } : {}),
            ...(o.sex ? { sex: o.sex as 'L' | 'P' } : {}),
            regionCode: o.village,
            ...(o.agencyLicense ? { agency: { licenseNumber: o.agencyLicense, name: o.agencyName! } } : {}),
            countryCode: o.country,
            contractStart: o.contractStart,
            contractMonths: Number(o.contractMonths),
            departureDate: o.departure,
          });
          if (o.json) return printJson(r);
          const p = r.placement;
          console.log(
            `PMI ${p.kpj} (${p.kind === 'agency' ? p.agencyName : 'perseorangan'}) → ${p.countryCode}`,
          );
          if (r.periods.sebelum)
            console.log(
              `  sebelum bekerja / pre-departure: ${r.periods.sebelum.from} – ${r.periods.sebelum.to}`,
            );
          console.log(
            `  selama bekerja / placement:       ${r.periods.selama.from} – ${r.periods.selama.to}`,
          );
          console.log(
            `  setelah bekerja / post-placement: ${r.periods.setelah.from} – ${r.periods.setelah.to}`,
          );
          for (const l of r.lines) console.log(`  ${rp(l.amountRp).padStart(14)}  ${l.basis}`);
          console.log(
            `  iuran / premium ${rp(p.premiumRp)}: invoice ${p.invoiceNumber}, due ${p.registeredOn}`,
          );
        },
        { quiet: true },
      ),
    );
}

export function register(program: Command): void {
  const pmi = program.command('pmi').description('migrant workers / pekerja migran Indonesia (PMI)');
  registerCommand(pmi);
  pmi
    .command('show')
    .description('one migrant worker: placement, periods of cover, premium invoice')
    .argument('<kpj>', 'participant number')
    .action((kpj: string) =>
      run(async (deps) => printJson(await showPmi(deps, consoleActor(), kpj)), { quiet: true }),
    );
}
