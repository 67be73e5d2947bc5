// Which iuran months an invoice's money pays: shared by the BPU registration (its paid and owed
// months) and the coverage update (lapse after more than 3 unpaid months), so both read a reversed
// or partly re-paid month the same way.

/**
 * SQL selecting, per invoice, participant and iuran month: the month's amount (`amount_rp`), the part
 * of it paid (`covered_rp`) and whether it is paid in full (`paid`), from a CTE `inv` (id, kind,
 * total_rp, paid_rp) and the contribution and adjustment lines matching `lineFilter` (alias l).
 * Money on a BPU self-payment invoice (kind 'bpu', one member's lines) pays its months oldest first,
 * so a payment re-covering part of a reversed invoice pays whole months of it; on any other invoice
 * a month is paid only when the whole invoice is.
 */
export function monthCoverSql(lineFilter: string): string {
  return `SELECT m.invoice_id, m.participant_id, m.period, m.amount_rp,
            CASE WHEN inv.kind = 'bpu' THEN greatest(0, least(m.amount_rp, inv.paid_rp - m.through_rp + m.amount_rp))
                 WHEN inv.paid_rp >= inv.total_rp THEN m.amount_rp ELSE 0 END AS covered_rp,
            CASE WHEN inv.kind = 'bpu' THEN inv.paid_rp >= m.through_rp ELSE inv.paid_rp >= inv.total_rp END AS paid
     FROM (SELECT l.invoice_id, l.participant_id, l.period, sum(l.amount_rp) AS amount_rp,
                  sum(sum(l.amount_rp)) OVER (PARTITION BY l.invoice_id ORDER BY l.period, l.participant_id) AS through_rp
           FROM invoice_line l
           WHERE l.kind IN ('contribution', 'adjustment') AND ${lineFilter}
           GROUP BY l.invoice_id, l.participant_id, l.period) m
     JOIN inv ON inv.id = m.invoice_id`;
}
