import { AppError } from '../errors.ts';
import { can } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { stepBatch } from './enrolment-step.ts';

/** The district refuses a submitted batch, or the branch a verified one, with a reason. */
export async function rejectEnrolmentBatch(deps: Deps, actor: Actor, batchId: number, reason: string) {
  const text = reason.trim();
  if (!text) throw new AppError('REASON_REQUIRED');
  const district = can(actor, 'enrolment.verify');
  const { batch } = await stepBatch(
    deps,
    actor,
    batchId,
    {
      permission: district ? 'enrolment.verify' : 'enrolment.activate',
      from: district ? ['submitted'] : ['verified'],
      to: 'rejected',
      action: 'enrolment.reject',
    },
    async () => undefined,
    text.slice(0, 500),
  );
  return { batch };
}
