import { listMembershipConflicts as listConflictsInScope } from '../db/memberships.ts';
import { maskName, maskNik } from '../privacy/mask.ts';
import { requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { keysetPage } from './keyset-page.ts';

/**
 * The branch's review queue: persons holding two active memberships that may not be held both
 * (src/rules/kepesertaan.ts), from before migration 0019 made the database refuse them. Each with
 * its memberships in the caller's scope; keyset-paged by person; NIK and name masked unless the
 * role needs them.
 */
export async function listMembershipConflicts(
  deps: Deps,
  actor: Actor,
  q: { limit?: number; cursor?: string | null },
) {
  requirePermission(actor, 'membership.review');
  const { rows, nextCursor } = await keysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterPersonId) =>
      listConflictsInScope(deps.db, { scopes: actor.regionScopes, limit, afterPersonId }),
    (r) => r.personId,
  );
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  return {
    persons: rows.map(({ personId: _, ...r }) =>
      unmasked ? r : { ...r, nik: maskNik(r.nik), fullName: maskName(r.fullName) },
    ),
    nextCursor,
  };
}
