// Maker: a village operator or branch staff proposes a correction of a person's data (name, birth
// date, sex, a NIK typo) with a reason and an evidence note, for a member in their scope. Nothing
// of the person changes until a different user decides (decide-correction.ts).
import { recordAudit } from '../../db/audit.ts';
import { findParticipantIdByKpj } from '../../db/participants.ts';
import {
  CORRECTION_FIELDS,
  type CorrectionField,
  findCorrectionInScope,
  insertCorrection,
  lockPersonOf,
  type PersonData,
  pendingFields,
} from '../../db/person-corrections.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { checkCorrection } from './check-correction.ts';
import { ProposeCorrectionInput } from './schemas.ts';

/** The fields whose proposed value differs from the current one. */
export function changedFields(current: PersonData, proposed: Partial<PersonData>): CorrectionField[] {
  return CORRECTION_FIELDS.filter((f) => proposed[f] !== undefined && proposed[f] !== current[f]);
}

export function pick(d: Partial<PersonData>, fields: readonly CorrectionField[]): Partial<PersonData> {
  return Object.fromEntries(fields.map((f) => [f, d[f]]));
}

export async function proposeCorrection(deps: Deps, actor: Actor, input: ProposeCorrectionInput) {
  requirePermission(actor, 'persons.correct');
  const parsed = ProposeCorrectionInput.safeParse(input);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { detail: 'participantId, changes, reason, evidenceNote' });
  const d = parsed.data;
  const reason = d.reason.trim();
  const evidenceNote = d.evidenceNote.trim();
  if (!reason || !evidenceNote) throw new AppError('CORRECTION_REASON_REQUIRED');
  return deps.db.transaction(async (tx) => {
    const participantId = d.participantId ?? (await findParticipantIdByKpj(tx, d.kpj!));
    if (participantId === null) throw new AppError('NOT_FOUND');
    await requireInScope(tx, actor, 'participant', participantId);
    const person = (await lockPersonOf(tx, participantId))!;
    const changed = changedFields(person, d.changes as Partial<PersonData>);
    if (changed.length === 0) throw new AppError('CORRECTION_NO_CHANGE');
    const pending = await pendingFields(tx, person.personId);
    const clash = changed.find((f) => pending.includes(f));
    if (clash) throw new AppError('CORRECTION_PENDING', { field: clash });
    const at = deps.clock.now();
    const after: PersonData = { ...person, ...(d.changes as Partial<PersonData>) };
    const warnings = await checkCorrection(tx, {
      personId: person.personId,
      after,
      changed,
      scopes: actor.regionScopes,
      today: officeDate(at),
    });
    const id = await insertCorrection(tx, {
      personId: person.personId,
      participantId: person.participantId,
      regionCode: person.regionCode,
      regencyCode: person.regencyCode,
      old: pick(person, changed),
      new: pick(after, changed),
      reason,
      evidenceNote,
      by: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'person_correction.propose',
      entity: 'person_correction',
      entityId: String(id),
      regionCode: person.regionCode,
      before: pick(person, changed),
      after: { ...pick(after, changed), personId: person.personId, status: 'pending' },
    });
    const correction = (await findCorrectionInScope(tx, id, actor.regionScopes))!;
    return { correction, warnings };
  });
}
