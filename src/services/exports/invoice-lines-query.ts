// The lines of one invoice with each participant's KPJ and name, for the lines export.
// TODO(lead): this query belongs in src/db/invoices.ts (outside this change's files).
import type { Queryable } from '../../db/types.ts';

/** A late fee is charged on an earlier invoice (sourceInvoice), not on a person: no KPJ, no name. */
export interface InvoiceLineRow {
  kpj: string | null;
  fullName: string | null;
  sourceInvoice: string | null;
  program: string;
  payerRole: string;
  kind: string;
  period: string;
  amountRp: number;
  basis: string;
}

export async function invoiceLinesWithParticipants(q: Queryable, invoiceId: number) {
  const r = await q.query<InvoiceLineRow>(
    `SELECT pa.kpj, p.full_name AS "fullName", s.number AS "sourceInvoice", l.program, l.payer_role AS "payerRole",
            l.kind, l.period, l.amount_rp AS "amountRp", l.basis
     FROM invoice_line l
     LEFT JOIN participant pa ON pa.id = l.participant_id
     LEFT JOIN person p ON p.id = pa.person_id
     LEFT JOIN invoice s ON s.id = l.source_invoice_id
     WHERE l.invoice_id = $1
     ORDER BY l.id`,
    [invoiceId],
  );
  return r.rows;
}
