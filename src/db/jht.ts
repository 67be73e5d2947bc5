// The JHT account of each participant: an append-only ledger of entries (opening balance,
// contributions, returns, withdrawals and their reversals), read as a balance or a year.
import type { Queryable } from './types.ts';

/** The balance on a day: the sum of the entries dated on or before it. */
export async function jhtBalanceOn(q: Queryable, participantId: number, asOf: string) {
  const r = await q.query<{ balanceRp: number; entries: number; lastEntryOn: string | null }>(
    `SELECT coalesce(sum(amount_rp), 0)::bigint AS "balanceRp", count(*)::int AS entries,
            max(effective_date) AS "lastEntryOn"
     FROM jht_entry WHERE participant_id = $1 AND effective_date <= $2::date`,
    [participantId, asOf],
  );
  return r.rows[0]!;
}

export interface JhtStatementEntry {
  id: number;
  kind: 'opening' | 'contribution' | 'return' | 'withdrawal' | 'withdrawal_reversal';
  amountRp: number;
  effectiveDate: string;
  period: string | null;
  invoiceId: number | null;
  claimId: number | null;
  payoutId: number | null;
  rateBp: number | null;
  source: string | null;
}

/** The year's totals: carried in (entries of earlier years), and what came in and went out by kind. */
export async function jhtYearTotals(q: Queryable, participantId: number, year: number) {
  const r = await q.query<{
    openingRp: number;
    carriedOverRp: number;
    contributionsRp: number;
    returnsRp: number;
    withdrawalsRp: number;
  }>(
    `SELECT coalesce(sum(amount_rp) FILTER (WHERE year < $2), 0)::bigint AS "openingRp",
            coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'opening'), 0)::bigint AS "carriedOverRp",
            coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'contribution'), 0)::bigint AS "contributionsRp",
            coalesce(sum(amount_rp) FILTER (WHERE year = $2 AND kind = 'return'), 0)::bigint AS "returnsRp",
            coalesce(-sum(amount_rp) FILTER (WHERE year = $2 AND kind IN ('withdrawal', 'withdrawal_reversal')), 0)::bigint
              AS "withdrawalsRp"
     FROM jht_entry WHERE participant_id = $1 AND year <= $2`,
    [participantId, year],
  );
  return r.rows[0]!;
}

export async function jhtYearEntries(q: Queryable, participantId: number, year: number) {
  const r = await q.query<JhtStatementEntry>(
    `SELECT id, kind, amount_rp AS "amountRp", effective_date AS "effectiveDate", period, invoice_id AS "invoiceId",
            claim_id AS "claimId", payout_id AS "payoutId", rate_bp AS "rateBp", source
     FROM jht_entry WHERE participant_id = $1 AND year = $2 ORDER BY effective_date, id`,
    [participantId, year],
  );
  return r.rows;
}

/** The balance carried over from the previous system (once per account: a unique index); its entry id. */
export async function insertOpeningBalance(
  q: Queryable,
  e: {
    participantId: number;
    regencyCode: string;
    amountRp: number;
    asOf: string;
    source: string;
    actor: string;
    at: string;
  },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, source, actor, at)
     VALUES ($1, $2, 'opening', $3, $4, extract(year FROM $4::date)::int, $5, $6, $7) RETURNING id`,
    [e.participantId, e.regencyCode, e.amountRp, e.asOf, e.source, e.actor, e.at],
  );
  return r.rows[0]!.id;
}

/**
 * The invoices of `from` (a relation of id, issued_at, total_rp) that are paid in full, each with
 * its settled_on: the day the last money allocated to it was received (an invoice of Rp 0: its
 * issue day, in the office's zone). A JHT share counts from that day, in the credit run and in a
 * participant's balance alike.
 */
const settledInvoices = (from: string) => `
  SELECT i.id, coalesce(max(pm.received_on), (i.issued_at AT TIME ZONE 'Asia/Makassar')::date) AS settled_on
  FROM ${from} i
  LEFT JOIN payment_allocation a ON a.invoice_id = i.id
  LEFT JOIN payment pm ON pm.id = a.payment_id AND pm.amount_rp > 0
  GROUP BY i.id, i.issued_at, i.total_rp
  HAVING coalesce(sum(a.amount_rp), 0) >= i.total_rp`;

/**
 * Credits the JHT lines of the regency's settled invoices (period upTo and earlier, or all) not
 * yet credited, dated when the money that settled the invoice was received; what it credited.
 */
export async function creditPaidContributions(
  q: Queryable,
  a: { regencyCode: string; upTo: string | null; actor: string; at: string },
) {
  const r = await q.query<{ n: number; amountRp: number; participants: number }>(
    // Invoices with a contribution entry are done (one statement credits all of an invoice's JHT
    // lines, which never change): only the rest are summed, so a month's credit does not grow
    // with the years of invoices behind it (0030).
    `WITH pending AS MATERIALIZED (
         SELECT i.id, i.total_rp, i.issued_at, i.period, i.billing_run_id
         FROM invoice i
         WHERE i.regency_code = $1 AND ($2::text IS NULL OR i.period <= $2)
           AND NOT EXISTS (SELECT 1 FROM jht_entry e WHERE e.invoice_id = i.id AND e.kind = 'contribution')),
       -- A pending invoice's JHT lines, looked up by invoice in the regency's partitions. As a join,
       -- the planner read every month's lines instead (4 s a month by the demo's fourth year);
       -- OFFSET 0 keeps the lookup per invoice. An invoice without JHT lines (a village's JKK and
       -- JKM) stays pending for good, so the lookups grow with the months: a run's invoice is read
       -- in its period's partition only (a run writes every line of its invoices with the run's
       -- period), any other invoice (a project's, a PMI's or a BPU member's premium, whose lines
       -- may be of several months) in all of them.
       lines AS MATERIALIZED (
         SELECT l.* FROM pending p CROSS JOIN LATERAL (
           SELECT l.id, l.invoice_id, l.participant_id, l.regency_code, l.amount_rp, l.period
           FROM invoice_line l
           WHERE p.billing_run_id IS NOT NULL AND l.period = p.period
             AND l.invoice_id = p.id AND l.regency_code = $1 AND l.program = 'JHT'
             AND l.participant_id IS NOT NULL AND l.amount_rp <> 0
           UNION ALL
           SELECT l.id, l.invoice_id, l.participant_id, l.regency_code, l.amount_rp, l.period
           FROM invoice_line l
           WHERE p.billing_run_id IS NULL
             AND l.invoice_id = p.id AND l.regency_code = $1 AND l.program = 'JHT'
             AND l.participant_id IS NOT NULL AND l.amount_rp <> 0
           OFFSET 0) l),
       settled AS (${settledInvoices('(SELECT * FROM pending WHERE id IN (SELECT invoice_id FROM lines))')}),
       credited AS (
         INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, period,
                                invoice_id, invoice_line_id, actor, at)
         SELECT l.participant_id, l.regency_code, 'contribution', l.amount_rp, s.settled_on,
                extract(year FROM s.settled_on)::int, l.period, l.invoice_id, l.id, $3, $4
         FROM settled s JOIN lines l ON l.invoice_id = s.id
         -- A line credited before is skipped by jht_entry_one_per_line (unique per line). A NOT EXISTS
         -- here was hashed over every contribution ever credited: 1.5 M entries by the demo's last
         -- month, 3.0 s of a 32,000-line credit that takes 1.2 s without it.
         ON CONFLICT DO NOTHING
         RETURNING participant_id, amount_rp)
       SELECT count(*)::int AS n, coalesce(sum(amount_rp), 0)::bigint AS "amountRp",
              count(DISTINCT participant_id)::int AS participants
       FROM credited`,
    [a.regencyCode, a.upTo, a.actor, a.at],
  );
  return r.rows[0]!;
}

// JHT money leaving (and coming back to) the account follows the bank: a withdrawal when the
// bank reports the payout paid, a reversal when it reports the money returned.

/** One withdrawal per paid JHT payout among payoutIds (dated its paid_on); idempotent. */
export async function recordJhtWithdrawals(
  q: Queryable,
  payoutIds: readonly number[],
  actor: string,
  at: string,
) {
  await q.query(
    `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, claim_id, payout_id, actor, at)
     SELECT c.participant_id, p.regency_code, 'withdrawal', -p.amount_rp, p.paid_on, extract(year FROM p.paid_on)::int,
            p.claim_id, p.id, $2, $3
     FROM payout p JOIN claim c ON c.id = p.claim_id
     WHERE p.id = ANY($1::bigint[]) AND p.program = 'JHT' AND p.status = 'paid'
     ON CONFLICT DO NOTHING`,
    [payoutIds, actor, at],
  );
}

/** Puts back what a returned JHT payout had withdrawn (dated its returned_on); idempotent. */
export async function recordJhtWithdrawalReversals(
  q: Queryable,
  payoutIds: readonly number[],
  actor: string,
  at: string,
) {
  await q.query(
    `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, claim_id, payout_id, actor, at)
     SELECT w.participant_id, w.regency_code, 'withdrawal_reversal', -w.amount_rp, p.returned_on,
            extract(year FROM p.returned_on)::int, w.claim_id, p.id, $2, $3
     FROM payout p JOIN jht_entry w ON w.payout_id = p.id AND w.kind = 'withdrawal'
     WHERE p.id = ANY($1::bigint[]) AND p.status = 'returned'
     ON CONFLICT DO NOTHING`,
    [payoutIds, actor, at],
  );
}

/**
 * The participant's JHT shares already received (their invoice settled on or before asOf, dated
 * as creditPaidContributions dates them) but not yet credited to the account by the branch's
 * credit run: money that counts from the day it was received, still waiting for the bookkeeping.
 */
export async function jhtReceivedNotCredited(q: Queryable, participantId: number, asOf: string) {
  const r = await q.query<{ amountRp: number; lastOn: string | null }>(
    `WITH mine AS (
         SELECT l.id, l.invoice_id, l.amount_rp FROM invoice_line l
         WHERE l.participant_id = $1 AND l.program = 'JHT' AND l.amount_rp <> 0
           AND NOT EXISTS (SELECT 1 FROM jht_entry e WHERE e.invoice_line_id = l.id AND e.kind = 'contribution')),
       settled AS (${settledInvoices('(SELECT id, issued_at, total_rp FROM invoice WHERE id IN (SELECT invoice_id FROM mine))')})
     SELECT coalesce(sum(m.amount_rp), 0)::bigint AS "amountRp", max(s.settled_on)::text AS "lastOn"
     FROM mine m JOIN settled s ON s.id = m.invoice_id WHERE s.settled_on <= $2::date`,
    [participantId, asOf],
  );
  return r.rows[0]!;
}
