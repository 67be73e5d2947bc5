// Participant counts as of a date: the snapshot at the end of the latest closed month that ended
// by that date (0023_count_snapshots.sql) plus the status changes after it from
// participant_count_delta (0007_reports.sql), so history counts (not today's status) without a
// scan of every participant, and ten years of history cost what one open month costs. Areas
// outside the caller's scope are left out; scopes null means the caller sees the whole regency
// (no per-row scope test: it is most of these queries' time).
import type { Queryable } from './types.ts';

/**
 * Where a count query reads and what it is asked, as SQL expressions: this database's own tables
 * with bind parameters (the reports), or a federated member's foreign tables with the regency
 * taken from a lateral row (db/federation.ts). One text for both, so the national figure of a
 * province is the figure the province's own report shows.
 */
export interface CountSource {
  /** The regency code ('$1', or 'g.code'). */
  regency: string;
  /** The as-of date ('$2::date'). */
  asOf: string;
  /** The caller's scopes as text[] ('$3::text[]'; 'NULL::text[]': the whole regency). */
  scopes: string;
  /** The schema of the tables with its dot ('member_ntt.'), '' for this database's own. */
  schema: string;
}

const LOCAL: CountSource = { regency: '$1', asOf: '$2::date', scopes: '$3::text[]', schema: '' };

/**
 * The latest closed period of the regency whose month ended by `upto` (a SQL date expression), and
 * the first day after it: the snapshot to start from and where the deltas take over. With no such
 * month closed: no period, and every delta counts (-infinity). Read as scalar subqueries, so the
 * delta scan is an index range on (regency_code, effective_date).
 */
const snapshotBase = (upto: string, s: CountSource = LOCAL) => `
  SELECT period, coalesce((to_date(period, 'YYYY-MM') + interval '1 month')::date, '-infinity'::date) AS after
  FROM (SELECT max(period) AS period FROM ${s.schema}period_close
        WHERE regency_code = ${s.regency} AND (to_date(period, 'YYYY-MM') + interval '1 month')::date <= ${upto} + 1) c`;

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
  const r = await q.query<CountRow>(countsAsOfSql(LOCAL), [a.regencyCode, a.asOf, a.scopes]);
  return r.rows;
}

/** The query of countsAsOf over any source (CountSource). */
export function countsAsOfSql(s: CountSource): string {
  return `WITH base AS (${snapshotBase(s.asOf, s)}),
     parts AS (
       SELECT s.region_code, s.segment, s.funding_source, s.via_village_batch, s.status, s.n AS delta
       FROM ${s.schema}participant_count_snapshot s
       WHERE s.regency_code = ${s.regency} AND s.period = (SELECT period FROM base)
         AND (${s.scopes} IS NULL OR region_in_scope(s.region_code, ${s.scopes}))
       UNION ALL
       SELECT d.region_code, d.segment, d.funding_source, d.via_village_batch, d.status, d.delta
       FROM ${s.schema}participant_count_delta d
       WHERE d.regency_code = ${s.regency} AND d.effective_date <= ${s.asOf}
         AND d.effective_date >= (SELECT after FROM base)
         AND (${s.scopes} IS NULL OR region_in_scope(d.region_code, ${s.scopes})))
     SELECT region_code AS "regionCode", segment, funding_source AS "fundingSource",
            via_village_batch AS "viaVillageBatch", status, sum(delta)::bigint AS n
     FROM parts
     GROUP BY region_code, segment, funding_source, via_village_batch, status
     HAVING sum(delta) <> 0`;
}

/** Active participants at the end of each of the 12 months up to asOf's month (the last month: on asOf). */
export async function activeByMonth(
  q: Queryable,
  a: { regencyCode: string; asOf: string; scopes: readonly string[] | null },
): Promise<{ period: string; active: number }[]> {
  const r = await q.query<{ period: string; active: number }>(
    `WITH base AS (${snapshotBase("(date_trunc('month', $2::date) - interval '10 months')::date - 1")}),
     start AS (
       SELECT coalesce(sum(s.n), 0) AS n
       FROM participant_count_snapshot s
       WHERE s.regency_code = $1 AND s.period = (SELECT period FROM base) AND s.status = 'active'
         AND ($3::text[] IS NULL OR region_in_scope(s.region_code, $3::text[]))),
     daily AS MATERIALIZED (
       SELECT d.effective_date, sum(d.delta) AS delta FROM participant_count_delta d
       WHERE d.regency_code = $1 AND d.status = 'active' AND d.effective_date <= $2::date
         AND d.effective_date >= (SELECT after FROM base)
         AND ($3::text[] IS NULL OR region_in_scope(d.region_code, $3::text[]))
       GROUP BY d.effective_date),
     months AS (
       SELECT to_char(m, 'YYYY-MM') AS period,
              least((m + interval '1 month' - interval '1 day')::date, $2::date) AS upto
       FROM generate_series(date_trunc('month', $2::date) - interval '11 months', date_trunc('month', $2::date),
                            interval '1 month') AS m)
     SELECT m.period, ((SELECT n FROM start) + coalesce(sum(d.delta), 0))::bigint AS active
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
 * payments received by asOf, summed per invoice in one pass rather than invoice by invoice.
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
         AND ($3::text[] IS NULL OR region_in_scope(p.region_code, $3::text[]))),
     paid AS (
       SELECT x.invoice_id, sum(x.amount_rp) AS rp
       FROM inv JOIN payment_allocation x ON x.invoice_id = inv.id JOIN payment m ON m.id = x.payment_id
       WHERE m.received_on <= $2::date
       GROUP BY x.invoice_id)
     SELECT inv.period, sum(inv.total_rp)::bigint AS "invoicedRp", coalesce(sum(pd.rp), 0)::bigint AS "paidRp"
     FROM inv LEFT JOIN paid pd ON pd.invoice_id = inv.id GROUP BY inv.period`,
    [a.regencyCode, a.asOf, a.scopes],
  );
  return new Map(r.rows.map((row) => [row.period, { invoicedRp: row.invoicedRp, paidRp: row.paidRp }]));
}
