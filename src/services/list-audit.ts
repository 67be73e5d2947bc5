import { listAuditInScope } from '../db/audit.ts';
import { AppError } from '../errors.ts';
import type { Actor, Deps } from './actor.ts';

export async function listAudit(deps: Deps, actor: Actor, limit: number) {
  if (!actor.permissions.includes('audit.read')) throw new AppError('FORBIDDEN');
  return listAuditInScope(deps.db, actor.regionScopes, limit);
}
