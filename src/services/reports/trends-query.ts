// Invoiced and paid money per contribution month for the dashboard's trends: the invoices of the
// payers in the caller's scope (null: the whole regency) for the 12 months up to asOf, and the
// payments received by asOf.
import type { Queryable } from '../../db/types.ts';

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
