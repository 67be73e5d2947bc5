import { Command } from 'commander';
import { register as audit } from './audit.ts';
import { register as billing } from './billing.ts';
import { register as bpu } from './bpu.ts';
import { register as calc } from './calc.ts';
import { register as corrections } from './corrections.ts';
import { register as coverage } from './coverage.ts';
import { register as db } from './db.ts';
import { register as demo } from './demo.ts';
import { register as importFiles } from './import.ts';
import { register as importWages } from './import-wages.ts';
import { register as membership } from './membership.ts';
import { register as national } from './national.ts';
import { register as period } from './period.ts';
import { register as pmi } from './pmi.ts';
import { register as project } from './project.ts';
import { register as regions } from './regions.ts';
import { register as renew } from './renew.ts';
import { register as report } from './report.ts';
import { register as serve } from './serve.ts';
import { register as users } from './users.ts';

const program = new Command()
  .name('lindung')
  .description('Jaminan Sosial Ketenagakerjaan for a district / untuk kabupaten (BPJS Ketenagakerjaan)')
  .showHelpAfterError()
  .exitOverride((err) => {
    // commander's own usage errors (unknown option, missing argument) exit 2 like ours
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

for (const add of [
  serve,
  db,
  demo,
  users,
  audit,
  regions,
  calc,
  importFiles,
  importWages,
  billing,
  renew,
  coverage,
  corrections,
  membership,
  national,
  pmi,
  bpu,
  period,
  project,
])
  add(program);
report(program);

await program.parseAsync(process.argv);
