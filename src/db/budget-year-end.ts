// The end of a budget year (0020): memberships not renewed end with their year, and a run bills a
// budget-funded payer only in months an allocation of its own is in force.
import { appliedExitsSql } from './applied-exits.ts';
import type { Queryable } from './types.ts';

/** The reason written on the status row of a membership its budget year ended without renewal. */
export const YEAR_END_REASON = 'left the programme: budget year';
const yearEndReason = `'${YEAR_END_REASON} ' || w.last_year || ' ended without renewal / masa anggaran berakhir'`;

/**
 * Ends, from 1 January of the following year, every active or lapsed village-funded membership of
 * the regency whose last budget year is `throughYear` or earlier: its cover ended with that year
 * (status history and participant row, so the counts drop) and, like every end, an applied exit
 * (reason left_programme). Returns how many ended.
 */
export async function endExpiredMemberships(
  q: Queryable,
  a: { regencyCode: string; throughYear: number; actor: string; at: string },
): Promise<number> {
  const r = await q.query(
    `WITH x AS (
       SELECT my.participant_id AS id, max(my.fiscal_year) AS last_year
       FROM membership_year my
       WHERE my.regency_code = $1 AND my.fiscal_year <= $2::int
         AND NOT EXISTS (SELECT 1 FROM membership_year n WHERE n.participant_id = my.participant_id
                           AND n.fiscal_year > $2::int)
       GROUP BY my.participant_id),
     -- The status before the end: RETURNING sees the participant as updated, so w carries it.
     w AS (
       SELECT x.id, x.last_year, pa.status FROM x JOIN participant pa ON pa.id = x.id
       WHERE pa.status IN ('active', 'lapsed')),
     ended AS (
       UPDATE participant pa SET status = 'ended', status_since = make_date(w.last_year + 1, 1, 1)
       FROM w WHERE pa.id = w.id AND pa.status IN ('active', 'lapsed')
       RETURNING pa.id, pa.regency_code, pa.region_code, w.last_year, w.status AS status_before,
                 ${yearEndReason} AS status_reason),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT x.id, x.regency_code, 'ended', make_date(x.last_year + 1, 1, 1), x.status_reason, $3,
              $4::timestamptz
       FROM ended x ORDER BY x.id)
     ${appliedExitsSql(
       `SELECT id AS participant_id, regency_code, region_code, 'left_programme' AS reason,
               make_date(last_year + 1, 1, 1) AS effective_date, status_reason AS note, status_before,
               NULL::bigint AS claim_id
        FROM ended ORDER BY id`,
       { actor: '$3', at: '$4::timestamptz' },
     )}`,
    [a.regencyCode, a.throughYear, a.actor, a.at],
  );
  return r.rowCount;
}

/**
 * The budget-funded payers among a run's billable (billing_group) without an allocation of their
 * own in force in the period: for the fiscal year, under an agreement valid in the month.
 */
export async function unfundedPayers(
  q: Queryable,
  a: { regencyCode: string; period: string; periodEnd: string },
) {
  const r = await q.query<{ payerId: number; payerName: string; payerKind: string; participants: number }>(
    `SELECT g.payer_id AS "payerId", p.name AS "payerName", p.kind AS "payerKind", sum(g.n)::int AS participants
     FROM billing_group g JOIN payer p ON p.id = g.payer_id
     WHERE p.kind IN ('regency', 'village', 'csr')
       AND NOT EXISTS (
         SELECT 1 FROM budget_allocation al JOIN agreement ag ON ag.id = al.agreement_id
         WHERE al.payer_id = g.payer_id AND ag.regency_code = $1 AND al.fiscal_year = left($2, 4)::int
           AND ag.valid_from <= $3::date AND ag.valid_to >= ($2 || '-01')::date)
     GROUP BY g.payer_id, p.name, p.kind ORDER BY g.payer_id`,
    [a.regencyCode, a.period, a.periodEnd],
  );
  return r.rows;
}

/** Takes the unfunded payers out of the run's billable set. */
export async function dropUnbilledPayers(q: Queryable, payerIds: number[]) {
  await q.query('DELETE FROM billing_billable WHERE payer_id = ANY($1::bigint[])', [payerIds]);
  await q.query('DELETE FROM billing_group WHERE payer_id = ANY($1::bigint[])', [payerIds]);
}
