import { listParticipantsInScope } from '../db/participant-list.ts';
import { maskPerson } from '../privacy/mask.ts';
import { requirePermission, seesInFull } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { keysetPage } from './keyset-page.ts';
import { auditParticipantsViewed } from './personal-data-views.ts';

export interface ParticipantQuery {
  regionCode?: string | null;
  search?: string | null;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

/**
 * A page of the participants in the caller's scope; NIK and names masked unless the role needs
 * them (access.ts seesInFull), and the rows shown in full audited. `nextCursor` (the last row's id)
 * asks for the page after; null on the last page.
 */
export async function listParticipants(deps: Deps, actor: Actor, q: ParticipantQuery) {
  requirePermission(actor, 'participants.read');
  const { rows, nextCursor } = await keysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterId) =>
      listParticipantsInScope(deps.db, {
        scopes: actor.regionScopes,
        regionCode: q.regionCode ?? null,
        search: q.search?.trim() || null,
        limit,
        afterId,
      }),
    (r) => r.id,
  );
  const full = rows.filter((r) => seesInFull(actor, { kind: 'participant', regionCode: r.regionCode }));
  await auditParticipantsViewed(deps, actor, full);
  const shown = new Set(full);
  const participants = rows.map((r) => (shown.has(r) ? r : maskPerson(r)));
  return { participants, nextCursor, personalDataInFull: full.length > 0 };
}
