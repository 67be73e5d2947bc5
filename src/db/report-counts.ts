// Participant counts as of a date, read from participant_count_delta (0007_reports.sql): the sum
// of the status changes up to that date, so history counts (not today's status) without a scan
// of every participant. Areas outside the caller's scope are left out; scopes null means the
// caller sees the whole regency (no per-row scope test: it is most of these queries' time).
import type { Queryable } from './types.ts';

export interface CountRow {
  regionCode: string;
  segment: string;
  fundingSource: string;
  viaVillageBatch: boolean;
  status: string;
  n: number;
}

/** Participants by area, segment, funding, channel and status on `asOf` (non-zero groups only). */
export async function countsAsOf(
  q: Queryable,
  a: { regencyCode: string; asOf: string; scopes: readonly string[] | null },
): Promise<CountRow[]> {
  const r = await q.query<CountRow>(
    `SELECT region_code AS "regionCode", segment, funding_source AS "fundingSource",
            via_village_batch AS "viaVillageBatch", status, sum(delta)::bigint AS n
     FROM participant_count_delta
     WHERE regency_code = $1 AND effective_date <= $2::date
       AND ($3::text[] IS NULL OR region_in_scope(region_code, $3::text[]))
     GROUP BY region_code, segment, funding_source, via_village_batch, status
     HAVING sum(delta) <> 0`,
    [a.regencyCode, a.asOf, a.scopes],
  );
  return r.rows;
}

/** Active participants at the end of each of the 12 months up to asOf's month (the last month: on asOf). */
export async function activeByMonth(
  q: Queryable,
  a: { regencyCode: string; asOf: string; scopes: readonly string[] | null },
): Promise<{ period: string; active: number }[]> {
  const r = await q.query<{ period: string; active: number }>(
    `WITH daily AS MATERIALIZED (
       SELECT effective_date, sum(delta) AS delta FROM participant_count_delta
       WHERE regency_code = $1 AND status = 'active' AND effective_date <= $2::date
         AND ($3::text[] IS NULL OR region_in_scope(region_code, $3::text[]))
       GROUP BY effective_date),
     months AS (
       SELECT to_char(m, 'YYYY-MM') AS period,
              least((m + interval '1 month' - interval '1 day')::date, $2::date) AS upto
       FROM generate_series(date_trunc('month', $2::date) - interval '11 months', date_trunc('month', $2::date),
                            interval '1 month') AS m)
     SELECT m.period, coalesce(sum(d.delta), 0)::bigint AS active
     FROM months m LEFT JOIN daily d ON d.effective_date <= m.upto
     GROUP BY m.period ORDER BY m.period`,
    [a.regencyCode, a.asOf, a.scopes],
  );
  return r.rows;
}

export interface AreaRegion {
  code: string;
  name: string;
  level: 'district' | 'village';
  parentCode: string | null;
}

/** The kecamatan and villages of the regency in the caller's scope, in code order. */
export async function areaRegions(
  q: Queryable,
  a: { regencyCode: string; scopes: readonly string[] | null },
): Promise<AreaRegion[]> {
  const r = await q.query<AreaRegion>(
    `SELECT code, name, level, parent_code AS "parentCode" FROM region
     WHERE regency_code = $1 AND level IN ('district', 'village')
       AND ($2::text[] IS NULL OR region_in_scope(code, $2::text[]))
     ORDER BY code`,
    [a.regencyCode, a.scopes],
  );
  return r.rows;
}

/**
 * Invoiced and paid money per contribution month for the dashboard's trends: the invoices of the
 * payers in the caller's scope (null: the whole regency) for the 12 months up to asOf, and the
 * payments received by asOf.
 */
export async function moneyByPeriod(
  q: Queryable,
  a: { regencyCode: string; asOf: string; scopes: readonly string[] | null },
): Promise<Map<string, { invoicedRp: number; paidRp: number }>> {
  const r = await q.query<{ period: string; invoicedRp: number; paidRp: number }>(
    `WITH inv AS (
       SELECT i.id, i.period, i.total_rp FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.regency_code = $1
         AND i.period BETWEEN to_char(date_trunc('month', $2::date) - interval '11 months', 'YYYY-MM') AND to_char($2::date, 'YYYY-MM')
         AND ($3::text[] IS NULL OR region_in_scope(p.region_code, $3::text[])))
     SELECT inv.period, sum(inv.total_rp)::bigint AS "invoicedRp",
            coalesce(sum((SELECT sum(x.amount_rp) FROM payment_allocation x JOIN payment m ON m.id = x.payment_id
                          WHERE x.invoice_id = inv.id AND m.received_on <= $2::date)), 0)::bigint AS "paidRp"
     FROM inv GROUP BY inv.period`,
    [a.regencyCode, a.asOf, a.scopes],
  );
  return new Map(r.rows.map((row) => [row.period, { invoicedRp: row.invoicedRp, paidRp: row.paidRp }]));
}
