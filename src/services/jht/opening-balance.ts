import { recordAudit } from '../../db/audit.ts';
import { insertOpeningBalance } from '../../db/jht.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { requireNotFuture } from '../time-guards.ts';
import { jhtBalance } from './accounts.ts';

export interface OpeningBalanceInput {
  participantId: number;
  amountRp: number;
  /** The day of the previous system's balance. */
  asOf: string;
  /** Which system or statement the balance comes from. */
  source: string;
}

/** The balance carried over from the previous system: once per account. */
export async function recordJhtOpeningBalance(deps: Deps, actor: Actor, input: OpeningBalanceInput) {
  requirePermission(actor, 'jht.manage');
  if (!Number.isSafeInteger(input.amountRp) || input.amountRp < 0)
    throw new AppError('VALIDATION_FAILED', { detail: 'amountRp: whole rupiah ≥ 0' });
  if (!isValidDate(input.asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  const source = input.source.trim();
  if (source.length < 3 || source.length > 300)
    throw new AppError('VALIDATION_FAILED', { detail: 'source: 3–300 characters' });
  return deps.db.transaction(async (tx) => {
    const p = await requireInScope(tx, actor, 'participant', input.participantId);
    requireNotFuture(deps.clock, 'asOf', input.asOf);
    const at = deps.clock.now();
    const entryId = await insertOpeningBalance(tx, {
      participantId: p.id,
      regencyCode: p.regencyCode,
      amountRp: input.amountRp,
      asOf: input.asOf,
      source,
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'jht.opening_balance',
      entity: 'jht_entry',
      entityId: String(entryId),
      regionCode: p.regionCode,
      after: { participantId: p.id, amountRp: input.amountRp, asOf: input.asOf, source },
    });
    return { entryId, balance: await jhtBalance(tx, p.id, input.asOf) };
  });
}
