// `lindung bpu register|import|pay|show|list`: self-paying informal workers (BPU mandiri), issue 13.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { listBpu, showBpuWithPayments } from '../services/bpu/list-bpu.ts';
import { payBpu } from '../services/bpu/pay-bpu.ts';
import { registerBpu } from '../services/bpu/register-bpu.ts';
import { registerBpuFile } from '../services/bpu/register-bpu-file.ts';
import { consoleActor } from '../services/console-actor.ts';
import { printJson, run } from './context.ts';

const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

interface RegisterOptions {
  nik: string;
  name?: string;
  birthDate?: string;
  sex?: string;
  occupation?: string;
  village: string;
  income: string;
  jht?: boolean;
  months: string;
  agent?: string;
  json?: boolean;
}

function registerCommand(bpu: Command) {
  bpu
    .command('register')
    .description(
      'daftarkan pekerja BPU mandiri / register a self-paying informal worker: JKK + JKM (JHT optional), a personal payment code',
    )
    .requiredOption('--nik <nik>', 'NIK pekerja / the worker’s NIK')
    .option('--name <name>', 'nama lengkap (NIK baru) / full name (a new NIK)')
    .option('--birth-date <YYYY-MM-DD>', 'tanggal lahir (NIK baru) / birth date (a new NIK)')
    .option('--sex <L|P>', 'jenis kelamin (NIK baru) / sex (a new NIK)')
    .option('--occupation <text>', 'pekerjaan / occupation')
    .requiredOption('--village <code>', 'desa/kelurahan, e.g. 53.04.01.2001')
    .requiredOption('--income <rupiah>', 'penghasilan per bulan / declared monthly income')
    .option('--jht', 'ikut JHT / also old-age savings (JHT)')
    .option('--months <n>', 'bulan per pembayaran / months a payment: 1, 3, 6 or 12', '1')
    .option('--agent <name>', 'ditagih kolektif oleh agen / collected by this agent')
    .option('--json', 'machine-readable output')
    .action((o: RegisterOptions) =>
      run(
        async (deps) => {
          const r = await registerBpu(deps, consoleActor(), {
            nik: o.nik,
            ...(o.name ? { fullName: o.name } : {}),
            ...(o.birthDate ? { birthDate: o.birthDate } : {}),
            ...(o.sex ? { sex: o.sex as 'L' | 'P' } : {}),
            ...(o.occupation ? { occupation: o.occupation } : {}),
            regionCode: o.village,
            declaredIncomeRp: Number(o.income),
            jht: Boolean(o.jht),
            frequencyMonths: Number(o.months) as 1,
            ...(o.agent ? { agentName: o.agent } : {}),
          });
          if (o.json) return printJson(r);
          const g = r.registration;
          console.log(`BPU ${g.kpj} — kode bayar / payment code ${g.paymentCode} (${g.programs.join(', ')})`);
          console.log(
            `  pembayaran pertama / first payment ${r.firstPayment.from} – ${r.firstPayment.to}: ${rp(r.firstPayment.totalRp)}`,
          );
        },
        { quiet: true },
      ),
    );
}

interface PayOptions {
  code: string;
  amount: string;
  months?: string;
  receivedOn: string;
  reference: string;
  key: string;
  json?: boolean;
}

function payCommand(bpu: Command) {
  bpu
    .command('pay')
    .description(
      'bayar iuran BPU dengan kode bayar / pay BPU contributions by payment code (next unpaid months)',
    )
    .requiredOption('--code <code>', 'kode bayar / payment code (88…)')
    .requiredOption('--amount <rupiah>', 'jumlah / amount, exactly the months’ contribution')
    .option('--months <n>', 'bulan / months (default: the registration’s frequency)')
    .requiredOption('--received-on <YYYY-MM-DD>', 'tanggal uang diterima / day the money came')
    .requiredOption('--reference <text>', 'nomor transfer atau kuitansi / transfer or receipt number')
    .requiredOption(
      '--key <idempotency-key>',
      'kunci idempotensi / idempotency key (a retry with it posts nothing twice)',
    )
    .option('--json', 'machine-readable output')
    .action((o: PayOptions) =>
      run(
        async (deps) => {
          const r = await payBpu(deps, consoleActor(), {
            paymentCode: o.code,
            amountRp: Number(o.amount),
            ...(o.months ? { months: Number(o.months) } : {}),
            receivedOn: o.receivedOn,
            reference: o.reference,
            idempotencyKey: o.key,
          });
          if (o.json) return printJson(r);
          if (r.replayed) return console.log(`pembayaran ${r.paymentId} sudah tercatat / already posted`);
          console.log(
            // Months a reversal left owed are paid on their first invoice: no new one then.
            `pembayaran / payment ${r.paymentId}: ${r.months?.from} – ${r.months?.to}${r.invoice ? `, tagihan / invoice ${r.invoice.number}` : ''}; status ${r.registration.status}`,
          );
        },
        { quiet: true },
      ),
    );
}

export function register(program: Command): void {
  const bpu = program
    .command('bpu')
    .description('pekerja bukan penerima upah mandiri / self-paying informal workers (BPU)');
  registerCommand(bpu);
  bpu
    .command('import')
    .description(
      'daftarkan banyak pekerja dari berkas CSV / register many workers from a CSV file (all rows or none)',
    )
    .argument(
      '<file>',
      'CSV: nik, nama, tanggal_lahir, jenis_kelamin, pekerjaan, alamat, kode_desa, penghasilan, jht, frekuensi, mulai',
    )
    .requiredOption('--region <code>', 'wilayah unggahan / the upload’s village, kecamatan or regency')
    .option('--agent <name>', 'ditagih kolektif oleh agen / collected by this agent')
    .action((file: string, o: { region: string; agent?: string }) =>
      run(
        async (deps) =>
          printJson(
            await registerBpuFile(deps, consoleActor(), {
              regionCode: o.region,
              csv: readFileSync(file, 'utf8'),
              ...(o.agent ? { agentName: o.agent } : {}),
            }),
          ),
        { quiet: true },
      ),
    );
  payCommand(bpu);
  bpu
    .command('show')
    .description('satu peserta BPU mandiri / one registration: months paid, next payment, payments')
    .argument('<kpj-or-code>', 'KPJ atau kode bayar / KPJ or payment code')
    .action((key: string) =>
      run(async (deps) => printJson(await showBpuWithPayments(deps, consoleActor(), key)), { quiet: true }),
    );
  bpu
    .command('list')
    .description('peserta BPU mandiri, terbaru dahulu / registrations, newest first, a page at a time')
    .option('--q <text>', 'KPJ, NIK, kode bayar atau nama / KPJ, NIK, payment code or part of a name')
    .option('--limit <n>', 'baris per halaman / rows a page (1–500)', '50')
    .option('--cursor <id>', 'nextCursor halaman sebelumnya / nextCursor of the previous page')
    .action((o: { q?: string; limit: string; cursor?: string }) =>
      run(
        async (deps) =>
          printJson(
            await listBpu(deps, consoleActor(), {
              search: o.q ?? null,
              limit: Math.max(1, Math.min(500, Number(o.limit) || 50)),
              cursor: o.cursor ?? null,
            }),
          ),
        { quiet: true },
      ),
    );
}
