// The migrant workers (PMI) of the caller's scope, and one with its periods of cover and premium.
// NIK and names masked unless the role needs them (access.ts seesInFull); full views audited.
import { listPlacementsInScope, type PlacementRow } from '../db/pmi.ts';
import { maskPerson } from '../privacy/mask.ts';
import { requireInScope, requirePermission, seesInFull } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { countedKeysetPage } from './keyset-page.ts';
import { auditParticipantsViewed } from './personal-data-views.ts';

async function shown(deps: Deps, actor: Actor, rows: readonly PlacementRow[]) {
  const full = rows.filter((r) => seesInFull(actor, { kind: 'participant', regionCode: r.regionCode }));
  await auditParticipantsViewed(deps, actor, full);
  const inFull = new Set(full);
  return rows.map((r) => (inFull.has(r) ? r : maskPerson(r)));
}

export async function listPmi(deps: Deps, actor: Actor, q: { limit?: number; cursor?: string | null } = {}) {
  requirePermission(actor, 'participants.read');
  const page = await countedKeysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterId) => listPlacementsInScope(deps.db, { scopes: actor.regionScopes, limit, afterId }),
    (p) => p.id,
  );
  return { total: page.total, placements: await shown(deps, actor, page.rows), nextCursor: page.nextCursor };
}

export async function showPmi(deps: Deps, actor: Actor, kpj: string) {
  requirePermission(actor, 'participants.read');
  const placement = await requireInScope(deps.db, actor, 'pmi_placement', kpj);
  return { placement: (await shown(deps, actor, [placement]))[0]! };
}
