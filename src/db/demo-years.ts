// The reads of the Belu demo's later years (June 2023 – December 2026): what an earlier run already
// did, so each month resumes or is skipped, and who the next year's budgets are for. The demo
// writes through the services, never here.
import type { Queryable } from './types.ts';

/** Whether an audit row of this action names this entity (a month the demo finished). */
export async function auditEntityRecorded(q: Queryable, action: string, entityId: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM audit_log WHERE action = $1 AND entity_id = $2 LIMIT 1', [
    action,
    entityId,
  ]);
  return r.rows.length > 0;
}

/** Whether the regency's cohort of a fiscal year was renewed (regency-wide) into the next. */
export async function renewalRecorded(q: Queryable, regencyCode: string, fromYear: number): Promise<boolean> {
  const r = await q.query(
    'SELECT 1 FROM budget_renewal WHERE regency_code = $1 AND from_year = $2 AND village_code IS NULL LIMIT 1',
    [regencyCode, fromYear],
  );
  return r.rows.length > 0;
}

export interface FundedCohort {
  fundingSource: 'APBD' | 'APBDES';
  /** The paying desa (APBDES), or null for the regency (APBD). */
  villageCode: string | null;
  workers: number;
}

/**
 * The active members of a fiscal year's village-funded cohort by payer, in payer order: what the
 * next year's budgets are drawn up for (the district funds the workers it has in December).
 */
export async function fundedCohorts(
  q: Queryable,
  regencyCode: string,
  year: number,
): Promise<FundedCohort[]> {
  const r = await q.query<{ kind: string; region_code: string; workers: number }>(
    `SELECT p.kind, p.region_code, count(*)::int AS workers
     FROM membership_year my JOIN participant pa ON pa.id = my.participant_id JOIN payer p ON p.id = pa.payer_id
     WHERE my.regency_code = $1 AND my.fiscal_year = $2 AND pa.status = 'active' AND p.kind IN ('regency', 'village')
     GROUP BY p.id, p.kind, p.region_code ORDER BY p.id`,
    [regencyCode, year],
  );
  return r.rows.map((x) => ({
    fundingSource: x.kind === 'regency' ? 'APBD' : 'APBDES',
    villageCode: x.kind === 'regency' ? null : x.region_code,
    workers: x.workers,
  }));
}

/** Claims of the regency approved with an amount and not yet in a payout batch (an interrupted month's). */
export async function approvedUnbatched(q: Queryable, regencyCode: string): Promise<number[]> {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM claim WHERE regency_code = $1 AND status = 'approved' AND amount_rp > 0 ORDER BY id`,
    [regencyCode],
  );
  return r.rows.map((x) => Number(x.id));
}
