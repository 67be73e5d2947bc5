import { type JhtStatementEntry, jhtBalanceOn, jhtYearEntries, jhtYearTotals } from '../../db/jht.ts';
import { findReturnRate } from '../../db/jht-returns.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

const queryable = (from: Deps | Queryable): Queryable => ('db' in from ? from.db : from);

/**
 * A participant's JHT balance on a day: the sum of its account entries dated on or before it.
 * No permission check: for services that already checked theirs (claims, payouts).
 */
export async function jhtBalance(from: Deps | Queryable, participantId: number, asOf: string) {
  if (!isValidDate(asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  return { participantId, asOf, ...(await jhtBalanceOn(queryable(from), participantId, asOf)) };
}

export type { JhtStatementEntry };

/**
 * The account's year: balance carried in (all entries before 1 January), what came in (a
 * balance carried over from the previous system, contributions, the year's return), what went
 * out (withdrawals net of returned payouts), and the closing balance on 31 December.
 */
export async function jhtStatement(deps: Deps, actor: Actor, participantId: number, year: number) {
  requirePermission(actor, 'jht.read');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  const participant = await requireInScope(deps.db, actor, 'participant', participantId);
  const totals = await jhtYearTotals(deps.db, participantId, year);
  const entries = await jhtYearEntries(deps.db, participantId, year);
  const rate = await findReturnRate(deps.db, year);
  const closingRp =
    totals.openingRp +
    totals.carriedOverRp +
    totals.contributionsRp +
    totals.returnsRp -
    totals.withdrawalsRp;
  return {
    participantId,
    kpj: participant.kpj,
    year,
    ...totals,
    closingRp,
    returnRate: rate ?? null,
    entries,
  };
}
