import { findAncestors, findChildren } from '../db/regions.ts';
import { requireInScope } from './access.ts';
import type { Actor, Deps } from './actor.ts';

/** A region with its children and counts, if the actor's scope reaches it (else 404). */
export async function showRegion(deps: Deps, actor: Actor, code: string) {
  const region = await requireInScope(deps.db, actor, 'region', code);
  const [children, ancestors] = await Promise.all([
    findChildren(deps.db, code),
    findAncestors(deps.db, code),
  ]);
  return { region, children, ancestors };
}
