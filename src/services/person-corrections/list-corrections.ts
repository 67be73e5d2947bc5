// The corrections in the caller's scope by status: the approver's queue (pending, oldest first).
// Old and new values in full only for the roles that propose or decide (SEES_PERSONAL_DATA).
import { type CorrectionStatus, listCorrectionsInScope } from '../../db/person-corrections.ts';
import { AppError } from '../../errors.ts';
import { maskPersonal } from '../../privacy/mask.ts';
import { can } from '../access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from '../actor.ts';

export interface CorrectionQuery {
  status?: CorrectionStatus;
  limit?: number;
  cursor?: string | null;
}

export async function listCorrections(deps: Deps, actor: Actor, q: CorrectionQuery = {}) {
  if (!(can(actor, 'persons.correct') || can(actor, 'persons.correct.decide') || can(actor, 'audit.read')))
    throw new AppError('FORBIDDEN');
  const limit = Math.min(q.limit ?? 50, 200);
  const afterId = q.cursor ? Number(q.cursor) : null;
  if (afterId !== null && !Number.isSafeInteger(afterId))
    throw new AppError('VALIDATION_FAILED', { detail: 'cursor' });
  const found = await listCorrectionsInScope(deps.db, {
    scopes: actor.regionScopes,
    status: q.status ?? 'pending',
    afterId,
    limit: limit + 1,
  });
  const rows = found.slice(0, limit);
  const nextCursor = found.length > limit ? String(rows.at(-1)!.id) : null;
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  const corrections = rows.map((r) =>
    unmasked ? r : { ...r, old: maskPersonal(r.old), new: maskPersonal(r.new) },
  );
  return { corrections, nextCursor, canDecide: can(actor, 'persons.correct.decide') };
}
