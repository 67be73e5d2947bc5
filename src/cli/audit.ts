import type { Command } from 'commander';
import { verifyAudit } from '../services/verify-audit.ts';
import { printJson, run } from './context.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('audit log / log audit');
  audit
    .command('verify')
    .description('recompute the audit hash chain; exit 1 if any row was altered or removed')
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await verifyAudit(deps);
          if (o.json) printJson(r);
          else if (r.ok) console.log(`audit chain intact: ${r.rows} rows / rantai audit utuh`);
          else {
            const b = r.firstBreak!;
            console.error(`audit chain BROKEN at row id ${b.id} (seq ${b.chainSeq}): ${b.problem}`);
          }
          if (!r.ok) process.exitCode = 1;
        },
        { quiet: true },
      ),
    );
}
