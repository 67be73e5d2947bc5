import { findUserByUsername } from '../../db/users.ts';
import { type Actor, type Deps, PERMISSIONS } from '../actor.ts';
import { resolveActor } from '../resolve-actor.ts';

/** A demo login as its Actor (the demo users exist: loadDemo creates them first). */
export async function demoUser(deps: Deps, username: string): Promise<Actor> {
  const u = await findUserByUsername(deps.db, username);
  if (!u) throw new Error(`demo user ${username} missing`);
  return resolveActor(deps.db, u);
}

/**
 * The operator of a village. Kewar and Fulur have demo logins; the other villages' operators are
 * acted by the demo under the name `operator.<village code>` (recorded so in the audit log).
 */
export async function villageOperator(deps: Deps, code: string, name: string): Promise<Actor> {
  if (code === '53.04.01.2001') return demoUser(deps, 'desa.kewar');
  if (code === '53.04.01.2002') return demoUser(deps, 'desa.fulur');
  return {
    userId: 0,
    username: `operator.${code}`,
    displayName: `Operator Desa ${name}`,
    role: 'village_operator',
    scope: { type: 'region', code, name },
    regionScopes: [code],
    homeRegion: code,
    permissions: PERMISSIONS.village_operator,
  };
}
