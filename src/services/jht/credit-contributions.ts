import { recordAudit } from '../../db/audit.ts';
import { creditPaidContributions } from '../../db/jht.ts';
import { lockKey } from '../../db/locks.ts';
import { AppError } from '../../errors.ts';
import { isValidPeriod } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export interface CreditInput {
  regencyCode: string;
  /** Only invoices of this period (YYYY-MM) and earlier; all periods when omitted. */
  upTo?: string;
}

/**
 * Credits JHT accounts from paid contributions, set-based: every JHT line (employer and worker
 * share, adjustments included) of an invoice whose allocated payments reach its total, not yet
 * credited, becomes one contribution entry dated the day the money that settled the invoice was
 * received (the latest payment allocated to it). Running
 * it again credits only what was paid since (one entry per invoice line, by a unique index).
 */
export async function creditJhtContributions(deps: Deps, actor: Actor, input: CreditInput) {
  requirePermission(actor, 'jht.manage');
  if (input.upTo !== undefined && !isValidPeriod(input.upTo))
    throw new AppError('VALIDATION_FAILED', { detail: 'upTo: YYYY-MM' });
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, `jht:${input.regencyCode}`);
    const at = deps.clock.now();
    const r = await creditPaidContributions(tx, {
      regencyCode: input.regencyCode,
      upTo: input.upTo ?? null,
      actor: actor.username,
      at,
    });
    const result = {
      entries: r.n,
      participants: r.participants,
      amountRp: r.amountRp,
    };
    if (result.entries > 0) {
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'jht.credit_contributions',
        entity: 'jht_entry',
        regionCode: input.regencyCode,
        after: { upTo: input.upTo ?? null, ...result },
      });
    }
    return result;
  });
}
