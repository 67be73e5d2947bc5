import { findUserByUsername } from '../../src/db/users.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/services/load-demo.ts';
import { resolveActor } from '../../src/services/resolve-actor.ts';

export { DEMO_PASSWORD };

/** Loads the demo users and returns the Actor of one of them. */
export async function demoActor(deps: Deps, username: string): Promise<Actor> {
  if (!(await findUserByUsername(deps.db, username))) await loadDemo(deps, consoleActor());
  const u = await findUserByUsername(deps.db, username);
  if (!u) throw new Error(`no demo user ${username}`);
  return resolveActor(deps.db, u);
}

/** A branch supervisor at the head office (KP): the role that sets national parameters. */
export async function headOfficeSupervisor(deps: Deps): Promise<Actor> {
  const username = 'supervisor.pusat';
  if (!(await findUserByUsername(deps.db, username)))
    await addUser(deps, consoleActor(), {
      username,
      displayName: 'Supervisor Kantor Pusat',
      role: 'branch_supervisor',
      scope: 'KP',
      password: DEMO_PASSWORD,
    });
  return resolveActor(deps.db, (await findUserByUsername(deps.db, username))!);
}
