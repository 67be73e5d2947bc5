import { monthCoverSql } from './month-cover.ts';
import type { Queryable } from './types.ts';

/**
 * coverage_month (temporary): each BPU participant's billed iuran months with their due date and
 * whether the invoices holding the participant's lines for that month pay it in full with money
 * received on or before asOf (monthCoverSql; months whose lines net to zero are left out): a month
 * whose payment was reversed is unpaid again until money covers it.
 */
async function coverageMonths(q: Queryable, regencyCode: string, asOf: string) {
  await q.query(
    `CREATE TEMP TABLE coverage_month ON COMMIT DROP AS
     WITH inv AS (
       SELECT i.id, i.kind, i.total_rp, i.due_date,
              coalesce(sum(x.amount_rp) FILTER (WHERE m.received_on <= $2::date), 0) AS paid_rp,
              max(m.received_on) FILTER (WHERE m.received_on <= $2::date AND x.amount_rp > 0) AS paid_on
       FROM invoice i
       LEFT JOIN payment_allocation x ON x.invoice_id = i.id
       LEFT JOIN payment m ON m.id = x.payment_id
       WHERE i.regency_code = $1 GROUP BY i.id),
     month AS (${monthCoverSql(
       `l.regency_code = $1 AND l.participant_id IN
          (SELECT id FROM participant WHERE segment = 'BPU' AND status IN ('active', 'lapsed'))`,
     )})
     SELECT mo.participant_id, mo.period, min(inv.due_date) AS due_date,
            bool_and(mo.paid) AS paid, max(inv.paid_on) AS paid_on
     FROM month mo
     JOIN inv ON inv.id = mo.invoice_id
     GROUP BY mo.participant_id, mo.period
     HAVING sum(mo.amount_rp) > 0`,
    [regencyCode, asOf],
  );
}

/**
 * coverage_change (temporary): the status changes due as of asOf, set-based.
 * Lapse: an active participant whose months of cover since its status date, due before asOf, have
 * more than maxMonths unpaid in a row after the last paid one; effective the day after the due
 * date of month maxMonths + 1 (the first day statusBpu answers 'berakhir'). A month of cover is
 * unpaid whether it was billed or not (regulations.md §2.3: "> 3 consecutive months unpaid →
 * status berakhir", Perdir 22/PERDIR.02/072022): a month never billed, whose due date (`dues`,
 * computed by the rules) fell on or after the status date, counts as unpaid.
 * Resume: a lapsed participant whose last maxMonths billed months before the lapse month (the
 * arrears still payable) are all paid; effective when the last of that money arrived.
 */
export async function computeCoverageChanges(
  q: Queryable,
  a: {
    regencyCode: string;
    asOf: string;
    maxMonths: number;
    lapseReason: string;
    resumeReason: string;
    dues: { period: string[]; dueDate: string[] };
  },
) {
  await coverageMonths(q, a.regencyCode, a.asOf);
  await q.query(
    `CREATE TEMP TABLE coverage_change ON COMMIT DROP AS
     WITH considered AS (
       SELECT m.participant_id, m.period, m.due_date, m.paid
       FROM coverage_month m JOIN participant pa ON pa.id = m.participant_id
       WHERE pa.regency_code = $1 AND pa.status = 'active'
         AND m.period >= to_char(pa.status_since, 'YYYY-MM') AND m.due_date < $2::date
       UNION ALL
       SELECT pa.id, d.period, d.due_date, false
       FROM participant pa CROSS JOIN unnest($6::text[], $7::date[]) AS d (period, due_date)
       WHERE pa.regency_code = $1 AND pa.segment = 'BPU' AND pa.status = 'active'
         AND d.due_date >= pa.status_since AND d.due_date < $2::date
         AND NOT EXISTS (SELECT 1 FROM coverage_month m WHERE m.participant_id = pa.id AND m.period = d.period)),
     last_paid AS (
       SELECT participant_id, max(period) FILTER (WHERE paid) AS period FROM considered GROUP BY participant_id),
     run AS (
       SELECT c.participant_id, c.period, c.due_date,
              row_number() OVER (PARTITION BY c.participant_id ORDER BY c.period) AS n
       FROM considered c JOIN last_paid lp ON lp.participant_id = c.participant_id
       WHERE NOT c.paid AND (lp.period IS NULL OR c.period > lp.period)),
     lapsed AS (
       SELECT pa.id, pa.status_since,
              (SELECT max(s.effective_date) FROM participant_status s
               WHERE s.participant_id = pa.id AND s.status = 'active' AND s.effective_date <= pa.status_since) AS active_since
       FROM participant pa
       WHERE pa.regency_code = $1 AND pa.segment = 'BPU' AND pa.status = 'lapsed'
         -- A member paying by personal code restarts with a payment (services/bpu/pay-bpu.ts): the
         -- months never billed to them are not arrears this check could see paid (0028).
         AND NOT EXISTS (SELECT 1 FROM bpu_registration b WHERE b.participant_id = pa.id AND b.collection = 'personal')
         -- Not while another active membership holds the same programme (migration 0019).
         AND NOT EXISTS (SELECT 1 FROM participant o
                         WHERE o.person_id = pa.person_id AND o.status = 'active' AND o.id <> pa.id
                           AND NOT membership_may_hold_both(o.segment, o.programs, pa.segment, pa.programs))),
     arrears AS (
       SELECT m.participant_id, m.paid, m.paid_on, l.status_since,
              row_number() OVER (PARTITION BY m.participant_id ORDER BY m.period DESC) AS k
       FROM coverage_month m JOIN lapsed l ON l.id = m.participant_id
       WHERE m.period < to_char(l.status_since, 'YYYY-MM')
         AND m.period >= to_char(coalesce(l.active_since, l.status_since), 'YYYY-MM'))
     SELECT participant_id, 'active'::text AS before_status, 'lapsed'::text AS status,
            (due_date + 1) AS effective_date, $4 || ' [' || period || ']' AS reason
     FROM run WHERE n = $3::int + 1
     UNION ALL
     SELECT participant_id, 'lapsed', 'active', greatest(max(status_since), max(paid_on)), $5
     FROM arrears WHERE k <= $3::int GROUP BY participant_id HAVING bool_and(paid)`,
    [a.regencyCode, a.asOf, a.maxMonths, a.lapseReason, a.resumeReason, a.dues.period, a.dues.dueDate],
  );
}

/** The earliest status date of the regency's active BPU participants (where months of cover start), or null. */
export async function earliestActiveBpuSince(q: Queryable, regencyCode: string): Promise<string | null> {
  const r = await q.query<{ since: string | null }>(
    `SELECT min(status_since) AS since FROM participant
     WHERE regency_code = $1 AND segment = 'BPU' AND status = 'active'`,
    [regencyCode],
  );
  return r.rows[0]?.since ?? null;
}

/** Writes coverage_change: status history rows, the participants' current status, one audit row each. */
export async function applyCoverageChanges(
  q: Queryable,
  a: { regencyCode: string; actor: string; at: string },
) {
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT participant_id, $1, status, effective_date, reason, $2, $3 FROM coverage_change ORDER BY participant_id`,
    [a.regencyCode, a.actor, a.at],
  );
  await q.query(
    `UPDATE participant pa SET status = c.status, status_since = c.effective_date
     FROM coverage_change c WHERE pa.id = c.participant_id`,
  );
  await q.query(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, region_code, before, after)
     SELECT $2, $1, CASE c.status WHEN 'lapsed' THEN 'coverage.lapse' ELSE 'coverage.resume' END, 'participant',
            c.participant_id::text, pa.region_code, jsonb_build_object('status', c.before_status),
            jsonb_build_object('status', c.status, 'effectiveDate', c.effective_date, 'reason', c.reason)
     FROM coverage_change c JOIN participant pa ON pa.id = c.participant_id ORDER BY c.participant_id`,
    [a.actor, a.at],
  );
  const r = await q.query<{ lapsed: number; resumed: number }>(
    `SELECT count(*) FILTER (WHERE status = 'lapsed')::int AS lapsed, count(*) FILTER (WHERE status = 'active')::int AS resumed
     FROM coverage_change`,
  );
  return r.rows[0]!;
}

/** Covered date ranges from the status history: each run of 'active' up to the day before the next other status. */
export async function coverageRanges(q: Queryable, participantId: number) {
  const r = await q.query<{ from: string; to: string | null }>(
    `WITH h AS (
       SELECT status, effective_date, lead(effective_date) OVER w AS next_date,
              sum(CASE WHEN status = 'active' THEN 0 ELSE 1 END) OVER w AS grp
       FROM participant_status WHERE participant_id = $1
       WINDOW w AS (ORDER BY effective_date, id))
     SELECT min(effective_date) AS "from",
            CASE WHEN bool_or(next_date IS NULL) THEN NULL ELSE max(next_date) - 1 END AS "to"
     FROM h WHERE status = 'active' GROUP BY grp ORDER BY 1`,
    [participantId],
  );
  return r.rows.filter((p) => p.to === null || p.to >= p.from);
}
