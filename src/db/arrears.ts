import type { Queryable } from './types.ts';

export interface ArrearsRow {
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string;
  invoices: number;
  notDueRp: number;
  days1To30Rp: number;
  days31To60Rp: number;
  days61To90Rp: number;
  over90Rp: number;
  totalRp: number;
}

/**
 * Open invoice amounts by payer in ageing buckets as of a date, set-based. An invoice's open
 * amount is its total less the money allocated to it from payments received on or before asOf;
 * days past due = asOf − due date (0 or less: not yet due). The allocations are summed once per
 * invoice in one pass (a hash join), not looked up invoice by invoice, and `open` is materialized:
 * inlined, each ageing bucket's FILTER would compute the open amounts again.
 */
export async function arrearsByPayer(
  q: Queryable,
  a: { asOf: string; scopes: readonly string[]; regencyCode: string | null },
) {
  const r = await q.query<ArrearsRow>(
    `WITH paid AS (
       SELECT x.invoice_id, sum(x.amount_rp) AS rp
       FROM invoice i JOIN payment_allocation x ON x.invoice_id = i.id JOIN payment m ON m.id = x.payment_id
       WHERE m.received_on <= $1::date AND ($3::text IS NULL OR i.regency_code = $3)
       GROUP BY x.invoice_id),
     open AS MATERIALIZED (
       SELECT i.payer_id, ($1::date - i.due_date) AS days, i.total_rp - coalesce(pd.rp, 0) AS open_rp
       FROM invoice i JOIN payer p ON p.id = i.payer_id LEFT JOIN paid pd ON pd.invoice_id = i.id
       WHERE i.total_rp > 0 AND region_in_scope(p.region_code, $2::text[])
         AND ($3::text IS NULL OR i.regency_code = $3))
     SELECT p.id AS "payerId", p.name AS "payerName", p.kind AS "payerKind", p.region_code AS "payerRegion",
            count(*)::int AS invoices,
            coalesce(sum(o.open_rp) FILTER (WHERE o.days <= 0), 0)::bigint AS "notDueRp",
            coalesce(sum(o.open_rp) FILTER (WHERE o.days BETWEEN 1 AND 30), 0)::bigint AS "days1To30Rp",
            coalesce(sum(o.open_rp) FILTER (WHERE o.days BETWEEN 31 AND 60), 0)::bigint AS "days31To60Rp",
            coalesce(sum(o.open_rp) FILTER (WHERE o.days BETWEEN 61 AND 90), 0)::bigint AS "days61To90Rp",
            coalesce(sum(o.open_rp) FILTER (WHERE o.days > 90), 0)::bigint AS "over90Rp",
            sum(o.open_rp)::bigint AS "totalRp"
     FROM open o JOIN payer p ON p.id = o.payer_id
     WHERE o.open_rp > 0
     GROUP BY p.id ORDER BY p.region_code, p.kind, p.id`,
    [a.asOf, a.scopes, a.regencyCode],
  );
  return r.rows;
}
