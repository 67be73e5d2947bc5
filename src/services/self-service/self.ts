import { AppError } from '../../errors.ts';
import { requirePermission } from '../access.ts';
import type { Actor } from '../actor.ts';

/**
 * The participant a self-service read is about: always the caller's own, never one named in the
 * request, so one participant can never read another's records.
 */
export function selfParticipantId(actor: Actor): number {
  requirePermission(actor, 'self_service.read');
  if (actor.participantId === undefined) throw new AppError('NOT_FOUND');
  return actor.participantId;
}
