import { coverageRanges } from '../../db/coverage.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

/** The participant's covered periods (runs of 'active') and the status history they come from. */
export async function myCoverage(deps: Deps, actor: Actor) {
  const participantId = selfParticipantId(actor);
  const pa = await deps.db.query<{ status: string; statusSince: string }>(
    'SELECT status, status_since AS "statusSince" FROM participant WHERE id = $1',
    [participantId],
  );
  if (!pa.rows[0]) throw new AppError('NOT_FOUND');
  const history = await deps.db.query<{ status: string; effectiveDate: string; reason: string }>(
    `SELECT status, effective_date AS "effectiveDate", reason FROM participant_status
     WHERE participant_id = $1 ORDER BY effective_date, id`,
    [participantId],
  );
  return {
    status: pa.rows[0].status,
    statusSince: pa.rows[0].statusSince,
    periods: await coverageRanges(deps.db, participantId),
    history: history.rows,
  };
}
