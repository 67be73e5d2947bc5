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
  -- The participant's last status up to that day (by date, then id) is 'active': the first row of
  -- each participant's group in participant_status_latest_idx (0038), one ordered index-only pass.
  JOIN (SELECT DISTINCT ON (s.participant_id) s.participant_id, s.status
        FROM participant_status s
        WHERE s.regency_code = $1 AND s.effective_date <= $2::date
        ORDER BY s.participant_id, s.effective_date DESC, s.id DESC) st
    ON st.participant_id = pa.id
    -- As a CASE: the planner has no statistics for a column of a DISTINCT ON, guesses 0.5% of the
    -- participants active for a plain equality, and probes their million ids one at a time (2.9 s
    -- against 1.5 s hashed, at 1,000,000). Most participants are active; the CASE's guess is half.
    AND CASE WHEN st.status = 'active' THEN true ELSE false END
  LEFT JOIN employment em ON em.participant_id = pa.id
  LEFT JOIN employer er ON er.id = em.employer_id
  LEFT JOIN wage_report wr ON wr.employer_id = em.employer_id AND wr.person_id = em.person_id AND wr.period = $3
  WHERE pa.regency_code = $1
    AND (pa.segment = 'BPU' OR (pa.segment = 'PU' AND em.id IS NOT NULL))
    -- A BPU mandiri member who pays by personal code is invoiced with each payment (0028), never by the run.
    AND NOT EXISTS (SELECT 1 FROM bpu_registration b WHERE b.participant_id = pa.id AND b.collection = 'personal')`;

/**
 * Reads the billable participants once into billing_billable (a temporary table, so every later
 * statement of the run works on the same set, whatever commits meanwhile) with their tariff key,
 * and returns the distinct keys. billing_group counts them per payer and key, so the run's totals
 * come from a few rows instead of a million.
 */
export async function billableTariffKeys(
  q: Queryable,
  regencyCode: string,
  periodEnd: string,
  period: string,
  /** Runs once the billable set is read, before the keys are taken (the budget-year gate). */
  beforeKeys: () => Promise<void> = async () => undefined,
) {
  // The run sorts and hashes a row per participant (a million in a regency): in memory, not in
  // temporary files (the default 4MB spills them), for this transaction only.
  await q.query(`SET LOCAL work_mem = '64MB'`);
  // Parallel workers would each read the whole status index and hash it again (a DISTINCT ON is
  // not shared between them): 4.9–5.1 s at 1,000,000 participants against 3.6 s in one process.
  await q.query('SET LOCAL max_parallel_workers_per_gather = 0');
  await q.query(
    `CREATE TEMP TABLE billing_billable ON COMMIT DROP AS
     SELECT b.id, b.payer_id, b.segment, b.wage_rp, b.risk_group, b.funding_source,
            array_to_string(b.programs, ',') AS programs,
            concat_ws('|', b.segment, b.wage_rp, b.risk_group, b.funding_source, array_to_string(b.programs, ',')) AS key
     FROM (${BILLABLE}) b
     ORDER BY b.id`,
    [regencyCode, periodEnd, period],
  );
  await q.query('SET LOCAL max_parallel_workers_per_gather TO DEFAULT');
  await q.query(
    `CREATE TEMP TABLE billing_group ON COMMIT DROP AS
     SELECT payer_id, key, segment, wage_rp, risk_group, funding_source, programs, count(*)::bigint AS n
     FROM billing_billable GROUP BY payer_id, key, segment, wage_rp, risk_group, funding_source, programs`,
  );
  await beforeKeys();
  const r = await q.query<TariffKey>(
    `SELECT DISTINCT segment, wage_rp AS "wageRp", risk_group AS "riskGroup", funding_source AS "fundingSource",
            string_to_array(programs, ',') AS programs
     FROM billing_group`,
  );
  return r.rows;
}
