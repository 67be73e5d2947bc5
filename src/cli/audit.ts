import type { Command } from 'commander';
import { verifyAudit, writeAuditCheckpoint } from '../services/verify-audit.ts';
import { printJson, progress, run } from './context.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('audit log / log audit');
  audit
    .command('verify')
    .description(
      'recompute every audit chain (one per regency) and check it against the signed checkpoints; exit 1 if any row was altered or removed',
    )
    .option('--json', 'machine-readable output')
    .action((o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await verifyAudit(deps);
          if (o.json) printJson(r);
          else {
            for (const c of r.chains) {
              const b = c.firstBreak;
              if (b)
                console.error(
                  `audit chain ${c.chain} BROKEN at ${b.id === null ? '' : `row id ${b.id} `}(seq ${b.chainSeq}): ${b.problem}`,
                );
              else
                console.log(
                  `audit chain ${c.chain}: ${c.rows} rows, ${c.checkpointSeq === null ? 'no checkpoint' : `checkpoint at seq ${c.checkpointSeq}`}`,
                );
            }
            if (r.ok)
              console.log(
                `audit chains intact: ${r.rows} rows in ${r.chains.length} chains, ${r.checkpoints.count} checkpoints / rantai audit utuh`,
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
    .description(
      'append a signed checkpoint of each audit chain head that moved to the checkpoint file (for cron)',
    )
    .action(() =>
      run(
        async (deps) => {
          const r = await writeAuditCheckpoint(deps);
          if (r.written)
            console.log(
              `checkpoints written to ${r.file} / titik periksa ditulis: ${r.chains.map((c) => `${c.chain} at seq ${c.seq}`).join(', ')}`,
            );
          else if (r.reason === 'no_file')
            console.log('no checkpoint file configured (LINDUNG_AUDIT_CHECKPOINTS)');
          else if (r.reason === 'unchanged')
            console.log('no chain head has moved since its latest checkpoint');
          else {
            console.error('audit chain BROKEN: no checkpoint written; run lindung audit verify');
            process.exitCode = 1;
          }
        },
        { quiet: true },
      ),
    );
}
