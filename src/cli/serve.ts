import type { Command } from 'commander';
import { dbConfigFromEnv, describeDb } from '../db/connect.ts';
import { buildServer } from '../http/server.ts';
import { consoleActor } from '../services/console-actor.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../services/load-demo.ts';
import { fail, openPrepared, progress } from './context.ts';

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the web UI and HTTP API / jalankan server web dan API')
    .option('--port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
    .option(
      '--host <host>',
      'address to listen on (env HOST; 0.0.0.0 for the local network)',
      process.env.HOST ?? '127.0.0.1',
    )
    .option('--demo', 'load the Kabupaten Belu demo first (idempotent)')
    .option('--demo-users-only', 'with --demo: only the demo logins, without the Belu 2023 data')
    .action(async (opts: { port: string; host: string; demo?: boolean; demoUsersOnly?: boolean }) => {
      try {
        const config = dbConfigFromEnv();
        progress(`database: ${describeDb(config)}`);
        const deps = await openPrepared(config);
        if (opts.demo) await loadDemo(deps, consoleActor(), progress, { belu: !opts.demoUsersOnly });
        const app = await buildServer({ deps, secureCookies: process.env.LINDUNG_SECURE_COOKIES === '1' });
        const address = await app.listen({ port: Number(opts.port), host: opts.host });
        const port = new URL(address).port;
        const shown = opts.host === '0.0.0.0' || opts.host === '127.0.0.1' ? 'localhost' : opts.host;
        console.log(`lindung listening on http://${shown}:${port}`);
        console.log(`API docs: http://${shown}:${port}/api/docs`);
        if (opts.demo) {
          console.log(`demo logins (password "${DEMO_PASSWORD}"):`);
          for (const u of DEMO_USERS)
            console.log(`  ${u.username.padEnd(20)} ${u.role.padEnd(18)} ${u.scope ?? ''}`);
        }
        const stop = async () => {
          await app.close();
          await deps.db.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (e) {
        fail(e);
      }
    });
}
