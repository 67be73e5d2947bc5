// JHT returns (hasil pengembangan): the rate announced for each year, and the returns credited
// with it to the accounts, one per participant and year.
import type { Queryable } from './types.ts';

export interface ReturnRate {
  year: number;
  rateBp: number;
  source: string;
  enteredBy: string;
  enteredAt: string;
}

export async function findReturnRate(q: Queryable, year: number) {
  const r = await q.query<{ rateBp: number; source: string }>(
    'SELECT rate_bp AS "rateBp", source FROM jht_return_rate WHERE year = $1',
    [year],
  );
  return r.rows[0] ?? null;
}

export async function listReturnRates(q: Queryable) {
  const r = await q.query<ReturnRate>(
    `SELECT year, rate_bp AS "rateBp", source, entered_by AS "enteredBy", entered_at AS "enteredAt"
     FROM jht_return_rate ORDER BY year DESC`,
  );
  return r.rows;
}

/** Whether any account has been credited the year's return. */
export async function returnsCredited(q: Queryable, year: number): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM jht_entry WHERE kind = 'return' AND year = $1 LIMIT 1`, [year]);
  return r.rowCount > 0;
}

/** Enters or corrects the year's rate. */
export async function upsertReturnRate(
  q: Queryable,
  a: { year: number; rateBp: number; source: string; enteredBy: string; at: string },
) {
  const r = await q.query<ReturnRate>(
    `INSERT INTO jht_return_rate (year, rate_bp, source, entered_by, entered_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year) DO UPDATE SET rate_bp = EXCLUDED.rate_bp, source = EXCLUDED.source,
       entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at
     RETURNING year, rate_bp AS "rateBp", source, entered_by AS "enteredBy", entered_at AS "enteredAt"`,
    [a.year, a.rateBp, a.source, a.enteredBy, a.at],
  );
  return r.rows[0]!;
}

/**
 * The regency's accounts without the year's return: each one's balance carried into the year
 * and its movements of the year summed by month (months ascending).
 */
export async function accountsAwaitingReturn(q: Queryable, regencyCode: string, year: number) {
  const r = await q.query<{ participantId: number; openingRp: number; months: number[]; amounts: number[] }>(
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
    [regencyCode, year],
  );
  return r.rows;
}

/** Credits the returns dated 31 December of the year (skipping accounts that have it); what it credited. */
export async function insertReturns(
  q: Queryable,
  a: {
    participantIds: number[];
    amountsRp: number[];
    regencyCode: string;
    year: number;
    rateBp: number;
    actor: string;
    at: string;
  },
) {
  const r = await q.query<{ n: number; amountRp: number }>(
    `WITH ins AS (
         INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, rate_bp, actor, at)
         SELECT r.id, $3, 'return', r.amount_rp, make_date($4, 12, 31), $4, $5, $6, $7
         FROM unnest($1::bigint[], $2::bigint[]) AS r (id, amount_rp)
         ON CONFLICT DO NOTHING RETURNING amount_rp)
       SELECT count(*)::int AS n, coalesce(sum(amount_rp), 0)::bigint AS "amountRp" FROM ins`,
    [a.participantIds, a.amountsRp, a.regencyCode, a.year, a.rateBp, a.actor, a.at],
  );
  return r.rows[0]!;
}
