import { listAuditInScope } from '../db/audit.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';

export async function listAudit(deps: Deps, actor: Actor, limit: number) {
  requirePermission(actor, 'audit.read');
  return listAuditInScope(deps.db, actor.regionScopes, limit);
}
