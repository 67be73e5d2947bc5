import { listParticipantsInScope } from '../db/participants.ts';
import { maskPerson } from '../privacy/mask.ts';
import { requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';

export interface ParticipantQuery {
  regionCode?: string | null;
  search?: string | null;
  limit?: number;
  offset?: number;
}

/** Participants in the caller's scope; NIK and names masked unless the role needs them. */
export async function listParticipants(deps: Deps, actor: Actor, q: ParticipantQuery) {
  requirePermission(actor, 'participants.read');
  const { total, rows } = await listParticipantsInScope(deps.db, {
    scopes: actor.regionScopes,
    regionCode: q.regionCode ?? null,
    search: q.search?.trim() || null,
    limit: Math.min(q.limit ?? 50, 500),
    offset: q.offset ?? 0,
  });
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  const participants = rows.map((r) => (unmasked ? r : maskPerson(r)));
  return { total, participants };
}
