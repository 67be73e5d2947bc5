import { listAuditInScope } from '../db/audit.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { keysetPage } from './keyset-page.ts';

/** A page of the audit entries in scope, newest first; `nextCursor` asks for the older ones. */
export async function listAudit(deps: Deps, actor: Actor, q: { limit: number; cursor?: string | null }) {
  requirePermission(actor, 'audit.read');
  const { rows, nextCursor } = await keysetPage(
    q.limit,
    q.cursor,
    (limit, beforeId) => listAuditInScope(deps.db, actor.regionScopes, limit, beforeId),
    (r) => r.id,
  );
  return { entries: rows, nextCursor };
}
