// Construction (JAKON) project premiums as invoices (0024): the premium invoice issued when a
// project is registered, the adjustment when its contract changes, and the workers' cover that
// starts once the registration invoice is paid.
import { INVOICE_NUMBER, takeInvoiceSerials } from './invoice-numbers.ts';
import { postEntry } from './ledger.ts';
import { ensureInvoiceLinePartitions, ensureRegencyPartitions } from './partitions.ts';
import type { Queryable } from './types.ts';

export interface PremiumLine {
  program: string;
  amountRp: number;
  basis: string;
}

/**
 * Issues one invoice to the contractor's payer for a project: a 'project_premium' line per
 * programme (charged on the project, no participant), numbered from the regency's counter like a
 * billing run's invoices, and one ledger entry of the billing run's shape: contribution income
 * per programme, balanced by the receivable from the payer. Returns the invoice id.
 */
export async function issueProjectInvoice(
  q: Queryable,
  a: {
    projectId: number;
    kind: 'regular' | 'adjustment';
    period: string;
    dueDate: string;
    lines: readonly PremiumLine[];
    at: string;
  },
): Promise<number> {
  const lines = a.lines.filter((l) => l.amountRp !== 0);
  const totalRp = lines.reduce((s, l) => s + l.amountRp, 0);
  const p = await q.query<{ regencyCode: string; payerId: number }>(
    `SELECT cp.regency_code AS "regencyCode", e.payer_id AS "payerId"
     FROM construction_project cp JOIN employer e ON e.id = cp.contractor_employer_id WHERE cp.id = $1`,
    [a.projectId],
  );
  const { regencyCode, payerId } = p.rows[0]!;
  const serial = (await takeInvoiceSerials(q, regencyCode, 1)) + 1;
  const inv = await q.query<{ id: number }>(
    `INSERT INTO invoice (number, payer_id, regency_code, period, project_id, kind, issued_at, due_date, total_rp)
     VALUES (${INVOICE_NUMBER('$1::text', '$2::text', '$3::bigint')}, $4, $1, $2, $5, $6, $7, $8, $9) RETURNING id`,
    [regencyCode, a.period, serial, payerId, a.projectId, a.kind, a.at, a.dueDate, totalRp],
  );
  const invoiceId = inv.rows[0]!.id;
  await ensureInvoiceLinePartitions(q, [a.period]);
  await ensureRegencyPartitions(q, [a.period], regencyCode);
  await q.query(
    `INSERT INTO invoice_line (invoice_id, regency_code, participant_id, period, program, payer_role, kind, amount_rp, basis)
     SELECT $1, $2, NULL, $3, l.program, 'employer', 'project_premium', l.amount_rp, l.basis
     FROM unnest($4::text[], $5::bigint[], $6::text[]) AS l (program, amount_rp, basis)`,
    [
      invoiceId,
      regencyCode,
      a.period,
      lines.map((l) => l.program),
      lines.map((l) => l.amountRp),
      lines.map((l) => l.basis),
    ],
  );
  await postEntry(q, { regencyCode, kind: 'invoice', refId: invoiceId, at: a.at }, [
    { account: 'receivable', payerId, amountRp: totalRp },
    ...lines.map((l) => ({
      account: 'contribution_income' as const,
      program: l.program,
      amountRp: -l.amountRp,
    })),
  ]);
  return invoiceId;
}

/** What has been invoiced for a project so far, per programme (registration plus adjustments). */
export async function projectInvoicedByProgram(q: Queryable, projectId: number) {
  const r = await q.query<{ program: string; amountRp: number }>(
    `SELECT l.program, sum(l.amount_rp)::bigint AS "amountRp"
     FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
     WHERE i.project_id = $1 GROUP BY l.program`,
    [projectId],
  );
  return new Map(r.rows.map((x) => [x.program, Number(x.amountRp)]));
}

export interface ProjectInvoiceRow {
  id: number;
  number: string;
  kind: 'regular' | 'adjustment';
  issuedAt: string;
  dueDate: string;
  totalRp: number;
  paidRp: number;
}

/** The project's invoices, oldest first, each with what payments have settled of it. */
export async function listProjectInvoices(q: Queryable, projectId: number) {
  const r = await q.query<ProjectInvoiceRow>(
    `SELECT i.id, i.number, i.kind, i.issued_at AS "issuedAt", i.due_date AS "dueDate", i.total_rp AS "totalRp",
            coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)::bigint
              AS "paidRp"
     FROM invoice i WHERE i.project_id = $1 ORDER BY i.id`,
    [projectId],
  );
  return r.rows;
}

export interface ProjectChangeRow {
  contractValueRp: number;
  endDate: string;
  oldContractValueRp: number;
  oldEndDate: string;
  oldPremiumRp: number;
  premiumRp: number;
  invoiceNumber: string | null;
  notRefundedRp: number;
  reason: string;
  actor: string;
  at: string;
}

export async function listProjectChanges(q: Queryable, projectId: number) {
  const r = await q.query<ProjectChangeRow>(
    `SELECT c.contract_value_rp AS "contractValueRp", c.end_date AS "endDate",
            c.old_contract_value_rp AS "oldContractValueRp", c.old_end_date AS "oldEndDate",
            c.old_premium_rp AS "oldPremiumRp", c.premium_rp AS "premiumRp", i.number AS "invoiceNumber",
            c.not_refunded_rp AS "notRefundedRp", c.reason, c.actor, c.at
     FROM construction_project_change c LEFT JOIN invoice i ON i.id = c.invoice_id
     WHERE c.project_id = $1 ORDER BY c.id`,
    [projectId],
  );
  return r.rows;
}

/**
 * A project is covered once its registration (kind 'regular') invoice is paid in full. SQL over
 * a construction_project row `cp`, for the project lists and the activation below.
 */
export const PROJECT_COVERED = `EXISTS (
  SELECT 1 FROM invoice pi WHERE pi.project_id = cp.id AND pi.kind = 'regular'
    AND pi.total_rp <= coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = pi.id), 0))`;

/**
 * Starts the cover of the waiting workers (participant status 'verified', no status history yet)
 * of covered projects — one project, or every project of a payer after a payment: status 'active'
 * from their joining day and 'ended' on their leaving day, as addProjectWorkers wrote it before
 * 0024. Returns how many workers it activated.
 */
export async function activateCoveredProjectWorkers(
  q: Queryable,
  a: { projectId?: number; payerId?: number; today: string; actor: string; at: string },
): Promise<number> {
  const r = await q.query(
    `WITH w AS (
       SELECT w.participant_id, w.joined_on, w.left_on, w.regency_code, cp.project_number
       FROM construction_project cp
       JOIN employer e ON e.id = cp.contractor_employer_id
       JOIN project_worker w ON w.project_id = cp.id
       JOIN participant pa ON pa.id = w.participant_id AND pa.status = 'verified'
       WHERE ($1::bigint IS NULL OR cp.id = $1) AND ($2::bigint IS NULL OR e.payer_id = $2) AND ${PROJECT_COVERED}),
     pa AS (
       UPDATE participant pa SET status = CASE WHEN w.left_on < $3::date THEN 'ended' ELSE 'active' END,
         status_since = CASE WHEN w.left_on < $3::date THEN w.left_on ELSE w.joined_on END
       FROM w WHERE pa.id = w.participant_id RETURNING pa.id)
     INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT w.participant_id, w.regency_code, s.status, s.on_date, s.reason, $4, $5
     FROM w JOIN pa ON pa.id = w.participant_id CROSS JOIN LATERAL (VALUES
       ('active', w.joined_on, 'JAKON project ' || w.project_number || ' starts (premium paid)'),
       ('ended', w.left_on, 'JAKON project ' || w.project_number || ' ends')) AS s (status, on_date, reason)`,
    [a.projectId ?? null, a.payerId ?? null, a.today, a.actor, a.at],
  );
  return r.rowCount / 2;
}

/** Records a change of a project's contract and applies it to the project row. */
export async function recordProjectChange(
  q: Queryable,
  c: {
    projectId: number;
    contractValueRp: number;
    endDate: string;
    premiumRp: number;
    premiumBasis: unknown;
    invoiceId: number | null;
    notRefundedRp: number;
    reason: string;
    actor: string;
    at: string;
  },
) {
  await q.query(
    `WITH old AS (SELECT * FROM construction_project WHERE id = $1),
     ch AS (
       INSERT INTO construction_project_change (project_id, contract_value_rp, end_date, old_contract_value_rp,
         old_end_date, old_premium_rp, premium_rp, invoice_id, not_refunded_rp, reason, actor, at)
       SELECT $1, $2, $3, old.contract_value_rp, old.end_date, old.premium_rp, $4, $6, $7, $8, $9, $10 FROM old)
     UPDATE construction_project SET contract_value_rp = $2, end_date = $3, premium_rp = $4, premium_basis = $5
     WHERE id = $1`,
    [
      c.projectId,
      c.contractValueRp,
      c.endDate,
      c.premiumRp,
      JSON.stringify(c.premiumBasis),
      c.invoiceId,
      c.notRefundedRp,
      c.reason,
      c.actor,
      c.at,
    ],
  );
}
