import type { Command } from 'commander';
import {
  issuePasswordReset,
  revokeApiToken,
  revokeSessions,
  setDisabled,
  unlockUser,
  userAccess,
} from '../services/accounts.ts';
import { ROLES } from '../services/actor.ts';
import { addUser, createApiToken, TOKEN_DEFAULT_DAYS } from '../services/add-user.ts';
import { consoleActor } from '../services/console-actor.ts';
import { printJson, run, usageError } from './context.ts';

export function register(program: Command): void {
  const users = program.command('users').description('manage users / kelola pengguna');
  users
    .command('add')
    .description('create a user; the password is read from env LINDUNG_PASSWORD or --password')
    .requiredOption('--username <name>', 'login name (a-z 0-9 . _ -)')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option(
      '--scope <code>',
      'region code (53.04, 53.04.01.2001) or office code (KC-ATAMBUA); none for admin',
    )
    .option('--name <display>', 'display name')
    .option(
      '--password <password>',
      'initial password (prefer env LINDUNG_PASSWORD: not kept in shell history)',
    )
    .option('--json', 'machine-readable output')
    .action(
      (o: {
        username: string;
        role: string;
        scope?: string;
        name?: string;
        password?: string;
        json?: boolean;
      }) =>
        run(
          async (deps) => {
            const password = o.password ?? process.env.LINDUNG_PASSWORD;
            if (!password) usageError('password: set LINDUNG_PASSWORD or pass --password');
            if (!(ROLES as readonly string[]).includes(o.role))
              usageError(`role: one of ${ROLES.join(', ')}`);
            const user = await addUser(deps, consoleActor(), {
              username: o.username,
              displayName: o.name ?? o.username,
              role: o.role as (typeof ROLES)[number],
              scope: o.scope,
              password,
            });
            if (o.json) printJson(user);
            else console.log(`user ${user.username} (${user.role}, ${user.scopeCode ?? 'system'}) created`);
          },
          { quiet: true },
        ),
    );
  users
    .command('token')
    .description('issue a bearer API token for a user (printed once); it expires')
    .argument('<username>')
    .option('--name <label>', 'what the token is for', 'api')
    .option(
      '--days <n>',
      `days until it expires (1–366, default ${TOKEN_DEFAULT_DAYS})`,
      String(TOKEN_DEFAULT_DAYS),
    )
    .option('--json', 'machine-readable output')
    .action((username: string, o: { name: string; days: string; json?: boolean }) =>
      run(
        async (deps) => {
          if (!/^\d+$/.test(o.days)) usageError('days: a whole number from 1 to 366');
          const t = await createApiToken(deps, consoleActor(), username, o.name, Number(o.days));
          if (o.json) printJson({ username, ...t });
          else console.log(t.token);
        },
        { quiet: true },
      ),
    );
  users
    .command('reset-password')
    .description('issue a one-time code (24 h) with which the user sets a new password; printed once')
    .argument('<username>')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await issuePasswordReset(deps, consoleActor(), username);
          if (o.json) printJson(r);
          else console.log(`reset code for ${r.username} (until ${r.expiresAt}): ${r.code}`);
        },
        { quiet: true },
      ),
    );
  for (const [command, disabled, what] of [
    ['disable', true, 'disable a user: log-in refused, sessions ended, tokens stop working'],
    ['enable', false, 'enable a disabled user again'],
  ] as const) {
    users
      .command(command)
      .description(what)
      .argument('<username>')
      .option('--json', 'machine-readable output')
      .action((username: string, o: { json?: boolean }) =>
        run(
          async (deps) => {
            const r = await setDisabled(deps, consoleActor(), username, disabled);
            if (o.json) printJson(r);
            else
              console.log(
                `user ${r.username} ${disabled ? `disabled (${r.sessionsEnded} sessions ended)` : 'enabled'}`,
              );
          },
          { quiet: true },
        ),
      );
  }
  users
    .command('unlock')
    .description('lift the log-in throttle of an account locked by failed attempts')
    .argument('<username>')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await unlockUser(deps, consoleActor(), username);
          if (o.json) printJson(r);
          else console.log(`user ${r.username} ${r.wasLocked ? 'unlocked' : 'was not locked'}`);
        },
        { quiet: true },
      ),
    );
  users
    .command('sessions')
    .description("a user's state, live sessions and API tokens")
    .argument('<username>')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await userAccess(deps, consoleActor(), username);
          if (o.json) return printJson(r);
          console.log(`${r.username}: ${r.disabled ? 'disabled' : 'enabled'}${r.locked ? ', locked' : ''}`);
          for (const s of r.sessions)
            console.log(
              `session ${s.id}: since ${s.createdAt}, last used ${s.lastSeenAt}, ends ${s.expiresAt}`,
            );
          for (const t of r.tokens)
            console.log(
              `token ${t.id} ${t.name}: expires ${t.expiresAt}${t.revokedAt ? `, revoked ${t.revokedAt}` : ''}`,
            );
        },
        { quiet: true },
      ),
    );
  users
    .command('revoke-sessions')
    .description('end every session of a user')
    .argument('<username>')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          const r = await revokeSessions(deps, consoleActor(), username);
          if (o.json) printJson(r);
          else console.log(`${r.revoked} sessions of ${r.username} ended`);
        },
        { quiet: true },
      ),
    );
  users
    .command('revoke-token')
    .description('revoke one API token of a user (ids: lindung users sessions)')
    .argument('<username>')
    .argument('<id>')
    .option('--json', 'machine-readable output')
    .action((username: string, id: string, o: { json?: boolean }) =>
      run(
        async (deps) => {
          if (!/^[1-9]\d{0,15}$/.test(id)) usageError('id: a token id');
          const r = await revokeApiToken(deps, consoleActor(), username, Number(id));
          if (o.json) printJson(r);
          else
            console.log(
              `token ${r.tokenId} of ${r.username} ${r.revoked ? 'revoked' : 'was revoked already'}`,
            );
        },
        { quiet: true },
      ),
    );
}
