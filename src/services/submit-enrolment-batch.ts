import { AppError } from '../errors.ts';
import type { Actor, Deps } from './actor.ts';
import { stepBatch } from './enrolment-step.ts';

/** The village operator hands the batch's valid rows to the district for verification. */
export async function submitEnrolmentBatch(deps: Deps, actor: Actor, batchId: number) {
  const { batch } = await stepBatch(
    deps,
    actor,
    batchId,
    { permission: 'enrolment.submit', from: ['draft'], to: 'submitted', action: 'enrolment.submit' },
    async (_tx, b) => {
      if (b.valid === 0) throw new AppError('BATCH_EMPTY', { batch: b.id });
    },
  );
  return { batch };
}
