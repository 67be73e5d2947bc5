import type { Command } from 'commander';
import { formatRp as rp } from '../rules/format.ts';
import { changeProjectContract } from '../services/change-project-contract.ts';
import { showProject } from '../services/change-project-workers.ts';
import { consoleActor } from '../services/console-actor.ts';
import { printJson, run, usageError } from './context.ts';

export function register(program: Command): void {
  const project = program
    .command('project')
    .description(
      'construction (JAKON) projects: premium invoices and contract changes / proyek jasa konstruksi',
    );
  project
    .command('show <number>')
    .description('a project, its premium invoices (paid or open) and its contract changes')
    .option('--json', 'machine-readable output')
    .action((number: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await showProject(deps, consoleActor(), number);
          if (o.json) return printJson({ project: r.project, invoices: r.invoices, changes: r.changes });
          const p = r.project;
          console.log(`${p.projectNumber}  ${p.name}  (${p.contractorName})`);
          console.log(
            `  nilai kontrak / contract ${rp(p.contractValueRp)}  premi / premium ${rp(p.premiumRp)}`,
          );
          console.log(
            `  ${p.covered ? 'lunas, pekerja terlindungi / paid, workers covered' : 'belum lunas / unpaid'}`,
          );
          for (const i of r.invoices)
            console.log(
              `  ${i.number}  ${i.kind}  jatuh tempo / due ${i.dueDate}  ${rp(i.totalRp)}  dibayar / paid ${rp(i.paidRp)}`,
            );
          for (const c of r.changes)
            console.log(
              `  ${c.at.slice(0, 10)}  ${rp(c.oldContractValueRp)} → ${rp(c.contractValueRp)}, ${c.oldEndDate} → ${c.endDate}` +
                (c.notRefundedRp > 0 ? `  tidak dikembalikan / not refunded ${rp(c.notRefundedRp)}` : ''),
            );
        },
        { quiet: true },
      ),
    );
  project
    .command('change <number>')
    .description(
      'change the contract value or end date: a higher premium is invoiced, a lower one is not refunded',
    )
    .option('--value <rupiah>', 'the new contract value, whole rupiah')
    .option('--end <YYYY-MM-DD>', 'the new end date')
    .requiredOption('--reason <text>', 'why (the addendum)')
    .option('--json', 'machine-readable output')
    .action((number: string, o: { value?: string; end?: string; reason: string; json?: boolean }) =>
      run(
        async (deps) => {
          if (o.value !== undefined && !/^\d+$/.test(o.value)) usageError('--value: whole rupiah');
          if (o.value === undefined && o.end === undefined) usageError('give --value, --end or both');
          const r = await changeProjectContract(deps, consoleActor(), number, {
            ...(o.value !== undefined ? { contractValueRp: Number(o.value) } : {}),
            ...(o.end !== undefined ? { endDate: o.end } : {}),
            reason: o.reason,
          });
          if (o.json) return printJson(r);
          const a = r.adjustment;
          console.log(`${r.project.projectNumber}: premi / premium ${rp(r.project.premiumRp)}`);
          if (a.invoicedRp > 0)
            console.log(`  ditagih / invoiced ${rp(a.invoicedRp)}, jatuh tempo / due ${a.dueDate}`);
          if (a.notRefundedRp > 0) console.log(`  tidak dikembalikan / not refunded ${rp(a.notRefundedRp)}`);
        },
        { quiet: true },
      ),
    );
}
