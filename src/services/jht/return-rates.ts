import { recordAudit } from '../../db/audit.ts';
import {
  findReturnRate,
  listReturnRates,
  type ReturnRate,
  returnsCredited,
  upsertReturnRate,
} from '../../db/jht-returns.ts';
import { lockKey } from '../../db/locks.ts';
import { AppError } from '../../errors.ts';
import { can, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export interface ReturnRateInput {
  year: number;
  /** As announced by BPJS Ketenagakerjaan, in basis points (5.25% = 525). */
  rateBp: number;
  /** Where the figure comes from: the announcement, its date, a letter number. */
  source: string;
}

export type { ReturnRate };

/**
 * Enters (or corrects) a year's JHT return rate. Once returns of that year have been credited
 * the rate can no longer change: the credits would no longer match it.
 */
export async function setJhtReturnRate(deps: Deps, actor: Actor, input: ReturnRateInput) {
  requirePermission(actor, 'jht.rates.manage');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  if (!Number.isInteger(input.rateBp) || input.rateBp < 0 || input.rateBp > 10_000)
    throw new AppError('VALIDATION_FAILED', { detail: 'rateBp: 0–10000 basis points' });
  const source = input.source.trim();
  if (source.length < 3 || source.length > 300)
    throw new AppError('VALIDATION_FAILED', { detail: 'source: the announcement, 3–300 characters' });
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, `jht-rate:${input.year}`);
    const before = await findReturnRate(tx, input.year);
    if (before && before.rateBp !== input.rateBp && (await returnsCredited(tx, input.year)))
      throw new AppError('JHT_RATE_IN_USE', { year: input.year });
    const at = deps.clock.now();
    const rate = await upsertReturnRate(tx, {
      year: input.year,
      rateBp: input.rateBp,
      source,
      enteredBy: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'jht.return_rate.set',
      entity: 'jht_return_rate',
      entityId: String(input.year),
      before: before ?? null,
      after: { rateBp: input.rateBp, source },
    });
    return rate;
  });
}

export async function listJhtReturnRates(deps: Deps, actor: Actor) {
  if (!can(actor, 'jht.read') && !can(actor, 'jht.rates.manage')) throw new AppError('FORBIDDEN');
  return { rates: await listReturnRates(deps.db) };
}
