import type { Queryable } from './types.ts';

/** The distinct contribution inputs ("tariff keys") of the participants billable in a period. */
export interface TariffKey {
  segment: string;
  wageRp: number;
  riskGroup: number;
  fundingSource: string;
  programs: string[];
}

/**
 * Participants whose status on the period's last day is active (from their status history),
 * with what their contribution depends on: BPU the declared income (0 = the minimum applies),
 * PU the wage reported for the period (else the employment's current wage) and the employer's
 * JKK risk group. $1 regency, $2 last day of the period, $3 the period.
 */
const BILLABLE = `
  SELECT pa.id, pa.payer_id, pa.segment, pa.funding_source, pa.programs,
         CASE WHEN pa.segment = 'PU' THEN coalesce(wr.wage_rp, em.wage_rp) ELSE coalesce(pa.declared_income_rp, 0) END
           AS wage_rp,
         coalesce(er.risk_group, 0)::int AS risk_group
  FROM participant pa
  JOIN (SELECT DISTINCT ON (participant_id) participant_id, status
        FROM participant_status
        WHERE regency_code = $1 AND effective_date <= $2::date
        ORDER BY participant_id, effective_date DESC, id DESC) st ON st.participant_id = pa.id
  LEFT JOIN employment em ON em.participant_id = pa.id
  LEFT JOIN employer er ON er.id = em.employer_id
  LEFT JOIN wage_report wr ON wr.employer_id = em.employer_id AND wr.person_id = em.person_id AND wr.period = $3
  WHERE pa.regency_code = $1 AND st.status = 'active'
    AND (pa.segment = 'BPU' OR (pa.segment = 'PU' AND em.id IS NOT NULL))`;

export async function billableTariffKeys(
  q: Queryable,
  regencyCode: string,
  periodEnd: string,
  period: string,
) {
  const r = await q.query<TariffKey>(
    `SELECT DISTINCT b.segment, b.wage_rp AS "wageRp", b.risk_group AS "riskGroup",
            b.funding_source AS "fundingSource", b.programs
     FROM (${BILLABLE}) b`,
    [regencyCode, periodEnd, period],
  );
  return r.rows;
}

/** One tariff line per key × programme, as computed by the rules; arrays for unnest. */
export interface TariffLines {
  segment: string[];
  wageRp: number[];
  riskGroup: number[];
  fundingSource: string[];
  programs: string[];
  program: string[];
  payerRole: string[];
  amountRp: number[];
  basis: string[];
  dueDate: string[];
}

/**
 * Fills billing_diff (a temporary table) with what each participant × programme should be billed
 * for the period minus what was already billed: a first run gives every line, a re-run only the
 * differences (new participants, corrections, participants no longer billable).
 */
export async function computeBillingDiff(
  q: Queryable,
  a: { regencyCode: string; period: string; periodEnd: string; tariff: TariffLines },
) {
  await q.query(
    `CREATE TEMP TABLE billing_diff ON COMMIT DROP AS
    WITH tariff AS (
      SELECT * FROM unnest($4::text[], $5::bigint[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[],
                           $11::bigint[], $12::text[], $13::date[])
        AS t (segment, wage_rp, risk_group, funding_source, programs, program, payer_role, amount_rp, basis, due_date)),
    wanted AS (
      SELECT b.id AS participant_id, b.payer_id, t.program, t.payer_role, t.amount_rp, t.basis, t.due_date
      FROM (${BILLABLE}) b
      JOIN tariff t ON t.segment = b.segment AND t.wage_rp = b.wage_rp AND t.risk_group = b.risk_group
                   AND t.funding_source = b.funding_source AND t.programs = array_to_string(b.programs, ',')),
    billed AS (
      SELECT l.participant_id, i.payer_id, l.program, l.payer_role, sum(l.amount_rp) AS amount_rp
      FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
      WHERE l.regency_code = $1 AND l.period = $3 AND l.kind IN ('contribution', 'adjustment')
      GROUP BY l.participant_id, i.payer_id, l.program, l.payer_role)
    SELECT coalesce(w.participant_id, d.participant_id) AS participant_id, NULL::bigint AS source_invoice_id,
           NULL::text AS kind,
           coalesce(w.payer_id, d.payer_id) AS payer_id,
           coalesce(w.program, d.program) AS program,
           coalesce(w.payer_role, d.payer_role) AS payer_role,
           coalesce(w.amount_rp, 0) - coalesce(d.amount_rp, 0) AS amount_rp,
           coalesce(w.basis, 'koreksi: tidak lagi ditagih / no longer billable') AS basis,
           coalesce(w.due_date, $14::date) AS due_date
    FROM wanted w
    FULL JOIN billed d ON d.participant_id = w.participant_id AND d.program = w.program
                      AND d.payer_role = w.payer_role AND d.payer_id = w.payer_id
    WHERE coalesce(w.amount_rp, 0) - coalesce(d.amount_rp, 0) <> 0`,
    [
      a.regencyCode,
      a.periodEnd,
      a.period,
      a.tariff.segment,
      a.tariff.wageRp,
      a.tariff.riskGroup,
      a.tariff.fundingSource,
      a.tariff.programs,
      a.tariff.program,
      a.tariff.payerRole,
      a.tariff.amountRp,
      a.tariff.basis,
      a.tariff.dueDate,
      a.tariff.dueDate[0] ?? a.periodEnd,
    ],
  );
}

/** What the run would issue: lines, participants, total; and whether the period was billed before. */
export async function billingDiffSummary(q: Queryable, regencyCode: string, period: string) {
  const r = await q.query<{ lines: number; participants: number; total: number; previous: number }>(
    `SELECT count(*)::int AS lines, count(DISTINCT participant_id)::int AS participants,
            coalesce(sum(amount_rp), 0)::bigint AS total,
            (SELECT count(*)::int FROM invoice WHERE regency_code = $1 AND period = $2) AS previous
     FROM billing_diff`,
    [regencyCode, period],
  );
  return r.rows[0]!;
}

/** Writes the run, one invoice per payer, its lines, and one balanced ledger entry per invoice. */
export async function issueInvoices(
  q: Queryable,
  a: {
    regencyCode: string;
    period: string;
    rulesVersion: string;
    kind: 'regular' | 'adjustment';
    actor: string;
    at: string;
  },
) {
  const run = await q.query<{ id: number }>(
    `INSERT INTO billing_run (regency_code, period, rules_version, kind, participants, lines, total_rp, actor, at)
     SELECT $1, $2, $3, $4, count(DISTINCT participant_id), count(*), coalesce(sum(amount_rp), 0), $5, $6 FROM billing_diff
     RETURNING id`,
    [a.regencyCode, a.period, a.rulesVersion, a.kind, a.actor, a.at],
  );
  const runId = run.rows[0]!.id;
  await q.query(
    `INSERT INTO invoice (number, payer_id, regency_code, period, billing_run_id, kind, issued_at, due_date, total_rp)
     SELECT 'INV/' || replace($1, '.', '') || '/' || $2 || '/' || lpad(nextval('invoice_serial')::text, 7, '0'),
            payer_id, $1, $2, $3, $4, $5, min(due_date), sum(amount_rp)
     FROM billing_diff GROUP BY payer_id ORDER BY payer_id`,
    [a.regencyCode, a.period, runId, a.kind, a.at],
  );
  await q.query(
    `INSERT INTO invoice_line (invoice_id, regency_code, participant_id, source_invoice_id, period, program, payer_role,
       kind, amount_rp, basis)
     SELECT i.id, $1, d.participant_id, d.source_invoice_id, $2, d.program, d.payer_role, coalesce(d.kind, $4),
            d.amount_rp, d.basis
     FROM billing_diff d JOIN invoice i ON i.billing_run_id = $3 AND i.payer_id = d.payer_id`,
    [a.regencyCode, a.period, runId, a.kind === 'regular' ? 'contribution' : 'adjustment'],
  );
  await q.query(
    `INSERT INTO ledger_entry (regency_code, kind, ref_id, at)
     SELECT $1, 'invoice', id, $2 FROM invoice WHERE billing_run_id = $3`,
    [a.regencyCode, a.at, runId],
  );
  // Receivable from the payer against contribution income per programme.
  await q.query(
    `INSERT INTO ledger_line (entry_id, account, payer_id, program, amount_rp)
     SELECT e.id, 'receivable', i.payer_id, NULL, i.total_rp
     FROM invoice i JOIN ledger_entry e ON e.kind = 'invoice' AND e.ref_id = i.id
     WHERE i.billing_run_id = $1 AND i.total_rp <> 0
     UNION ALL
     SELECT e.id, 'contribution_income', NULL, l.program, -sum(l.amount_rp)
     FROM invoice i JOIN ledger_entry e ON e.kind = 'invoice' AND e.ref_id = i.id
     JOIN invoice_line l ON l.invoice_id = i.id
     WHERE i.billing_run_id = $1
     GROUP BY e.id, l.program HAVING sum(l.amount_rp) <> 0`,
    [runId],
  );
  return runId;
}

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

export const SELECT_INVOICE = `SELECT i.id, i.number, i.payer_id AS "payerId", p.name AS "payerName", p.kind AS "payerKind",
  p.region_code AS "payerRegion", i.period, i.kind, i.issued_at AS "issuedAt", i.due_date AS "dueDate",
  i.total_rp AS "totalRp",
  coalesce((SELECT sum(a.amount_rp) FROM payment_allocation a WHERE a.invoice_id = i.id), 0)::bigint AS "paidRp",
  (SELECT count(*)::int FROM invoice_line l WHERE l.invoice_id = i.id) AS lines
  FROM invoice i JOIN payer p ON p.id = i.payer_id`;

export async function invoicesOfRun(q: Queryable, runId: number) {
  return (await q.query<InvoiceRow>(`${SELECT_INVOICE} WHERE i.billing_run_id = $1 ORDER BY i.id`, [runId]))
    .rows;
}

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
