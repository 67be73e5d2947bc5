// Claims and payouts as the reports count them (CONTRACTS.md): a claim is paid when it has a
// payout with status 'paid'; the paid date is payout.paid_on and the amount payout.amount_rp.
import { AUTOMATIC_REJECTION } from './claim-intake.ts';
import type { Queryable } from './types.ts';

export const CLAIM_PROGRAMS = ['JHT', 'JKM', 'JKK', 'JP', 'JKP'] as const;
export type ClaimProgram = (typeof CLAIM_PROGRAMS)[number];

/** Paid claims of a regency by programme with paid_on in [from, to]. */
export async function paidByProgram(q: Queryable, a: { regencyCode: string; from: string; to: string }) {
  const r = await q.query<{ program: string; count: number; amountRp: number }>(
    paidByProgramSql({ regency: '$1', from: '$2::date', to: '$3::date', schema: '' }),
    [a.regencyCode, a.from, a.to],
  );
  return r.rows;
}

/**
 * The query of paidByProgram over any source, as SQL expressions: this database's payouts with bind
 * parameters, or a federated member's (db/federation.ts), so both count a paid claim alike.
 */
export function paidByProgramSql(s: { regency: string; from: string; to: string; schema: string }): string {
  return `SELECT program, count(*)::int AS count, sum(amount_rp)::bigint AS "amountRp"
     FROM ${s.schema}payout WHERE regency_code = ${s.regency} AND status = 'paid' AND paid_on BETWEEN ${s.from} AND ${s.to}
     GROUP BY program`;
}

/** Paid claims of a regency by month of paid_on and programme in a year. */
export async function paidByMonth(q: Queryable, a: { regencyCode: string; year: number }) {
  const r = await q.query<{ period: string; program: string; count: number; amountRp: number }>(
    `SELECT to_char(paid_on, 'YYYY-MM') AS period, program, count(*)::int AS count, sum(amount_rp)::bigint AS "amountRp"
     FROM payout
     WHERE regency_code = $1 AND status = 'paid' AND paid_on BETWEEN make_date($2::int, 1, 1) AND make_date($2::int, 12, 31)
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [a.regencyCode, a.year],
  );
  return r.rows;
}

/**
 * Service level: decisions (approve or reject, appeals included) taken in the year, and how many by
 * the claim's SLA due time; overdue = claims still waiting for a decision past their due time at `now`.
 * A refusal by the rules themselves (at intake, or when the maker submits: AUTOMATIC_REJECTION) is
 * no decision a person took in time or late: it stays out of decided and withinSla and is counted
 * apart as automaticRefusals (issue 15, 7). One query, one subselect per figure.
 */
export async function slaOfYear(q: Queryable, a: { regencyCode: string; year: number; now: string }) {
  const inYear = `e.regency_code = $1 AND e.action IN ('approve', 'reject')
          AND e.at >= make_timestamptz($2::int, 1, 1, 0, 0, 0, 'Asia/Makassar')
          AND e.at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, 'Asia/Makassar')
          -- The year's months of claim_event (0036): the other partitions are not read.
          AND e.period BETWEEN $2::int || '-01' AND $2::int || '-12'`;
  const r = await q.query<{
    decided: number;
    withinSla: number;
    overdueOpen: number;
    automaticRefusals: number;
  }>(
    `SELECT
       (SELECT count(*) FROM claim_event e WHERE ${inYear} AND NOT (${AUTOMATIC_REJECTION}))::int AS decided,
       (SELECT count(*) FROM claim_event e JOIN claim c ON c.id = e.claim_id
        WHERE ${inYear} AND NOT (${AUTOMATIC_REJECTION})
          AND c.sla_due_at IS NOT NULL AND e.at <= c.sla_due_at)::int AS "withinSla",
       (SELECT count(*) FROM claim c WHERE c.regency_code = $1 AND c.status IN ('filed', 'submitted', 'appealed')
          AND c.sla_due_at < $3::timestamptz)::int AS "overdueOpen",
       (SELECT count(*) FROM claim_event e WHERE ${inYear} AND ${AUTOMATIC_REJECTION})::int AS "automaticRefusals"`,
    [a.regencyCode, a.year, a.now],
  );
  return r.rows[0]!;
}

export interface PayoutBatchRow {
  id: number;
  number: string;
  status: string;
  count: number;
  totalRp: number;
  createdAt: string;
}

/** Payout batches of a regency created in the year (WITA), newest first. */
export async function payoutBatchesOfYear(q: Queryable, a: { regencyCode: string; year: number }) {
  const r = await q.query<PayoutBatchRow>(
    `SELECT id, number, status, count, total_rp AS "totalRp", created_at AS "createdAt"
     FROM payout_batch
     WHERE regency_code = $1 AND created_at >= make_timestamptz($2::int, 1, 1, 0, 0, 0, 'Asia/Makassar')
       AND created_at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, 'Asia/Makassar')
     ORDER BY created_at DESC, id DESC`,
    [a.regencyCode, a.year],
  );
  return r.rows;
}
