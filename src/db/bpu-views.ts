// What the BPU mandiri screens read (issue 13 point 8): the registrations of the caller's scope a
// page at a time, and one member's payments. Reads only; the writes stay in bpu.ts.
import type { Queryable } from './types.ts';

export interface BpuListRow {
  /** The participant's id (the keyset cursor). */
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  regionCode: string;
  villageName: string;
  status: string;
  statusSince: string;
  declaredIncomeRp: number;
  programs: string[];
  paymentCode: string;
  frequencyMonths: number;
  collection: 'personal' | 'agent';
  agentName: string | null;
  registeredOn: string;
  /** The last iuran month paid in full (YYYY-MM), null before the first payment. */
  paidThrough: string | null;
}

export interface BpuListFilter {
  scopes: readonly string[];
  /** Digits only: an exact KPJ, NIK or payment code; anything else matches names. */
  search: string | null;
  limit: number;
  afterId: number | null;
}

/**
 * One page of the BPU registrations in scope, newest first (participant id descending), after the
 * cursor row, with the count of every match. The paid-through month is read for the page's rows
 * only, after the limit.
 */
export async function listBpuInScope(q: Queryable, f: BpuListFilter) {
  const exact = f.search !== null && /^\d+$/.test(f.search) ? f.search : null;
  const name = f.search !== null && exact === null ? f.search : null;
  const r = await q.query<BpuListRow & { total: number }>(
    `SELECT y.*,
            (SELECT max(l.period) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
             WHERE l.participant_id = y.id AND l.kind = 'contribution'
               AND (SELECT coalesce(sum(x.amount_rp), 0) FROM payment_allocation x WHERE x.invoice_id = i.id)
                   >= i.total_rp) AS "paidThrough"
     FROM (SELECT x.*, count(*) OVER ()::int AS total FROM (
       SELECT pa.id, pa.kpj, p.nik, p.full_name AS "fullName", pa.region_code AS "regionCode", g.name AS "villageName",
              pa.status, pa.status_since AS "statusSince", pa.declared_income_rp AS "declaredIncomeRp", pa.programs,
              b.payment_code AS "paymentCode", b.frequency_months AS "frequencyMonths", b.collection,
              b.agent_name AS "agentName", b.registered_on AS "registeredOn"
       FROM bpu_registration b JOIN participant pa ON pa.id = b.participant_id
       JOIN person p ON p.id = pa.person_id JOIN region g ON g.code = pa.region_code
       WHERE region_in_scope(pa.region_code, $1::text[])
         AND ($2::text IS NULL OR pa.kpj = $2 OR b.payment_code = $2 OR p.nik = $2)
         AND ($3::text IS NULL OR (name_key($3) <> '' AND p.name_key LIKE '%' || name_key($3) || '%'))) x) y
     WHERE $5::bigint IS NULL OR y.id < $5
     ORDER BY y.id DESC LIMIT $4`,
    [f.scopes, exact, name, f.limit, f.afterId],
  );
  return { total: r.rows[0]?.total ?? 0, rows: r.rows.map(({ total: _, ...row }) => row) };
}

export interface BpuPaymentRow {
  id: number;
  receivedOn: string;
  amountRp: number;
  reference: string;
  /** The first and last iuran month of this member the payment settled (null: none, e.g. reversed). */
  fromMonth: string | null;
  toMonth: string | null;
  /** A later reversal took the payment back (payments.reverse). */
  reversed: boolean;
}

/**
 * The payments that settled this member's iuran, newest first: the personal payer's own payments,
 * or the agent's collective ones that reached this member's invoices.
 */
export async function bpuPaymentsOf(q: Queryable, participantId: number, limit: number) {
  const r = await q.query<BpuPaymentRow>(
    `SELECT pm.id, pm.received_on AS "receivedOn", pm.amount_rp AS "amountRp", pm.reference,
            min(l.period) AS "fromMonth", max(l.period) AS "toMonth",
            EXISTS (SELECT 1 FROM payment r WHERE r.reverses_id = pm.id) AS reversed
     FROM payment pm
     JOIN payment_allocation a ON a.payment_id = pm.id
     JOIN invoice_line l ON l.invoice_id = a.invoice_id AND l.participant_id = $1 AND l.kind = 'contribution'
     WHERE pm.reverses_id IS NULL
     GROUP BY pm.id
     ORDER BY pm.received_on DESC, pm.id DESC LIMIT $2`,
    [participantId, limit],
  );
  return r.rows;
}
