// Late fees of formal workers' employers: the overdue invoices a run charges, and their fee lines.
import type { Queryable } from './types.ts';

export interface OverdueInvoice {
  invoiceId: number;
  period: string;
  openRp: number;
  chargedRp: number;
}

/**
 * Employers' invoices of earlier periods still open after their due date as of a date, with the
 * late fees already charged on them (so a re-run charges only what has accrued since).
 */
export async function overdueEmployerInvoices(
  q: Queryable,
  regencyCode: string,
  period: string,
  asOf: string,
) {
  const r = await q.query<OverdueInvoice>(
    `SELECT i.id AS "invoiceId", i.period,
            (i.total_rp - coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0))::bigint
              AS "openRp",
            coalesce((SELECT sum(l.amount_rp) FROM invoice_line l WHERE l.source_invoice_id = i.id), 0)::bigint AS "chargedRp"
     FROM invoice i JOIN payer p ON p.id = i.payer_id
     WHERE i.regency_code = $1 AND p.kind = 'employer' AND i.period < $2 AND i.due_date < $3::date AND i.total_rp > 0
       AND i.total_rp > coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)
     ORDER BY i.id`,
    [regencyCode, period, asOf],
  );
  return r.rows;
}

/** Adds late-fee lines (one per overdue invoice) to the run being prepared. */
export async function addLateFees(
  q: Queryable,
  fees: { invoiceId: number[]; amountRp: number[]; basis: string[]; dueDate: string },
) {
  await q.query(
    `INSERT INTO billing_diff (participant_id, source_invoice_id, kind, payer_id, program, payer_role, amount_rp, basis, due_date)
     SELECT NULL, f.invoice_id, 'late_fee', i.payer_id, 'DENDA', 'employer', f.amount_rp, f.basis, $4::date
     FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS f (invoice_id, amount_rp, basis)
     JOIN invoice i ON i.id = f.invoice_id`,
    [fees.invoiceId, fees.amountRp, fees.basis, fees.dueDate],
  );
}
