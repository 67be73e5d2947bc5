import type { Command } from 'commander';
import { verifyAudit, writeAuditCheckpoint } from '../services/verify-audit.ts';
import { printJson, progress, run } from './context.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('audit log / log audit');
  audit
    .command('verify')
    .description(
      'recompute the keyed audit chain and check it against the signed checkpoints; exit 1 if any row was altered or removed',
    )
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await verifyAudit(deps);
          if (o.json) printJson(r);
          else if (r.ok)
            console.log(
              `audit chain intact: ${r.rows} rows, ${r.checkpoints.count} checkpoints / rantai audit utuh`,
            );
          else if (r.firstBreak) {
            const b = r.firstBreak;
            console.error(
              `audit chain BROKEN at ${b.id === null ? '' : `row id ${b.id} `}(seq ${b.chainSeq}): ${b.problem}`,
            );
          }
          if (r.checkpoints.invalidLines.length)
            console.error(
              `checkpoint file ${r.checkpoints.file}: lines ${r.checkpoints.invalidLines.join(', ')} are not validly signed checkpoints`,
            );
          if (!o.json) for (const w of r.warnings) progress(`warning: ${w}`);
          if (!r.ok) process.exitCode = 1;
        },
        { quiet: true },
      ),
    );
  audit
    .command('checkpoint')
    .description('append a signed checkpoint of the audit chain head to the checkpoint file (for cron)')
    .action(() =>
      run(
        async (deps) => {
          const r = await writeAuditCheckpoint(deps);
          if (r.written)
            console.log(`checkpoint at seq ${r.seq} written to ${r.file} / titik periksa ditulis`);
          else if (r.reason === 'no_file')
            console.log('no checkpoint file configured (LINDUNG_AUDIT_CHECKPOINTS)');
          else if (r.reason === 'unchanged')
            console.log('the chain head has not moved since the latest checkpoint');
          else {
            console.error('audit chain BROKEN: no checkpoint written; run lindung audit verify');
            process.exitCode = 1;
          }
        },
        { quiet: true },
      ),
    );
}
