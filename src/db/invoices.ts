import type { Queryable } from './types.ts';

export interface InvoiceRow {
  id: number;
  number: string;
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string | null;
  period: string;
  kind: string;
  issuedAt: string;
  dueDate: string;
  totalRp: number;
  paidRp: number;
  lines: number;
}

const INVOICE_COLUMNS = `i.id, i.number, i.payer_id AS "payerId", p.name AS "payerName", p.kind AS "payerKind",
  p.region_code AS "payerRegion", i.period, i.kind, i.issued_at AS "issuedAt", i.due_date AS "dueDate",
  i.total_rp AS "totalRp",
  coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)::bigint AS "paidRp"`;

export const SELECT_INVOICE = `SELECT ${INVOICE_COLUMNS},
  (SELECT count(*)::int FROM invoice_line l WHERE l.invoice_id = i.id) AS lines
  FROM invoice i JOIN payer p ON p.id = i.payer_id`;

/**
 * The invoices a run has just written, inside its transaction: their line counts come from
 * billing_sum (what was written) rather than from counting a million invoice lines again.
 */
export async function invoicesOfRun(q: Queryable, runId: number) {
  return (
    await q.query<InvoiceRow>(
      `SELECT ${INVOICE_COLUMNS},
         (SELECT sum(s.lines)::int FROM billing_sum s WHERE s.payer_id = i.payer_id) AS lines
       FROM invoice i JOIN payer p ON p.id = i.payer_id
       WHERE i.billing_run_id = $1 ORDER BY i.id`,
      [runId],
    )
  ).rows;
}

export interface InvoiceFilter {
  scopes: readonly string[];
  payerId?: number | null;
  period?: string | null;
  status?: 'open' | 'paid' | null;
  limit: number;
  /** The last invoice of the previous page (keyset paging); null for the first page. */
  afterId?: number | null;
}

// The invoices of the caller's scope that pass the filter; $5 is the cursor's invoice id.
const INVOICES_IN_SCOPE = `SELECT * FROM (${SELECT_INVOICE}
       WHERE region_in_scope(p.region_code, $1::text[])
         AND ($2::bigint IS NULL OR i.payer_id = $2) AND ($3::text IS NULL OR i.period = $3)
         AND ($5::bigint IS NULL OR (i.due_date, i.id) < (SELECT c.due_date, c.id FROM invoice c WHERE c.id = $5))) x
     WHERE ($4::text IS NULL OR ($4 = 'paid') = ("paidRp" >= "totalRp"))`;

/**
 * A page of the invoices whose payer lies in the caller's scope (a village sees its own, the
 * district all of its regency), newest due date first with the id as the unique tiebreaker, after
 * the invoice `afterId` (keyset paging: a row is never shown twice nor skipped between pages).
 */
export async function listInvoicesInScope(q: Queryable, f: InvoiceFilter) {
  const r = await q.query<InvoiceRow>(`${INVOICES_IN_SCOPE} ORDER BY "dueDate" DESC, id DESC LIMIT $6`, [
    ...invoiceFilterParams(f),
    f.afterId ?? null,
    f.limit,
  ]);
  return r.rows;
}

/** How many invoices the filter finds in scope, all pages together (a district has hundreds, not millions). */
export async function countInvoicesInScope(q: Queryable, f: Omit<InvoiceFilter, 'limit' | 'afterId'>) {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${INVOICES_IN_SCOPE}) y`, [
    ...invoiceFilterParams(f),
    null,
  ]);
  return r.rows[0]?.n ?? 0;
}

function invoiceFilterParams(f: Omit<InvoiceFilter, 'limit' | 'afterId'>) {
  return [f.scopes, f.payerId ?? null, f.period ?? null, f.status ?? null];
}

export async function findInvoiceInScope(q: Queryable, id: number, scopes: readonly string[]) {
  const r = await q.query<InvoiceRow>(
    `${SELECT_INVOICE} WHERE i.id = $1 AND region_in_scope(p.region_code, $2::text[])`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

/** The invoice's lines summarised by programme and payer role (the PDF and the screen show this). */
export async function invoiceSummary(q: Queryable, id: number) {
  const r = await q.query<{
    program: string;
    payerRole: string;
    kind: string;
    participants: number;
    amountRp: number;
  }>(
    `SELECT program, payer_role AS "payerRole", kind, count(DISTINCT participant_id)::int AS participants,
            sum(amount_rp)::bigint AS "amountRp"
     FROM invoice_line WHERE invoice_id = $1 GROUP BY program, payer_role, kind ORDER BY program, payer_role, kind`,
    [id],
  );
  return r.rows;
}

export async function listPayersInScope(q: Queryable, scopes: readonly string[]) {
  const r = await q.query<{
    id: number;
    kind: string;
    name: string;
    regionCode: string;
    invoicedRp: number;
    paidRp: number;
    balanceRp: number;
  }>(
    `SELECT p.id, p.kind, p.name, p.region_code AS "regionCode",
            coalesce((SELECT sum(total_rp) FROM invoice i WHERE i.payer_id = p.id), 0)::bigint AS "invoicedRp",
            coalesce((SELECT sum(amount_rp) FROM payment m WHERE m.payer_id = p.id), 0)::bigint AS "paidRp",
            coalesce((SELECT sum(amount_rp) FROM ledger_line l WHERE l.account = 'receivable' AND l.payer_id = p.id), 0)::bigint
              AS "balanceRp"
     FROM payer p WHERE region_in_scope(p.region_code, $1::text[]) ORDER BY p.region_code, p.kind`,
    [scopes],
  );
  return r.rows;
}

// The lines of one invoice with each participant's KPJ and name, for the lines export; in a stable
// order of participant, programme and role (line ids follow no order: the run inserts in bulk).
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
     ORDER BY l.participant_id NULLS LAST, l.program, l.payer_role, l.id`,
    [invoiceId],
  );
  return r.rows;
}
