import type { Command } from 'commander';
import { consoleActor } from '../services/console-actor.ts';
import { DEMO_PASSWORD, loadDemo } from '../services/load-demo.ts';
import { printJson, progress, run } from './context.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description('load the Kabupaten Belu demo (idempotent) / muat data demo Kabupaten Belu')
    .option('--json', 'machine-readable output')
    .option('--users-only', 'only the demo logins, without the Belu 2023–2026 data / hanya akun demo')
    .action((opts: { json?: boolean; usersOnly?: boolean }) =>
      run(async (deps) => {
        const r = await loadDemo(deps, consoleActor(), progress, { belu: !opts.usersOnly });
        if (opts.json) printJson({ ...r, password: DEMO_PASSWORD });
        else {
          console.log(`demo ready; password for every demo login: ${DEMO_PASSWORD}`);
          for (const u of r.users)
            console.log(`  ${u.username.padEnd(20)} ${u.role.padEnd(18)} ${u.scope ?? ''}`);
        }
      }),
    );
}
