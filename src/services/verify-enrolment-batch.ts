import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import type { Actor, Deps } from './actor.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { stepBatch } from './enrolment-step.ts';

async function villageActiveCount(tx: Queryable, villageCode: string): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM participant
     WHERE region_code = $1 AND segment = 'BPU' AND funding_source IN ('APBDES', 'APBD') AND status IN ('active', 'lapsed')`,
    [villageCode],
  );
  return r.rows[0]?.n ?? 0;
}

/** The district checks a submitted batch against its rules (minimum per batch, village quota). */
export async function verifyEnrolmentBatch(deps: Deps, actor: Actor, batchId: number) {
  const { batch } = await stepBatch(
    deps,
    actor,
    batchId,
    { permission: 'enrolment.verify', from: ['submitted'], to: 'verified', action: 'enrolment.verify' },
    async (tx, b) => {
      const policy = await enrolmentPolicy(tx, b.regencyCode);
      if (b.valid < policy.villageWorkersMin) {
        throw new AppError('BATCH_RULE_FAILED', {
          detail: `${b.valid} < ${policy.villageWorkersMin} (minimum workers per village batch)`,
        });
      }
      if (policy.villageWorkersMax !== null) {
        const total = b.valid + (await villageActiveCount(tx, b.villageCode));
        if (total > policy.villageWorkersMax) {
          throw new AppError('BATCH_RULE_FAILED', {
            detail: `${total} > ${policy.villageWorkersMax} (village quota)`,
          });
        }
      }
    },
  );
  return { batch };
}
