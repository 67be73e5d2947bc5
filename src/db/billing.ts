import { INVOICE_NUMBER, takeInvoiceSerials } from './invoice-numbers.ts';
import { postBalancedEntries } from './ledger.ts';
import { attachRegencyLines, beginRegencyLines, ensureRegencyPartitions } from './partitions.ts';
import type { Queryable } from './types.ts';

/**
 * A contribution input as one text, so that billable rows meet their tariff lines on one column:
 * with five join columns PostgreSQL multiplies their selectivities, expects a handful of rows and
 * then joins every line to every invoice in a nested loop.
 */
const TARIFF_KEY = `concat_ws('|', segment, wage_rp, risk_group, funding_source, programs)`;
const keyMatch = (b: string) => `t.key = ${b}.key`;

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
 * Whether the regency was billed for the period before: the first run issues regular invoices.
 * A construction project's premium invoice (0024) is not a run's and does not count.
 */
async function billedBefore(q: Queryable, regencyCode: string, period: string) {
  const r = await q.query<{ n: number }>(
    // Invoices of earlier runs only: a project's or a PMI's premium (0024, 0026) is no run's.
    'SELECT count(*)::int AS n FROM invoice WHERE regency_code = $1 AND period = $2 AND billing_run_id IS NOT NULL',
    [regencyCode, period],
  );
  return r.rows[0]!.n;
}

/**
 * The contribution lines the billable participants should get (billing_billable × billing_tariff);
 * written out per line only into invoice_line itself.
 */
const WANTED = `SELECT b.id AS participant_id, b.payer_id, t.program, t.payer_role, t.amount_rp, t.basis, t.due_date
  FROM billing_billable b JOIN billing_tariff t ON ${keyMatch('b')}`;

/**
 * Prepares what the run issues. billing_diff (a temporary table) holds the lines to issue beyond
 * the wanted contributions: on the first run of a period it starts empty (late fees are added to
 * it) and the contribution lines are read straight from billing_billable × billing_tariff when
 * the invoices are written; on a re-run it holds, per participant × programme, what should be
 * billed minus what was already billed (new participants, corrections, participants no longer
 * billable). billableTariffKeys must have run in the same transaction.
 */
export async function computeBillingDiff(
  q: Queryable,
  a: { regencyCode: string; period: string; periodEnd: string; tariff: TariffLines },
) {
  await q.query(
    `CREATE TEMP TABLE billing_tariff ON COMMIT DROP AS
     SELECT *, ${TARIFF_KEY} AS key FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::bigint[], $9::text[], $10::date[])
       AS t (segment, wage_rp, risk_group, funding_source, programs, program, payer_role, amount_rp, basis, due_date)`,
    [
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
    ],
  );
  // Statistics, so that the lines are written in participant order (a hash join on the tariff,
  // not a sort by tariff key), which keeps invoice_line_participant_idx's inserts sequential.
  await q.query('ANALYZE billing_billable, billing_tariff');
  if ((await billedBefore(q, a.regencyCode, a.period)) === 0) {
    await q.query(
      `CREATE TEMP TABLE billing_diff (participant_id bigint, source_invoice_id bigint, kind text, payer_id bigint,
         program text, payer_role text, amount_rp bigint, basis text, due_date date) ON COMMIT DROP`,
    );
    return;
  }
  // What was billed is found through the period's invoices (invoice_period_idx, then the lines by
  // invoice). A run's lines all carry its period, so only that month's partition is read (0029).
  await q.query(
    `CREATE TEMP TABLE billing_diff ON COMMIT DROP AS
    WITH wanted AS (${WANTED}),
    billed AS (
      SELECT l.participant_id, i.payer_id, l.program, l.payer_role, sum(l.amount_rp) AS amount_rp
      FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id AND l.period = $2
      WHERE i.regency_code = $1 AND i.period = $2 AND i.billing_run_id IS NOT NULL AND l.kind IN ('contribution', 'adjustment')
      GROUP BY l.participant_id, i.payer_id, l.program, l.payer_role)
    SELECT coalesce(w.participant_id, d.participant_id) AS participant_id, NULL::bigint AS source_invoice_id,
           NULL::text AS kind,
           coalesce(w.payer_id, d.payer_id) AS payer_id,
           coalesce(w.program, d.program) AS program,
           coalesce(w.payer_role, d.payer_role) AS payer_role,
           coalesce(w.amount_rp, 0) - coalesce(d.amount_rp, 0) AS amount_rp,
           coalesce(w.basis, 'koreksi: tidak lagi ditagih / no longer billable') AS basis,
           coalesce(w.due_date, $3::date) AS due_date
    FROM wanted w
    FULL JOIN billed d ON d.participant_id = w.participant_id AND d.program = w.program
                      AND d.payer_role = w.payer_role AND d.payer_id = w.payer_id
    WHERE coalesce(w.amount_rp, 0) - coalesce(d.amount_rp, 0) <> 0`,
    [a.regencyCode, a.period, a.tariff.dueDate[0] ?? a.periodEnd],
  );
}

/**
 * Fills billing_sum (per payer × programme: lines, amount, earliest due date) from billing_diff and,
 * on a first run, from billing_group × billing_tariff; returns what the run would issue.
 */
export async function billingDiffSummary(q: Queryable, regencyCode: string, period: string) {
  const previous = await billedBefore(q, regencyCode, period);
  const wanted =
    previous === 0
      ? `SELECT g.payer_id, t.program, sum(g.n)::bigint, sum(g.n * t.amount_rp)::bigint, min(t.due_date)
         FROM billing_group g JOIN billing_tariff t ON ${keyMatch('g')}
         GROUP BY g.payer_id, t.program
         UNION ALL`
      : '';
  await q.query(
    `CREATE TEMP TABLE billing_sum (payer_id, program, lines, amount_rp, due_date) ON COMMIT DROP AS
     ${wanted}
     SELECT payer_id, program, count(*)::bigint, sum(amount_rp)::bigint, min(due_date)
     FROM billing_diff GROUP BY payer_id, program`,
  );
  // A participant is billed on a first run when their key has a tariff line; a re-run counts the diff.
  const participants =
    previous === 0
      ? `(SELECT coalesce(sum(g.n), 0)::int FROM billing_group g
          WHERE EXISTS (SELECT 1 FROM billing_tariff t WHERE ${keyMatch('g')}))`
      : '(SELECT count(DISTINCT participant_id)::int FROM billing_diff)';
  const r = await q.query<{ lines: number; participants: number; total: number; previous: number }>(
    `SELECT coalesce(sum(lines), 0)::int AS lines, ${participants} AS participants,
            coalesce(sum(amount_rp), 0)::bigint AS total, $1::int AS previous
     FROM billing_sum`,
    [previous],
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
    /** From billingDiffSummary. */
    participants: number;
  },
) {
  const run = await q.query<{ id: number }>(
    `INSERT INTO billing_run (regency_code, period, rules_version, kind, participants, lines, total_rp, actor, at)
     SELECT $1, $2, $3, $4, $7, coalesce(sum(lines), 0), coalesce(sum(amount_rp), 0), $5, $6 FROM billing_sum
     RETURNING id`,
    [a.regencyCode, a.period, a.rulesVersion, a.kind, a.actor, a.at, a.participants],
  );
  const runId = run.rows[0]!.id;
  const payers = await q.query<{ n: number }>('SELECT count(DISTINCT payer_id)::int AS n FROM billing_sum');
  const first = await takeInvoiceSerials(q, a.regencyCode, payers.rows[0]!.n);
  await q.query(
    `INSERT INTO invoice (number, payer_id, regency_code, period, billing_run_id, kind, issued_at, due_date, total_rp)
     SELECT ${INVOICE_NUMBER('$1', '$2', 'serial')}, payer_id, $1, $2, $3, $4, $5, due_date, total_rp
     FROM (SELECT payer_id, min(due_date) AS due_date, sum(amount_rp) AS total_rp,
                  $6::bigint + row_number() OVER (ORDER BY payer_id) AS serial
           FROM billing_sum GROUP BY payer_id ORDER BY payer_id) s`,
    [a.regencyCode, a.period, runId, a.kind, a.at, first],
  );
  // A first run (kind regular) writes the wanted contributions straight from the billable set.
  const wanted =
    a.kind === 'regular'
      ? `SELECT w.participant_id, NULL::bigint, w.payer_id, w.program, w.payer_role, 'contribution', w.amount_rp, w.basis
         FROM (${WANTED}) w
         UNION ALL`
      : '';
  // A first run of the regency's month loads its lines into a table of their own and attaches it
  // after, so the indexes are built once instead of entry by entry (0031); else through the parent.
  const leaf = a.kind === 'regular' ? await beginRegencyLines(q, a.period, a.regencyCode) : null;
  if (!leaf) await ensureRegencyPartitions(q, [a.period], a.regencyCode);
  const [into, id] = leaf ? [`"${leaf}"`, `nextval('invoice_line_id_seq'), `] : ['invoice_line', ''];
  await q.query(
    `INSERT INTO ${into} (${leaf ? 'id, ' : ''}invoice_id, regency_code, participant_id, source_invoice_id, period,
       program, payer_role, kind, amount_rp, basis)
     SELECT ${id}i.id, $1, d.participant_id, d.source_invoice_id, $2, d.program, d.payer_role, d.kind, d.amount_rp, d.basis
     FROM (${wanted}
           SELECT participant_id, source_invoice_id, payer_id, program, payer_role, coalesce(kind, $4), amount_rp, basis
           FROM billing_diff) AS d (participant_id, source_invoice_id, payer_id, program, payer_role, kind, amount_rp, basis)
     JOIN invoice i ON i.billing_run_id = $3 AND i.payer_id = d.payer_id`,
    [a.regencyCode, a.period, runId, a.kind === 'regular' ? 'contribution' : 'adjustment'],
  );
  if (leaf) await attachRegencyLines(q, a.period, a.regencyCode);
  // One entry per invoice: contribution income per programme (from billing_sum, whose amounts are
  // exactly the lines just written), balanced by the receivable from the payer.
  await postBalancedEntries(q, {
    kind: 'invoice',
    at: a.at,
    balancingAccount: 'receivable',
    source: {
      entries: `SELECT $1::text AS regency_code, id AS ref_id, payer_id, NULL::text AS program
                FROM invoice WHERE billing_run_id = $2`,
      lines: `SELECT i.id AS ref_id, 'contribution_income'::text AS account, NULL::bigint AS payer_id, s.program,
                     -sum(s.amount_rp) AS amount_rp
              FROM invoice i JOIN billing_sum s ON s.payer_id = i.payer_id
              WHERE i.billing_run_id = $2
              GROUP BY i.id, s.program HAVING sum(s.amount_rp) <> 0`,
      params: [a.regencyCode, runId],
    },
  });
  return runId;
}
