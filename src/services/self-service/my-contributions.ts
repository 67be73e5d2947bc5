import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

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

export const CONTRIBUTION_LINES_MAX = 600;

/**
 * The participant's contribution history: their invoice lines, newest period first, each with the
 * state of the invoice it is on (a village or employer invoice holds many people; it is paid when
 * the allocations to it reach its total). Totals cover every line, not only those returned.
 */
export async function myContributions(deps: Deps, actor: Actor) {
  const participantId = selfParticipantId(actor);
  const r = await deps.db.query<ContributionLine>(
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
  const lines = r.rows;
  const sum = (pick: (l: ContributionLine) => boolean) =>
    lines.filter(pick).reduce((s, l) => s + l.amountRp, 0);
  return {
    totals: {
      billedRp: sum(() => true),
      paidRp: sum((l) => l.invoiceState === 'paid'),
      unpaidRp: sum((l) => l.invoiceState !== 'paid'),
    },
    lines: lines.slice(0, CONTRIBUTION_LINES_MAX),
    truncated: lines.length > CONTRIBUTION_LINES_MAX,
  };
}
