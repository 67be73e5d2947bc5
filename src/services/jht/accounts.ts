import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { isValidDate } from '../../rules/calendar.ts';
import type { Actor, Deps } from '../actor.ts';
import { participantInScope } from './participant-in-scope.ts';

const queryable = (from: Deps | Queryable): Queryable => ('db' in from ? from.db : from);

/**
 * A participant's JHT balance on a day: the sum of its account entries dated on or before it.
 * No permission check: for services that already checked theirs (claims, payouts).
 */
export async function jhtBalance(from: Deps | Queryable, participantId: number, asOf: string) {
  if (!isValidDate(asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  const r = await queryable(from).query<{ balanceRp: number; entries: number; lastEntryOn: string | null }>(
    `SELECT coalesce(sum(amount_rp), 0)::bigint AS "balanceRp", count(*)::int AS entries,
            max(effective_date) AS "lastEntryOn"
     FROM jht_entry WHERE participant_id = $1 AND effective_date <= $2::date`,
    [participantId, asOf],
  );
  return { participantId, asOf, ...r.rows[0]! };
}

export interface JhtStatementEntry {
  id: number;
  kind: 'opening' | 'contribution' | 'return' | 'withdrawal' | 'withdrawal_reversal';
  amountRp: number;
  effectiveDate: string;
  period: string | null;
  invoiceId: number | null;
  claimId: number | null;
  payoutId: number | null;
  rateBp: number | null;
  source: string | null;
}

/**
 * The account's year: balance carried in (all entries before 1 January), what came in (a
 * balance carried over from the previous system, contributions, the year's return), what went
 * out (withdrawals net of returned payouts), and the closing balance on 31 December.
 */
export async function jhtStatement(deps: Deps, actor: Actor, participantId: number, year: number) {
  if (!actor.permissions.includes('jht.read')) throw new AppError('FORBIDDEN');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  const participant = await participantInScope(deps.db, participantId, actor.regionScopes);
  if (!participant) throw new AppError('NOT_FOUND');
  const totals = (
    await deps.db.query<{
      openingRp: number;
      carriedOverRp: number;
      contributionsRp: number;
      returnsRp: number;
      withdrawalsRp: number;
    }>(
      `SELECT coalesce(sum(amount_rp) FILTER (WHERE year < $2), 0)::bigint AS "openingRp",
              coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'opening'), 0)::bigint AS "carriedOverRp",
              coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'contribution'), 0)::bigint AS "contributionsRp",
              coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'return'), 0)::bigint AS "returnsRp",
              coalesce(-sum(amount_rp) FILTER (WHERE year = $2 AND kind IN ('withdrawal', 'withdrawal_reversal')), 0)::bigint
                AS "withdrawalsRp"
       FROM jht_entry WHERE participant_id = $1 AND year <= $2`,
      [participantId, year],
    )
  ).rows[0]!;
  const entries = (
    await deps.db.query<JhtStatementEntry>(
      `SELECT id, kind, amount_rp AS "amountRp", effective_date AS "effectiveDate", period, invoice_id AS "invoiceId",
              claim_id AS "claimId", payout_id AS "payoutId", rate_bp AS "rateBp", source
       FROM jht_entry WHERE participant_id = $1 AND year = $2 ORDER BY effective_date, id`,
      [participantId, year],
    )
  ).rows;
  const rate = (
    await deps.db.query<{ rateBp: number; source: string }>(
      'SELECT rate_bp AS "rateBp", source FROM jht_return_rate WHERE year = $1',
      [year],
    )
  ).rows[0];
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
