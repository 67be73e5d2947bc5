import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { postPayment } from '../services/post-payment.ts';
import { runBilling } from '../services/run-billing.ts';
import { printJson, progress, run, usageError } from './context.ts';

export function register(program: Command): void {
  const billing = program.command('billing').description('monthly billing / penagihan bulanan');
  billing
    .command('run')
    .description('bill every active participant of a regency for a period (re-runs issue only adjustments)')
    .requiredOption('--period <YYYY-MM>', 'the contribution month')
    .option('--regency <code>', 'regency code', '53.04')
    .option('--json', 'machine-readable output')
    .action((o: { period: string; regency: string; json?: boolean }) =>
      run(
        async (deps) => {
          const r = await runBilling(deps, consoleActor(), {
            regencyCode: o.regency,
            period: o.period,
            onProgress: progress,
          });
          if (o.json) return printJson(r);
          for (const w of r.warnings)
            console.log(
              `warning / peringatan: ${w.payerName ?? w.payerRegion} ${w.reasons.join('+')} ${w.fiscalYear}: committed Rp ${w.committedRp} / allocated Rp ${w.allocatedRp}${w.quotaWorkers === null ? '' : `, workers ${w.workers}/${w.quotaWorkers}`}`,
            );
          for (const n of r.notBilled)
            console.log(
              `not billed / tidak ditagih: ${n.payerName} (${n.participants} participants) ${n.period}: no allocation in force / tanpa alokasi anggaran`,
            );
          if (r.membershipsEnded > 0)
            console.log(
              `memberships ended with their budget year / berakhir bersama tahun anggaran: ${r.membershipsEnded}`,
            );
          if (!r.runId) return console.log(`${o.period}: nothing new to bill / tidak ada tagihan baru`);
          console.log(
            `${o.period}: ${r.kind} run ${r.runId}, ${r.invoices.length} invoices, ${r.lines} lines, Rp ${r.totalRp}`,
          );
          for (const i of r.invoices)
            console.log(`  ${i.number}  ${i.payerName.padEnd(36)} Rp ${i.totalRp}  due ${i.dueDate}`);
        },
        { quiet: true },
      ),
    );

  const payments = program.command('payments').description('payments / pembayaran');
  payments
    .command('post')
    .description('post a payment received from a payer (idempotent per --key)')
    .requiredOption('--payer <id>', 'payer id')
    .requiredOption('--amount <rupiah>', 'whole rupiah')
    .requiredOption('--received-on <YYYY-MM-DD>', 'date the money arrived')
    .requiredOption('--reference <text>', 'bank transfer or receipt number')
    .requiredOption('--key <idempotency-key>', 'unique per payment; retrying with the same key books once')
    .option('--json', 'machine-readable output')
    .action(
      (o: {
        payer: string;
        amount: string;
        receivedOn: string;
        reference: string;
        key: string;
        json?: boolean;
      }) =>
        run(
          async (deps) => {
            if (!/^\d+$/.test(o.amount)) usageError('amount: whole rupiah, digits only');
            const r = await postPayment(deps, consoleActor(), {
              payerId: Number(o.payer),
              amountRp: Number(o.amount),
              receivedOn: o.receivedOn,
              reference: o.reference,
              idempotencyKey: o.key,
            });
            if (o.json) return printJson(r);
            console.log(
              `payment ${r.paymentId}${r.replayed ? ' (already posted with this key)' : ''}; payer balance Rp ${r.balances.receivableRp}`,
            );
          },
          { quiet: true },
        ),
    );
}
