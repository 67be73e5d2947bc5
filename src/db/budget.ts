// What the budget sees: billed periods, active workers per payer and tariff key, pending batches.
import type { Queryable } from './types.ts';

/** The latest billed period of a regency (projection starts the month after), or null. */
export async function lastBilledPeriod(q: Queryable, regencyCode: string): Promise<string | null> {
  const r = await q.query<{ p: string | null }>(
    `SELECT max(period) AS p FROM billing_run WHERE regency_code = $1`,
    [regencyCode],
  );
  return r.rows[0]?.p ?? null;
}

export interface ProjectionKey {
  segment: string;
  incomeRp: number;
  fundingSource: string;
  programs: string[];
}

/**
 * Distinct contribution inputs of the active BPU participants funded by the regency, villages or CSR,
 * from the running counts of budget_worker_count (0012) rather than every participant.
 */
export async function projectionKeys(q: Queryable, regencyCode: string) {
  const r = await q.query<ProjectionKey>(
    `SELECT DISTINCT 'BPU' AS segment, c.income_rp AS "incomeRp", c.funding_source AS "fundingSource",
            string_to_array(c.programs, ',') AS programs
     FROM budget_worker_count c JOIN payer p ON p.id = c.payer_id
     WHERE c.regency_code = $1 AND c.workers > 0 AND p.kind IN ('regency', 'village', 'csr')`,
    [regencyCode],
  );
  return r.rows;
}

export interface BudgetRow {
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string;
  agreementIds: number[];
  allocatedRp: number;
  quotaWorkers: number | null;
  workers: number;
  invoicedRp: number;
  projectedRp: number;
  committedRp: number;
  usedRp: number;
  remainingRp: number;
}

/**
 * Budget use per payer for a fiscal year, set-based. committed = invoiced in the year + active
 * workers × monthly contribution (from the rules, as `tariff`) × the year's months from
 * max(startMonthIndex, the worker's status month); used = allocated payments; remaining = allocated − committed.
 * Workers come from budget_worker_count (0012: active BPU participants per payer, input and status
 * month, kept by triggers), so the cost follows the number of payers and inputs, not of participants.
 * The year's period range (beside the exact test) lets invoice_period_idx find the invoices; the
 * money allocated to them is summed in one pass, not invoice by invoice.
 */
export async function budgetRows(
  q: Queryable,
  a: {
    regencyCode: string;
    fiscalYear: number;
    startMonthIndex: number;
    scopes: readonly string[];
    tariff: { key: ProjectionKey; monthlyRp: number }[];
  },
) {
  const r = await q.query<BudgetRow>(
    `WITH tariff AS (
       SELECT * FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[], $8::bigint[])
         AS t (segment, income_rp, funding_source, programs, monthly_rp)),
     alloc AS (
       SELECT a.payer_id, sum(a.amount_rp)::bigint AS allocated_rp, sum(a.quota_workers)::int AS quota_workers,
              array_agg(DISTINCT a.agreement_id::int ORDER BY a.agreement_id::int) AS agreement_ids
       FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
       WHERE g.regency_code = $1 AND a.fiscal_year = $2::int GROUP BY a.payer_id),
     workers AS (
       SELECT c.payer_id, sum(c.workers)::int AS workers,
              sum(c.workers * t.monthly_rp * greatest(0, $2::int * 12 + 12 - greatest($3::int, c.since_month)))::bigint
                AS projected_rp
       FROM budget_worker_count c
       JOIN payer p ON p.id = c.payer_id AND p.kind IN ('regency', 'village', 'csr')
       JOIN tariff t ON t.segment = 'BPU' AND t.income_rp = c.income_rp AND t.funding_source = c.funding_source
                    AND t.programs = c.programs
       WHERE c.regency_code = $1 AND c.workers > 0
       GROUP BY c.payer_id),
     year_invoice AS (
       SELECT i.id, i.payer_id, i.total_rp FROM invoice i
       WHERE i.regency_code = $1 AND i.period >= $2::int || '-01' AND i.period <= $2::int || '-12'
         AND left(i.period, 4)::int = $2::int),
     used AS (
       SELECT x.invoice_id, sum(x.amount_rp) AS rp
       FROM year_invoice i JOIN payment_allocation x ON x.invoice_id = i.id GROUP BY x.invoice_id),
     billed AS (
       SELECT i.payer_id, sum(i.total_rp)::bigint AS invoiced_rp, coalesce(sum(u.rp), 0)::bigint AS used_rp
       FROM year_invoice i LEFT JOIN used u ON u.invoice_id = i.id
       GROUP BY i.payer_id)
     SELECT p.id AS "payerId", p.name AS "payerName", p.kind AS "payerKind", p.region_code AS "payerRegion",
            coalesce(al.agreement_ids, '{}') AS "agreementIds", coalesce(al.allocated_rp, 0)::bigint AS "allocatedRp",
            al.quota_workers AS "quotaWorkers", coalesce(w.workers, 0) AS workers,
            coalesce(b.invoiced_rp, 0)::bigint AS "invoicedRp", coalesce(w.projected_rp, 0)::bigint AS "projectedRp",
            (coalesce(b.invoiced_rp, 0) + coalesce(w.projected_rp, 0))::bigint AS "committedRp",
            coalesce(b.used_rp, 0)::bigint AS "usedRp",
            (coalesce(al.allocated_rp, 0) - coalesce(b.invoiced_rp, 0) - coalesce(w.projected_rp, 0))::bigint AS "remainingRp"
     FROM payer p
     LEFT JOIN alloc al ON al.payer_id = p.id
     LEFT JOIN workers w ON w.payer_id = p.id
     LEFT JOIN billed b ON b.payer_id = p.id
     WHERE (al.payer_id IS NOT NULL OR w.payer_id IS NOT NULL OR b.payer_id IS NOT NULL)
       AND p.kind IN ('regency', 'village', 'csr') AND region_in_scope(p.region_code, $9::text[])
     ORDER BY p.kind, p.region_code, p.id`,
    [
      a.regencyCode,
      a.fiscalYear,
      a.startMonthIndex,
      a.tariff.map((t) => t.key.segment),
      a.tariff.map((t) => t.key.incomeRp),
      a.tariff.map((t) => t.key.fundingSource),
      a.tariff.map((t) => t.key.programs.join(',')),
      a.tariff.map((t) => t.monthlyRp),
      a.scopes,
    ],
  );
  return r.rows;
}

/** A batch not yet activated, as the budget sees it: its payer (by kind and region) and valid rows by income. */
export async function pendingBatch(q: Queryable, batchId: number) {
  const r = await q.query<{
    payerKind: 'regency' | 'village';
    payerRegion: string;
    regencyCode: string;
    fundingSource: string;
    incomeRp: number;
    workers: number;
  }>(
    `SELECT CASE b.funding_source WHEN 'APBDES' THEN 'village' ELSE 'regency' END AS "payerKind",
            CASE b.funding_source WHEN 'APBDES' THEN b.village_code ELSE b.regency_code END AS "payerRegion",
            b.regency_code AS "regencyCode", b.funding_source AS "fundingSource",
            coalesce(r.declared_income_rp, 0) AS "incomeRp", count(*)::int AS workers
     FROM enrolment_batch b JOIN enrolment_row r ON r.batch_id = b.id AND r.state = 'valid'
     WHERE b.id = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 5`,
    [batchId],
  );
  return r.rows;
}

/**
 * Whether the regency has recorded any budget allocation for the fiscal year. Without one the
 * budget is not tracked in lindung for that year (no agreement entered yet): the figures are
 * shown, but nothing is "over" an allocation nobody recorded, so no warning is raised.
 */
export async function budgetRecorded(q: Queryable, regencyCode: string, fiscalYear: number) {
  const r = await q.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
                    WHERE g.regency_code = $1 AND a.fiscal_year = $2::int) AS ok`,
    [regencyCode, fiscalYear],
  );
  return r.rows[0]?.ok ?? false;
}

/**
 * The fiscal years of a regency's agreements: every year from each agreement's valid_from to its
 * valid_to, and every year it allocates budget for, ascending. The budget page offers these, so an
 * old agreement year (2023) stays reachable whatever today is.
 */
export async function budgetYears(q: Queryable, regencyCode: string): Promise<number[]> {
  const r = await q.query<{ year: number }>(
    `SELECT DISTINCT y::int AS year FROM (
       SELECT generate_series(extract(year FROM g.valid_from)::int, extract(year FROM g.valid_to)::int) AS y
       FROM agreement g WHERE g.regency_code = $1
       UNION
       SELECT a.fiscal_year FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
       WHERE g.regency_code = $1) t
     ORDER BY 1`,
    [regencyCode],
  );
  return r.rows.map((row) => row.year);
}
