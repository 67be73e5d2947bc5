import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatRp } from '../rules/format.ts';
import { consoleActor } from '../services/console-actor.ts';
import type { ExportFile } from '../services/exports/table.ts';
import { ribuan } from '../services/invoice-pdf/labels.ts';
import {
  type BranchReport,
  branchReport,
  type DistrictDashboard,
  districtDashboard,
  exportBranchReport,
  exportDistrictDashboard,
  type ReportFormat,
} from '../services/reports/index.ts';
import { opdLabel } from '../services/reports/non-asn.ts';
import { type Freshness, freshnessNote } from '../services/reports/report-reads.ts';
import { printJson, progress, run, usageError } from './context.ts';

const FORMATS: readonly ReportFormat[] = ['csv', 'xlsx', 'pdf'];

interface FileOptions {
  json?: boolean;
  format?: string;
  table?: string;
  output?: string;
}

function fileFormat(o: FileOptions): ReportFormat | null {
  if (!o.format) return null;
  if (!FORMATS.includes(o.format as ReportFormat)) usageError('--format: csv, xlsx or pdf');
  return o.format as ReportFormat;
}

/** CSV goes to stdout unless --output is given; XLSX and PDF to --output or the file's own name. */
function writeFile(file: ExportFile, format: ReportFormat, output?: string): void {
  if (format === 'csv' && !output) {
    process.stdout.write(file.body);
    return;
  }
  const path = output ?? file.fileName;
  writeFileSync(path, file.body);
  progress(`${path} (${file.body.length} bytes)`);
}

/** Figures from a replica say so, with how far behind they may be. */
function printFreshness(f: Freshness): void {
  const note = freshnessNote(f);
  if (!note) return;
  const behind = f.staleSeconds === null ? 'delay unknown' : `up to ${f.staleSeconds} s behind`;
  console.log(`${note} / Replica data, ${behind}.`);
}

function printBranchReport(r: BranchReport): void {
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(38)} ${value.padStart(18)}`);
  console.log(`Laporan Kantor Cabang — ${r.regencyName} (${r.regencyCode}), ${r.from} s.d. ${r.to}`);
  console.log('Klaim dibayar / claims paid');
  for (const [program, c] of Object.entries(r.claims)) line(`${program} (${c.count})`, formatRp(c.amountRp));
  line(`Jumlah / total (${r.claimsTotal.count})`, formatRp(r.claimsTotal.amountRp));
  line('Manfaat dibayar / benefits paid', formatRp(r.benefitsPaidRp));
  console.log(`Peserta aktif per ${r.to} / active participants`);
  line('Formal (PU)', ribuan(r.activeParticipants.formal));
  line('Informal (BPU)', ribuan(r.activeParticipants.informal));
  line('Jasa konstruksi (JAKON)', ribuan(r.activeParticipants.construction));
  line('Jumlah / total', ribuan(r.activeParticipants.total));
  line('Pekerja rentan desa / village workers', ribuan(r.villageWorkers));
  line('Desa / villages', ribuan(r.villagesWithWorkers));
  console.log('Pegawai non-ASN (termasuk Formal) / Non-ASN workers (within formal)');
  line('Jumlah / total', ribuan(r.nonAsn.active));
  for (const u of r.nonAsn.byWorkUnit) line(opdLabel(u), ribuan(u.active));
  printFreshness(r.freshness);
}

function printDistrict(d: DistrictDashboard): void {
  console.log(`Dasbor Kabupaten — ${d.regencyName} (${d.regencyCode}) per ${d.asOf}`);
  if (d.ucj)
    console.log(
      `UCJ ${d.ucj.year}: ${d.ucj.percent}% (${d.ucj.covered} / ${d.ucj.workforce}, ${d.ucj.source}); target ${d.ucj.targetPercent}%`,
    );
  // The one active figure (active-count.ts): the kecamatan lines below leave out regency-level participants.
  console.log(`Peserta aktif / active participants: ${ribuan(d.active)}`);
  for (const a of d.areas.filter((x) => x.level === 'district'))
    console.log(`  ${a.code}  ${a.name.padEnd(28)} ${ribuan(a.active).padStart(10)} aktif`);
  if (d.nonAsn) {
    console.log(`Pegawai non-ASN / Non-ASN workers: ${ribuan(d.nonAsn.active)} aktif`);
    for (const u of d.nonAsn.byWorkUnit)
      console.log(`  ${opdLabel(u).padEnd(40)} ${ribuan(u.active).padStart(10)} aktif`);
  }
  printFreshness(d.freshness);
}

export function register(program: Command): void {
  const report = program.command('report').description('reports and dashboards / laporan dan dasbor');
  report
    .command('branch')
    .description('branch report for a period: claims paid, benefits, active participants, village workers')
    .option('--regency <code>', 'regency code', '53.04')
    .requiredOption('--from <YYYY-MM-DD>', 'first day')
    .requiredOption('--to <YYYY-MM-DD>', 'last day (participants are counted as of this day)')
    .option('--json', 'machine-readable output')
    .option('--format <csv|xlsx|pdf>', 'a file instead of the screen')
    .option('--table <name>', 'one table of the file (summary, claims, participants)')
    .option('--output <file>', 'where to write the file')
    .action((o: FileOptions & { regency: string; from: string; to: string }) =>
      run(
        async (deps) => {
          const input = { regencyCode: o.regency, from: o.from, to: o.to };
          const format = fileFormat(o);
          if (format) {
            const file = await exportBranchReport(deps, consoleActor(), input, { format, table: o.table });
            return writeFile(file, format, o.output);
          }
          const r = await branchReport(deps, consoleActor(), input);
          return o.json ? printJson(r) : printBranchReport(r);
        },
        { quiet: true, reports: true },
      ),
    );
  report
    .command('district')
    .description('district dashboard as of a date: participants per area, UCJ, trends, arrears, budget')
    .option('--regency <code>', 'regency code', '53.04')
    .requiredOption('--as-of <YYYY-MM-DD>', 'the date counted')
    .option('--json', 'machine-readable output')
    .option('--format <csv|xlsx|pdf>', 'a file instead of the screen')
    .option('--table <name>', 'one table (areas, districts, villages, trends, arrears, budget, ucj, non_asn)')
    .option('--output <file>', 'where to write the file')
    .action((o: FileOptions & { regency: string; asOf: string }) =>
      run(
        async (deps) => {
          const input = { regencyCode: o.regency, asOf: o.asOf };
          const format = fileFormat(o);
          if (format) {
            const file = await exportDistrictDashboard(deps, consoleActor(), input, {
              format,
              table: o.table,
            });
            return writeFile(file, format, o.output);
          }
          const d = await districtDashboard(deps, consoleActor(), input);
          return o.json ? printJson(d) : printDistrict(d);
        },
        { quiet: true, reports: true },
      ),
    );
}
