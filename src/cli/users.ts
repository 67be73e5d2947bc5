import type { Command } from 'commander';
import { ROLES } from '../services/actor.ts';
import { addUser, createApiToken } from '../services/add-user.ts';
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
    .description('issue a bearer API token for a user (printed once)')
    .argument('<username>')
    .option('--name <label>', 'what the token is for', 'api')
    .option('--json', 'machine-readable output')
    .action((username: string, o: { name: string; json?: boolean }) =>
      run(
        async (deps) => {
          const { token } = await createApiToken(deps, consoleActor(), username, o.name);
          if (o.json) printJson({ username, token });
          else console.log(token);
        },
        { quiet: true },
      ),
    );
}
