import { recordActivatedYears } from '../db/budget-year.ts';
import { activateBatchRows } from '../db/participants.ts';
import type { Actor, Deps } from './actor.ts';
import { officeDate } from './clock.ts';
import { stepBatch } from './enrolment-step.ts';

/** Village vulnerable workers are BPU participants with JKK and JKM (fact sheet §1.2). */
export const VILLAGE_WORKER_PROGRAMS = ['JKK', 'JKM'];

/** The branch turns a verified batch into active BPU participants with KPJ numbers. */
export async function activateEnrolmentBatch(deps: Deps, actor: Actor, batchId: number) {
  const { batch, extra } = await stepBatch(
    deps,
    actor,
    batchId,
    { permission: 'enrolment.activate', from: ['verified'], to: 'activated', action: 'enrolment.activate' },
    async (tx, b, at) => {
      const participantsCreated = await activateBatchRows(tx, {
        batchId: b.id,
        at,
        effectiveDate: officeDate(at),
        actor: actor.username,
        programs: VILLAGE_WORKER_PROGRAMS,
      });
      // The budget year (and allocation) the new memberships belong to.
      await recordActivatedYears(tx, b.id, officeDate(at));
      return { participantsCreated };
    },
  );
  return { batch, participantsCreated: extra.participantsCreated };
}
