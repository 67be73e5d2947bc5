// Late fees of formal workers' employers: the overdue invoices a run charges, and their fee lines.
import type { Queryable } from './types.ts';

export interface OverdueInvoice {
  invoiceId: number;
  period: string;
  /** The invoice's contribution per programme (contribution and adjustment lines; never fees). */
  contributions: { program: string; amountRp: number }[];
  /** What is still unpaid of those contributions: payments settle contributions before fees. */
  openContributionRp: number;
  chargedRp: number;
}

/**
 * Employers' invoices of earlier periods still open after their due date as of a date, with their
 * contributions per programme (late-fee lines left out: a fee is never charged on a fee) and the
 * late fees already charged on them (so a re-run charges only what has accrued since).
 *
 * The contributions come from the invoice's own ledger entry (a few lines per invoice), not from
 * its invoice lines (one per worker × programme × role, hundreds of thousands in month 12 of an
 * unpaid population). The entry books, per programme, minus the sum of the invoice's lines of that
 * programme (billing.ts issueInvoices, pmi.ts issuePremiumInvoice), a late fee under programme
 * 'DENDA' (addLateFees); so for every programme but 'DENDA' it holds minus the sum of the lines
 * that are not late fees. One case differs: the entry leaves out a programme whose lines sum to 0,
 * which only an adjustment run can write (corrections cancelling out within one payer), while the
 * lines list it with 0. An adjustment invoice holds only what changed, so its lines are read as
 * they are, and the result stays exactly the lines' (late-fees.test.ts checks both against them).
 */
export async function overdueEmployerInvoices(
  q: Queryable,
  regencyCode: string,
  period: string,
  asOf: string,
): Promise<OverdueInvoice[]> {
  const r = await q.query<{
    invoiceId: number;
    period: string;
    program: string;
    amountRp: number;
    paidRp: number;
    chargedRp: number;
  }>(
    `WITH overdue AS MATERIALIZED (
       SELECT i.id, i.period, i.kind,
              coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)::bigint AS paid_rp,
              coalesce((SELECT sum(l.amount_rp) FROM invoice_line l WHERE l.source_invoice_id = i.id), 0)::bigint AS charged_rp
       FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.regency_code = $1 AND p.kind = 'employer' AND i.period < $2 AND i.project_id IS NULL AND i.due_date < $3::date AND i.total_rp > 0
         AND i.total_rp > coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)
     ),
     contribution AS (
       SELECT o.id, ll.program, -sum(ll.amount_rp) AS amount_rp
       FROM overdue o
       JOIN ledger_entry e ON e.kind = 'invoice' AND e.ref_id = o.id
       JOIN ledger_line ll ON ll.entry_id = e.id AND ll.period = office_period(e.at) AND ll.account = 'contribution_income' AND ll.program <> 'DENDA'
       WHERE o.kind <> 'adjustment'
       GROUP BY o.id, ll.program
       UNION ALL
       SELECT o.id, l.program, sum(l.amount_rp)
       FROM overdue o JOIN invoice_line l ON l.invoice_id = o.id AND l.kind <> 'late_fee'
       WHERE o.kind = 'adjustment'
       GROUP BY o.id, l.program
     )
     SELECT o.id AS "invoiceId", o.period, c.program, c.amount_rp::bigint AS "amountRp",
            o.paid_rp AS "paidRp", o.charged_rp AS "chargedRp"
     FROM overdue o JOIN contribution c ON c.id = o.id
     ORDER BY o.id, c.program`,
    [regencyCode, period, asOf],
  );
  const byInvoice = new Map<number, OverdueInvoice>();
  for (const row of r.rows) {
    let o = byInvoice.get(row.invoiceId);
    if (!o) {
      o = {
        invoiceId: row.invoiceId,
        period: row.period,
        contributions: [],
        openContributionRp: -row.paidRp,
        chargedRp: row.chargedRp,
      };
      byInvoice.set(row.invoiceId, o);
    }
    o.contributions.push({ program: row.program, amountRp: row.amountRp });
    o.openContributionRp += row.amountRp;
  }
  for (const o of byInvoice.values()) o.openContributionRp = Math.max(0, o.openContributionRp);
  return [...byInvoice.values()];
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
