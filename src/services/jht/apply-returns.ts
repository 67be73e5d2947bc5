import { recordAudit } from '../../db/audit.ts';
import { accountsAwaitingReturn, findReturnRate, insertReturns } from '../../db/jht-returns.ts';
import { lockKey } from '../../db/locks.ts';
import { AppError } from '../../errors.ts';
import { jhtYearReturn } from '../../rules/manfaat/jht/hasil-pengembangan.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';

export interface ApplyReturnsInput {
  regencyCode: string;
  year: number;
}

/**
 * Credits a finished year's JHT return to every account of the regency that has not had it:
 * one query reads each account's balance carried into the year and its movements summed by
 * month, the rules compute each return (src/rules/manfaat/jht/hasil-pengembangan.ts) at the rate
 * entered for the year, and one insert writes them, dated 31 December. Idempotent: one return
 * per participant and year (a unique index), so a re-run credits only accounts it missed.
 */
export async function applyJhtReturns(deps: Deps, actor: Actor, input: ApplyReturnsInput) {
  requirePermission(actor, 'jht.manage');
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  if (officeDate(deps.clock.now()) <= `${year}-12-31`) throw new AppError('JHT_YEAR_NOT_ENDED', { year });
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, `jht:${input.regencyCode}`);
    const rate = await findReturnRate(tx, year);
    if (!rate) throw new AppError('JHT_RATE_MISSING', { year });
    const accounts = await accountsAwaitingReturn(tx, input.regencyCode, year);
    const ids: number[] = [];
    const amounts: number[] = [];
    for (const a of accounts) {
      const returnRp = jhtYearReturn({
        openingBalanceRp: a.openingRp,
        movements: a.months.map((month, i) => ({ month, amountRp: Number(a.amounts[i]) })),
        rateBp: rate.rateBp,
      });
      if (returnRp > 0) {
        ids.push(a.participantId);
        amounts.push(returnRp);
      }
    }
    const at = deps.clock.now();
    const r = await insertReturns(tx, {
      participantIds: ids,
      amountsRp: amounts,
      regencyCode: input.regencyCode,
      year,
      rateBp: rate.rateBp,
      actor: actor.username,
      at,
    });
    const result = { year, rateBp: rate.rateBp, accounts: r.n, amountRp: r.amountRp };
    if (result.accounts > 0) {
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'jht.apply_returns',
        entity: 'jht_entry',
        regionCode: input.regencyCode,
        after: result,
      });
    }
    return result;
  });
}
