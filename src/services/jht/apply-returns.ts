import { recordAudit } from '../../db/audit.ts';
import { AppError } from '../../errors.ts';
import { jhtYearReturn } from '../../rules/jht/hasil-pengembangan.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { regencyInScope } from '../payouts/batch-queries.ts';

export interface ApplyReturnsInput {
  regencyCode: string;
  year: number;
}

/**
 * Credits a finished year's JHT return to every account of the regency that has not had it:
 * one query reads each account's balance carried into the year and its movements summed by
 * month, the rules compute each return (src/rules/jht/hasil-pengembangan.ts) at the rate
 * entered for the year, and one insert writes them, dated 31 December. Idempotent: one return
 * per participant and year (a unique index), so a re-run credits only accounts it missed.
 */
export async function applyJhtReturns(deps: Deps, actor: Actor, input: ApplyReturnsInput) {
  if (!actor.permissions.includes('jht.manage')) throw new AppError('FORBIDDEN');
  const { year } = input;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('VALIDATION_FAILED', { detail: 'year: 2000–2100' });
  if (!(await regencyInScope(deps.db, input.regencyCode, actor.regionScopes)))
    throw new AppError('REGION_NOT_FOUND', { code: input.regencyCode });
  if (officeDate(deps.clock.now()) <= `${year}-12-31`) throw new AppError('JHT_YEAR_NOT_ENDED', { year });
  return deps.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jht:' || $1))`, [input.regencyCode]);
    const rate = (
      await tx.query<{ rateBp: number }>('SELECT rate_bp AS "rateBp" FROM jht_return_rate WHERE year = $1', [
        year,
      ])
    ).rows[0];
    if (!rate) throw new AppError('JHT_RATE_MISSING', { year });
    const accounts = await tx.query<{
      participantId: number;
      openingRp: number;
      months: number[];
      amounts: number[];
    }>(
      `WITH todo AS (
         SELECT pa.id FROM participant pa
         WHERE pa.regency_code = $1
           AND NOT EXISTS (SELECT 1 FROM jht_entry r WHERE r.participant_id = pa.id AND r.kind = 'return' AND r.year = $2)),
       by_month AS (
         SELECT e.participant_id,
                CASE WHEN e.year < $2 THEN 0 ELSE extract(month FROM e.effective_date)::int END AS month,
                sum(e.amount_rp)::bigint AS amount_rp
         FROM jht_entry e JOIN todo t ON t.id = e.participant_id
         WHERE e.year <= $2
         GROUP BY 1, 2)
       SELECT participant_id AS "participantId",
              coalesce(sum(amount_rp) FILTER (WHERE month = 0), 0)::bigint AS "openingRp",
              coalesce(array_agg(month ORDER BY month) FILTER (WHERE month > 0), '{}') AS months,
              coalesce(array_agg(amount_rp ORDER BY month) FILTER (WHERE month > 0), '{}') AS amounts
       FROM by_month GROUP BY participant_id ORDER BY participant_id`,
      [input.regencyCode, year],
    );
    const ids: number[] = [];
    const amounts: number[] = [];
    for (const a of accounts.rows) {
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
    const r = await tx.query<{ n: number; amountRp: number }>(
      `WITH ins AS (
         INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, rate_bp, actor, at)
         SELECT r.id, $3, 'return', r.amount_rp, make_date($4, 12, 31), $4, $5, $6, $7
         FROM unnest($1::bigint[], $2::bigint[]) AS r (id, amount_rp)
         ON CONFLICT DO NOTHING RETURNING amount_rp)
       SELECT count(*)::int AS n, coalesce(sum(amount_rp), 0)::bigint AS "amountRp" FROM ins`,
      [ids, amounts, input.regencyCode, year, rate.rateBp, actor.username, at],
    );
    const result = { year, rateBp: rate.rateBp, accounts: r.rows[0]!.n, amountRp: r.rows[0]!.amountRp };
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
