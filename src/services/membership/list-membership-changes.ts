// Membership changes in the caller's scope (sending or receiving village), newest first.
import { listChangesInScope } from '../../db/membership-changes.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export async function listMembershipChanges(
  deps: Deps,
  actor: Actor,
  f: {
    state?: 'proposed' | 'verified' | 'applied' | 'rejected' | undefined;
    limit?: number | undefined;
  } = {},
) {
  requirePermission(actor, 'participants.read');
  return listChangesInScope(deps.db, {
    scopes: actor.regionScopes,
    state: f.state ?? null,
    limit: f.limit ?? 100,
  });
}
