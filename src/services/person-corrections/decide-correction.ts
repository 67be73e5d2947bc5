// Checker: a branch supervisor who is not the maker approves or rejects a pending correction. On
// approval every check runs again on today's registry, the person row changes (the name key with
// the name) and the audit row carries before and after, in one transaction.
import { recordAudit } from '../../db/audit.ts';
import {
  CORRECTION_FIELDS,
  closeCorrection,
  findCorrectionInScope,
  lockPerson,
  type PersonData,
  updatePerson,
} from '../../db/person-corrections.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { checkCorrection } from './check-correction.ts';
import { pick } from './propose-correction.ts';
import { CorrectionDecisionInput } from './schemas.ts';

export async function decideCorrection(
  deps: Deps,
  actor: Actor,
  correctionId: number,
  input: CorrectionDecisionInput,
) {
  requirePermission(actor, 'persons.correct.decide');
  const parsed = CorrectionDecisionInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { detail: 'approve, note' });
  const note = parsed.data.note?.trim() || null;
  if (!parsed.data.approve && !note) throw new AppError('REASON_REQUIRED');
  return deps.db.transaction(async (tx) => {
    const c = await requireInScope(tx, actor, 'person_correction', correctionId, { lock: true });
    if (c.status !== 'pending') throw new AppError('CORRECTION_STATE', { id: c.id, status: c.status });
    if (c.proposedBy === actor.username) throw new AppError('CORRECTION_SAME_USER');
    const at = deps.clock.now();
    let warnings: string[] = [];
    if (!parsed.data.approve) {
      await closeCorrection(tx, { id: c.id, status: 'rejected', by: actor.username, at, note });
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'person_correction.reject',
        entity: 'person_correction',
        entityId: String(c.id),
        regionCode: c.regionCode,
        before: { status: 'pending' },
        after: { status: 'rejected', note },
      });
    } else {
      const changed = CORRECTION_FIELDS.filter((f) => c.new[f] !== undefined);
      const current = await lockPerson(tx, c.personId);
      // Only corrections change these fields, one pending per field: the old values still hold.
      if (changed.some((f) => current[f] !== c.old[f])) throw new AppError('CONFLICT');
      const after: PersonData = { ...current, ...c.new };
      warnings = await checkCorrection(tx, {
        personId: c.personId,
        after,
        changed,
        scopes: actor.regionScopes,
        today: officeDate(at),
        correctionId: c.id,
      });
      await updatePerson(tx, c.personId, after);
      await closeCorrection(tx, { id: c.id, status: 'approved', by: actor.username, at, note });
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'person.correct',
        entity: 'person',
        entityId: String(c.personId),
        regionCode: c.regionCode,
        before: pick(current, changed),
        after: { ...pick(after, changed), correctionId: c.id, proposedBy: c.proposedBy },
      });
    }
    const correction = (await findCorrectionInScope(tx, c.id, actor.regionScopes))!;
    return { correction, warnings };
  });
}
