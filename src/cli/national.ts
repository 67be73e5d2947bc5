import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { ribuan } from '../services/invoice-pdf/labels.ts';
import { attachNationalMember } from '../services/national/attach-member.ts';
import { type NationalFigures, nationalSummary } from '../services/national/national-summary.ts';
import { printJson, progress, run } from './context.ts';

// The national reporting database (docs/federation.md): run against the national database
// (DATABASE_URL), which reads its member databases through postgres_fdw.

function printFigures(label: string, f: NationalFigures): void {
  const a = f.active;
  const claims = Object.entries(f.claims)
    .filter(([, c]) => c.count > 0)
    .map(([p, c]) => `${p} ${c.count} Rp ${ribuan(c.amountRp)}`)
    .join(', ');
  console.log(label);
  console.log(
    `  aktif / active: PU ${ribuan(a.formal)}  BPU ${ribuan(a.informal)}  JAKON ${ribuan(a.construction)}  jumlah / total ${ribuan(a.total)}`,
  );
  console.log(
    `  klaim dibayar / claims paid: ${f.claimsTotal.count}, Rp ${ribuan(f.claimsTotal.amountRp)}${claims ? ` (${claims})` : ''}`,
  );
}

export function register(program: Command): void {
  const national = program
    .command('national')
    .description('national reporting database over province databases / basis data nasional (postgres_fdw)');
  national
    .command('attach')
    .description(
      'attach (or re-attach) a member database, read-only; only host, port and dbname are recorded',
    )
    .requiredOption('--name <name>', 'the member, e.g. NTT')
    .requiredOption(
      '--url <url>',
      'postgres://user[:password]@host:port/dbname of the member (a read-only role)',
    )
    .option('--json', 'machine-readable output')
    .action((o: { name: string; url: string; json?: boolean }) =>
      run(
        async (deps) => {
          const r = await attachNationalMember(deps, consoleActor(), { name: o.name, url: o.url });
          if (o.json) return printJson(r);
          progress(
            `${r.member.name} attached: ${r.member.host}:${r.member.port}/${r.member.dbname} (${r.tables.join(', ')})`,
          );
        },
        { quiet: true },
      ),
    );
  national
    .command('summary')
    .description('active participants by province and segment, claims paid by programme, from every member')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD: counts on this day, claims paid up to it')
    .option('--from <date>', 'YYYY-MM-DD: first day of the claims period (default 1 January of --as-of)')
    .option('--json', 'machine-readable output')
    .action((o: { asOf: string; from?: string; json?: boolean }) =>
      run(
        async (deps) => {
          const r = await nationalSummary(deps, consoleActor(), { asOf: o.asOf, from: o.from });
          if (o.json) return printJson(r);
          console.log(`Ringkasan nasional / national summary per ${r.asOf}, klaim ${r.from} s.d. ${r.to}`);
          for (const p of r.provinces) printFigures(`${p.provinceCode} ${p.provinceName} (${p.member})`, p);
          printFigures('Nasional / national', r);
        },
        { quiet: true },
      ),
    );
}
