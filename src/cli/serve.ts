import type { Command } from 'commander';
import { dbConfigFromEnv, describeDb, openServing } from '../db/connect.ts';
import { buildServer } from '../http/server.ts';
import type { Deps } from '../services/actor.ts';
import { consoleActor } from '../services/console-actor.ts';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../services/load-demo.ts';
import { publicUrlWarning } from '../services/public-url.ts';
import { checkpointAudit, fail, prepare, progress } from './context.ts';
import { closeOnSignals } from './shutdown.ts';

/** A whole number of milliseconds from the environment; undefined (the default) when unset. */
function envMs(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number of milliseconds`);
  return Number(text);
}

/** LINDUNG_AUDIT_CHECKPOINT_MINUTES, 10 by default. */
function checkpointMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const m = Number(env.LINDUNG_AUDIT_CHECKPOINT_MINUTES);
  return Number.isFinite(m) && m > 0 ? m : 10;
}

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
    .option('--demo-users-only', 'with --demo: only the demo logins, without the Belu 2023–2026 data')
    .action(async (opts: { port: string; host: string; demo?: boolean; demoUsersOnly?: boolean }) => {
      try {
        const config = dbConfigFromEnv();
        // The server owns an embedded folder alone; a second server is refused (DATA_DIR_IN_USE).
        const { db, share } = await openServing(config);
        progress(`database: ${describeDb(config)}`);
        let app: Awaited<ReturnType<typeof buildServer>> | null = null;
        let checkpoints: NodeJS.Timeout | null = null;
        let prepared: Deps | null = null;
        closeOnSignals(
          async () => {
            await app?.close();
            if (checkpoints) clearInterval(checkpoints);
            if (prepared) await checkpointAudit(prepared);
            await db.close();
          },
          () => 0,
        );
        const deps = await prepare(db);
        prepared = deps;
        // The audit chain's head, signed outside the database at start, every few minutes and at stop.
        if (db.audit?.checkpointsFile) {
          await checkpointAudit(deps);
          checkpoints = setInterval(() => void checkpointAudit(deps), checkpointMinutes() * 60_000);
          checkpoints.unref();
        } else
          progress(
            'warning: no audit checkpoint file (set LINDUNG_AUDIT_CHECKPOINTS): rows removed from the end of the audit log would go unseen',
          );
        // From here the CLI beside this server works through it (its own socket in the lock folder).
        await share();
        if (opts.demo) await loadDemo(deps, consoleActor(), progress, { belu: !opts.demoUsersOnly });
        app = await buildServer({
          deps,
          listenHost: opts.host,
          secureCookies: process.env.LINDUNG_SECURE_COOKIES === '1',
          // PostgreSQL statement timeouts of API requests, ms; the CLI's bulk commands have none.
          statementTimeoutMs: envMs('LINDUNG_STATEMENT_TIMEOUT_MS'),
          longStatementTimeoutMs: envMs('LINDUNG_LONG_STATEMENT_TIMEOUT_MS'),
        });
        const address = await app.listen({ port: Number(opts.port), host: opts.host });
        const port = new URL(address).port;
        const shown = opts.host === '0.0.0.0' || opts.host === '127.0.0.1' ? 'localhost' : opts.host;
        console.log(`lindung listening on http://${shown}:${port}`);
        console.log(`API docs: http://${shown}:${port}/api/docs`);
        const unsetPublicUrl = publicUrlWarning(opts.host);
        if (unsetPublicUrl) progress(unsetPublicUrl);
        if (opts.demo) {
          console.log(`demo logins (password "${DEMO_PASSWORD}"):`);
          for (const u of DEMO_USERS)
            console.log(`  ${u.username.padEnd(20)} ${u.role.padEnd(18)} ${u.scope ?? ''}`);
        }
      } catch (e) {
        fail(e);
      }
    });
}
