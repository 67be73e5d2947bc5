import { recordAudit } from '../db/audit.ts';
import { type BatchRow, findBatchInScope, setBatchStatus } from '../db/enrolment-batches.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps, Permission } from './actor.ts';

type Status = BatchRow['status'];

export interface StepSpec {
  permission: Permission;
  from: Status[];
  to: Exclude<Status, 'draft'>;
  action: string;
}

/**
 * One step of a batch's workflow: permission, scope (404 outside it), allowed state, the
 * step's own checks and writes, the status change and its audit row — all in one transaction.
 */
export async function stepBatch<T>(
  deps: Deps,
  actor: Actor,
  batchId: number,
  spec: StepSpec,
  body: (tx: Queryable, batch: BatchRow, at: string) => Promise<T>,
  reason: string | null = null,
): Promise<{ batch: BatchRow; extra: T }> {
  requirePermission(actor, spec.permission);
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'enrolment_batch', batchId, { lock: true });
    if (!spec.from.includes(batch.status))
      throw new AppError('BATCH_STATE', { batch: batch.id, status: batch.status });
    const at = deps.clock.now();
    const extra = await body(tx, batch, at);
    await setBatchStatus(tx, batch.id, spec.to, at, reason);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: spec.action,
      entity: 'enrolment_batch',
      entityId: String(batch.id),
      regionCode: batch.villageCode,
      before: { status: batch.status, valid: batch.valid },
      after: {
        status: spec.to,
        ...(reason ? { reason } : {}),
        ...(extra && typeof extra === 'object' ? extra : {}),
      },
    });
    const after = (await findBatchInScope(tx, batch.id, actor.regionScopes)) as BatchRow;
    return { batch: after, extra };
  });
}
