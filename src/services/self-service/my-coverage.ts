import { coverageRanges } from '../../db/coverage.ts';
import { ownStatus, ownStatusHistory } from '../../db/self-service.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

/** The participant's covered periods (runs of 'active') and the status history they come from. */
export async function myCoverage(deps: Deps, actor: Actor) {
  const participantId = selfParticipantId(actor);
  const pa = await ownStatus(deps.db, participantId);
  if (!pa) throw new AppError('NOT_FOUND');
  return { status: pa.status, statusSince: pa.statusSince, ...(await coverageHistory(deps, participantId)) };
}

/** A participant's covered periods and status history (self-service and the staff's participant page). */
export async function coverageHistory(deps: Deps, participantId: number) {
  const history = await ownStatusHistory(deps.db, participantId);
  return { periods: await coverageRanges(deps.db, participantId), history };
}
