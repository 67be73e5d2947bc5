import { recordAudit } from '../../db/audit.ts';
import { AppError } from '../../errors.ts';
import { isValidPeriod } from '../../rules/calendar.ts';
import type { Actor, Deps } from '../actor.ts';
import { regencyInScope } from '../payouts/batch-queries.ts';

export interface CreditInput {
  regencyCode: string;
  /** Only invoices of this period (YYYY-MM) and earlier; all periods when omitted. */
  upTo?: string;
}

/**
 * Credits JHT accounts from paid contributions, set-based: every JHT line (employer and worker
 * share, adjustments included) of an invoice whose allocated payments reach its total, not yet
 * credited, becomes one contribution entry dated the day the money that settled the invoice was
 * received (the latest payment allocated to it). Running
 * it again credits only what was paid since (one entry per invoice line, by a unique index).
 */
export async function creditJhtContributions(deps: Deps, actor: Actor, input: CreditInput) {
  if (!actor.permissions.includes('jht.manage')) throw new AppError('FORBIDDEN');
  if (input.upTo !== undefined && !isValidPeriod(input.upTo))
    throw new AppError('VALIDATION_FAILED', { detail: 'upTo: YYYY-MM' });
  if (!(await regencyInScope(deps.db, input.regencyCode, actor.regionScopes)))
    throw new AppError('REGION_NOT_FOUND', { code: input.regencyCode });
  return deps.db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('jht:' || $1))`, [input.regencyCode]);
    const at = deps.clock.now();
    const r = await tx.query<{ n: number; amountRp: number; participants: number }>(
      `WITH settled AS (
         SELECT i.id,
                coalesce(max(pm.received_on), (i.issued_at AT TIME ZONE 'Asia/Makassar')::date) AS settled_on
         FROM invoice i
         LEFT JOIN payment_allocation a ON a.invoice_id = i.id
         LEFT JOIN payment pm ON pm.id = a.payment_id AND pm.amount_rp > 0
         WHERE i.regency_code = $1 AND ($2::text IS NULL OR i.period <= $2)
           AND EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id AND l.program = 'JHT')
         GROUP BY i.id
         HAVING coalesce(sum(a.amount_rp), 0) >= i.total_rp),
       credited AS (
         INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, period,
                                invoice_id, invoice_line_id, actor, at)
         SELECT l.participant_id, l.regency_code, 'contribution', l.amount_rp, s.settled_on,
                extract(year FROM s.settled_on)::int, l.period, l.invoice_id, l.id, $3, $4
         FROM settled s JOIN invoice_line l ON l.invoice_id = s.id
         WHERE l.program = 'JHT' AND l.participant_id IS NOT NULL AND l.amount_rp <> 0
           AND NOT EXISTS (SELECT 1 FROM jht_entry e WHERE e.invoice_line_id = l.id AND e.kind = 'contribution')
         ON CONFLICT DO NOTHING
         RETURNING participant_id, amount_rp)
       SELECT count(*)::int AS n, coalesce(sum(amount_rp), 0)::bigint AS "amountRp",
              count(DISTINCT participant_id)::int AS participants
       FROM credited`,
      [input.regencyCode, input.upTo ?? null, actor.username, at],
    );
    const result = {
      entries: r.rows[0]!.n,
      participants: r.rows[0]!.participants,
      amountRp: r.rows[0]!.amountRp,
    };
    if (result.entries > 0) {
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'jht.credit_contributions',
        entity: 'jht_entry',
        regionCode: input.regencyCode,
        after: { upTo: input.upTo ?? null, ...result },
      });
    }
    return result;
  });
}
