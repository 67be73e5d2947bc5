import { recordAudit } from '../db/audit.ts';
import { lockKey } from '../db/locks.ts';
import { closedThrough, insertPeriodClose, listPeriodCloses } from '../db/period-close.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { officeToday } from './time-guards.ts';

export interface ClosePeriodInput {
  regencyCode: string;
  period: string;
}

/**
 * A branch supervisor closes a regency's books through a month that has ended (docs/periods.md):
 * from then on payments, billing and coverage runs dated into it are refused and status changes
 * dated into it are moved to the first open month by the database. Never reopened.
 */
export async function closePeriod(deps: Deps, actor: Actor, input: ClosePeriodInput) {
  requirePermission(actor, 'periods.close');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) {
    throw new AppError('VALIDATION_FAILED', { detail: 'period: YYYY-MM' });
  }
  const today = officeToday(deps.clock);
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  if (input.period >= today.slice(0, 7))
    throw new AppError('PERIOD_NOT_ENDED', { period: input.period, today });
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, `period-close:${input.regencyCode}`);
    const through = await closedThrough(tx, input.regencyCode);
    if (through && input.period <= through) {
      throw new AppError('PERIOD_ALREADY_CLOSED', {
        period: input.period,
        regency: input.regencyCode,
        through,
      });
    }
    const at = deps.clock.now();
    await insertPeriodClose(tx, {
      regencyCode: input.regencyCode,
      period: input.period,
      closedBy: actor.username,
      closedAt: at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'period.close',
      entity: 'period_close',
      entityId: `${input.regencyCode}:${input.period}`,
      regionCode: input.regencyCode,
      before: { closedThrough: through },
      after: { closedThrough: input.period },
    });
    return {
      regencyCode: input.regencyCode,
      closedThrough: input.period,
      closedBy: actor.username,
      closedAt: at,
    };
  });
}

/** The regency's closing acts, latest first, and the period its books are closed through. */
export async function listClosedPeriods(deps: Pick<Deps, 'db'>, actor: Actor, regencyCode: string) {
  requirePermission(actor, 'billing.read');
  await requireInScope(deps.db, actor, 'regency_part', regencyCode);
  const closes = await listPeriodCloses(deps.db, regencyCode);
  return { regencyCode, closedThrough: closes[0]?.period ?? null, closes };
}
