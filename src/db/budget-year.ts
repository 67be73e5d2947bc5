// The budget year of village-funded memberships (0020): whether a regency's memberships have
// budget years at all, and which fiscal year and allocation a new membership belongs to. Carrying a
// cohort into the next year is in budget-renewal.ts, the end of what was not renewed in
// budget-year-end.ts.
import type { Queryable } from './types.ts';

/** Whether the regency keeps its budget in lindung (any allocation recorded): then budget years apply. */
export async function regencyKeepsBudget(q: Queryable, regencyCode: string): Promise<boolean> {
  const r = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
                    WHERE g.regency_code = $1) AS ok`,
    [regencyCode],
  );
  return r.rows[0]?.ok ?? false;
}

/**
 * The year rows of a batch's new participants: the fiscal year of their payer's first allocation
 * from the activation year on (a December activation for next year's agreement belongs to next
 * year), else the activation year with no allocation.
 */
export async function recordActivatedYears(q: Queryable, batchId: number, effectiveDate: string) {
  await q.query(
    `INSERT INTO membership_year (participant_id, fiscal_year, regency_code, allocation_id)
     SELECT pa.id, coalesce(al.fiscal_year, extract(year FROM $2::date)::int), pa.regency_code, al.id
     FROM participant pa
     LEFT JOIN LATERAL (
       SELECT a.id, a.fiscal_year FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
       WHERE a.payer_id = pa.payer_id AND g.regency_code = pa.regency_code
         AND a.fiscal_year >= extract(year FROM $2::date)::int
       ORDER BY a.fiscal_year, a.id LIMIT 1) al ON true
     WHERE pa.enrolment_batch_id = $1
     ORDER BY pa.id`,
    [batchId, effectiveDate],
  );
}
