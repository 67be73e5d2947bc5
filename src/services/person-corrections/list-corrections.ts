// The corrections in the caller's scope by status: the approver's queue (pending, oldest first).
// Old and new values in full only for the roles that propose or decide (SEES_PERSONAL_DATA).
import { type CorrectionStatus, listCorrectionsInScope } from '../../db/person-corrections.ts';
import { AppError } from '../../errors.ts';
import { maskPersonal } from '../../privacy/mask.ts';
import { can } from '../access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from '../actor.ts';
import { keysetPage } from '../keyset-page.ts';

export interface CorrectionQuery {
  status?: CorrectionStatus;
  limit?: number;
  cursor?: string | null;
}

export async function listCorrections(deps: Deps, actor: Actor, q: CorrectionQuery = {}) {
  if (!(can(actor, 'persons.correct') || can(actor, 'persons.correct.decide') || can(actor, 'audit.read')))
    throw new AppError('FORBIDDEN');
  const { rows, nextCursor } = await keysetPage(
    Math.min(q.limit ?? 50, 200),
    q.cursor,
    (limit, afterId) =>
      listCorrectionsInScope(deps.db, {
        scopes: actor.regionScopes,
        status: q.status ?? 'pending',
        afterId,
        limit,
      }),
    (r) => r.id,
  );
  const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
  const corrections = rows.map((r) =>
    unmasked ? r : { ...r, old: maskPersonal(r.old), new: maskPersonal(r.new) },
  );
  return { corrections, nextCursor, canDecide: can(actor, 'persons.correct.decide') };
}
