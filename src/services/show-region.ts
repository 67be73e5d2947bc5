import { findAncestors, findChildren, findRegionInScope } from '../db/regions.ts';
import { AppError } from '../errors.ts';
import type { Actor, Deps } from './actor.ts';

/** A region with its children and counts, if the actor's scope reaches it (else 404). */
export async function showRegion(deps: Deps, actor: Actor, code: string) {
  const region = await findRegionInScope(deps.db, code, actor.regionScopes);
  if (!region) throw new AppError('REGION_NOT_FOUND', { code });
  const [children, ancestors] = await Promise.all([
    findChildren(deps.db, code),
    findAncestors(deps.db, code),
  ]);
  return { region, children, ancestors };
}
