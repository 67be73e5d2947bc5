// What a participant reads about themself: their claims with the steps taken, their contribution
// lines with the state of the invoices holding them, and their status history. Each read takes
// the participant's own id (the service never lets a request name another participant).
import type { Queryable } from './types.ts';

export interface OwnClaimRow {
  id: number;
  number: string;
  program: string;
  kind: string;
  status: string;
  eventDate: string;
  filedAt: string;
  updatedAt: string;
  refusalCode: string | null;
  amountRp: number | null;
  bankCode: string;
  bankAccount: string;
  channel: string;
}

const SELECT_CLAIM = `
  SELECT id, number, program, kind, status, event_date AS "eventDate", filed_at AS "filedAt",
         updated_at AS "updatedAt", refusal_code AS "refusalCode", amount_rp AS "amountRp",
         bank_code AS "bankCode", bank_account AS "bankAccount", channel
  FROM claim`;

/** The participant's claims, newest first. */
export async function listOwnClaims(q: Queryable, participantId: number): Promise<OwnClaimRow[]> {
  const r = await q.query<OwnClaimRow>(
    `${SELECT_CLAIM} WHERE participant_id = $1 ORDER BY filed_at DESC, id DESC`,
    [participantId],
  );
  return r.rows;
}

/** One claim if it is the participant's, else null. */
export async function findOwnClaim(q: Queryable, claimId: number, participantId: number) {
  const r = await q.query<OwnClaimRow>(`${SELECT_CLAIM} WHERE id = $1 AND participant_id = $2`, [
    claimId,
    participantId,
  ]);
  return r.rows[0] ?? null;
}

/** A claim's steps with their reason codes (not the staff's notes or names), in order. */
export async function ownClaimSteps(q: Queryable, claimId: number) {
  const r = await q.query<{ action: string; toStatus: string; reasonCode: string | null; at: string }>(
    `SELECT action, to_status AS "toStatus", reason_code AS "reasonCode", at
     FROM claim_event WHERE claim_id = $1 ORDER BY at, id`,
    [claimId],
  );
  return r.rows;
}

export type InvoiceState = 'paid' | 'partial' | 'unpaid';

export interface ContributionLine {
  period: string;
  program: string;
  payerRole: string;
  kind: string;
  amountRp: number;
  invoiceNumber: string;
  payerName: string;
  dueDate: string;
  /** Whether the invoice holding the line is settled by the payment allocations to it. */
  invoiceState: InvoiceState;
  paidOn: string | null;
}

/**
 * The participant's invoice lines, newest period first, each with the state of the invoice it is
 * on (a village or employer invoice holds many people; it is paid when the allocations to it reach
 * its total).
 */
export async function ownContributionLines(q: Queryable, participantId: number) {
  const r = await q.query<ContributionLine>(
    `WITH mine AS (
       SELECT l.* FROM invoice_line l WHERE l.participant_id = $1),
     inv AS (
       SELECT i.id, i.number, i.due_date, i.total_rp, pay.name AS payer_name,
              coalesce(sum(x.amount_rp), 0) AS paid_rp,
              max(m.received_on) FILTER (WHERE x.amount_rp > 0) AS paid_on
       FROM invoice i
       JOIN payer pay ON pay.id = i.payer_id
       LEFT JOIN payment_allocation x ON x.invoice_id = i.id
       LEFT JOIN payment m ON m.id = x.payment_id
       WHERE i.id IN (SELECT invoice_id FROM mine)
       GROUP BY i.id, pay.name)
     SELECT l.period, l.program, l.payer_role AS "payerRole", l.kind, l.amount_rp AS "amountRp",
            inv.number AS "invoiceNumber", inv.payer_name AS "payerName", inv.due_date AS "dueDate",
            CASE WHEN inv.paid_rp >= inv.total_rp THEN 'paid'
                 WHEN inv.paid_rp > 0 THEN 'partial' ELSE 'unpaid' END AS "invoiceState",
            CASE WHEN inv.paid_rp >= inv.total_rp THEN inv.paid_on END AS "paidOn"
     FROM mine l JOIN inv ON inv.id = l.invoice_id
     ORDER BY l.period DESC, l.program, l.id`,
    [participantId],
  );
  return r.rows;
}

/** The participant's status now, or null. */
export async function ownStatus(q: Queryable, participantId: number) {
  const r = await q.query<{ status: string; statusSince: string }>(
    'SELECT status, status_since AS "statusSince" FROM participant WHERE id = $1',
    [participantId],
  );
  return r.rows[0] ?? null;
}

/** The participant's status changes in order. */
export async function ownStatusHistory(q: Queryable, participantId: number) {
  const r = await q.query<{ status: string; effectiveDate: string; reason: string }>(
    `SELECT status, effective_date AS "effectiveDate", reason FROM participant_status
     WHERE participant_id = $1 ORDER BY effective_date, id`,
    [participantId],
  );
  return r.rows;
}
