// The reads of the Belu 2023 demo loader: the regions it spreads people over, and what an
// earlier, interrupted load already wrote, so each phase resumes where it stopped. The demo
// writes its records through the services, never here.
import type { Queryable } from './types.ts';

/** PGlite has no autovacuum: fresh statistics keep the next phase's joins on hash plans. */
export async function analyze(q: Queryable): Promise<void> {
  await q.query('ANALYZE');
}

/**
 * ANALYZE of the tables changed by more than a tenth since their last statistics (autovacuum's
 * rule), or never analysed: a year's new months of a partitioned table, not every month again.
 * A whole-database ANALYZE each December grew with the months of invoice_line (5 s → 19 s on
 * PostgreSQL by the demo's last year); partitioned parents keep the statistics of the last whole
 * ANALYZE. Returns how many tables it analysed.
 */
export async function analyzeChanged(q: Queryable): Promise<number> {
  // The counters reach the statistics views within a second; the last second's writes too.
  await q.query('SELECT pg_stat_force_next_flush()');
  const r = await q.query<{ name: string }>(
    `SELECT format('%I', s.relname) AS name
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = current_schema() AND c.relkind = 'r'
       AND (coalesce(s.last_analyze, s.last_autoanalyze) IS NULL
            OR s.n_mod_since_analyze > 0.1 * greatest(s.n_live_tup, 1))
     ORDER BY 1`,
  );
  if (r.rows.length > 0) await q.query(`ANALYZE ${r.rows.map((t) => t.name).join(', ')}`);
  return r.rows.length;
}

export async function auditActionRecorded(q: Queryable, action: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM audit_log WHERE action = $1 LIMIT 1`, [action])).rows.length > 0;
}

/** The desa (not kelurahan) of a regency, in code order. */
export async function desaOf(q: Queryable, regencyCode: string) {
  const r = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM region
     WHERE level = 'village' AND code LIKE $1 AND substr(code, 10, 1) = '2' ORDER BY code`,
    [`${regencyCode}.%`],
  );
  return r.rows;
}

/** The kecamatan of a regency, in code order. */
export async function kecamatanOf(q: Queryable, regencyCode: string) {
  const r = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM region WHERE level = 'district' AND code LIKE $1 ORDER BY code`,
    [`${regencyCode}.%`],
  );
  return r.rows;
}

/** The desa and kelurahan of a regency, in code order. */
export async function villagesOf(q: Queryable, regencyCode: string) {
  const r = await q.query<{ code: string; name: string }>(
    `SELECT code, name FROM region WHERE level = 'village' AND code LIKE $1 ORDER BY code`,
    [`${regencyCode}.%`],
  );
  return r.rows;
}

/** The village codes of the given kecamatan, in code order. */
export async function villageCodesIn(q: Queryable, kecamatanCodes: readonly string[]): Promise<string[]> {
  const r = await q.query<{ code: string }>(
    `SELECT code FROM region WHERE level = 'village' AND substr(code, 1, 8) = ANY($1::text[]) ORDER BY code`,
    [kecamatanCodes],
  );
  return r.rows.map((x) => x.code);
}

export async function findAgreementId(q: Queryable, number: string): Promise<number | undefined> {
  const r = await q.query<{ id: number }>('SELECT id FROM agreement WHERE number = $1', [number]);
  return r.rows[0]?.id;
}

/** The agreement's allocations of a fiscal year, as 'FUNDING:payer region' keys. */
export async function allocationKeys(q: Queryable, agreementId: number, year: number): Promise<Set<string>> {
  const r = await q.query<{ funding_source: string; region_code: string }>(
    `SELECT a.funding_source, p.region_code FROM budget_allocation a JOIN payer p ON p.id = a.payer_id
     WHERE a.agreement_id = $1 AND a.fiscal_year = $2`,
    [agreementId, year],
  );
  return new Set(r.rows.map((x) => `${x.funding_source}:${x.region_code}`));
}

/** The latest enrolment batch a user created for a village, if any. */
export async function latestBatchBy(q: Queryable, villageCode: string, username: string) {
  const r = await q.query<{ id: number; status: string }>(
    `SELECT id, status FROM enrolment_batch WHERE village_code = $1 AND created_by = $2 ORDER BY id DESC LIMIT 1`,
    [villageCode, username],
  );
  return r.rows[0];
}

/** An employer by NPP with its number of employments (ever), if registered. */
export async function employerWithWorkers(q: Queryable, npp: string) {
  const r = await q.query<{ id: number; workers: number }>(
    `SELECT e.id, (SELECT count(*)::int FROM employment m WHERE m.employer_id = e.id) AS workers
     FROM employer e WHERE e.npp = $1`,
    [npp],
  );
  return r.rows[0];
}

/** A construction project by number with its number of workers, if registered. */
export async function projectWithWorkers(q: Queryable, projectNumber: string) {
  const r = await q.query<{ workers: number }>(
    `SELECT (SELECT count(*)::int FROM project_worker w WHERE w.project_id = c.id) AS workers
     FROM construction_project c WHERE c.project_number = $1`,
    [projectNumber],
  );
  return r.rows[0];
}

export async function billingRunExists(q: Queryable, regencyCode: string, period: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM billing_run WHERE regency_code = $1 AND period = $2', [
    regencyCode,
    period,
  ]);
  return r.rows.length > 0;
}

export interface OpenInvoice {
  id: number;
  number: string;
  payerId: number;
  totalRp: number;
  kind: string;
}

/** Invoices of a period not yet paid by the demo (the key names the invoice, so a re-run skips them). */
export async function unpaidByDemo(
  q: Queryable,
  a: { regencyCode: string; period: string; payerKinds: readonly string[] },
): Promise<OpenInvoice[]> {
  const r = await q.query<OpenInvoice>(
    `SELECT i.id, i.number, i.payer_id AS "payerId", i.total_rp::bigint AS "totalRp", p.kind
     FROM invoice i JOIN payer p ON p.id = i.payer_id
     WHERE i.regency_code = $1 AND i.period = $2 AND i.total_rp > 0 AND p.kind = ANY($3::text[])
       AND NOT EXISTS (SELECT 1 FROM payment m WHERE m.idempotency_key = 'demo.' || replace(i.number, '/', '.'))
     ORDER BY i.id`,
    [a.regencyCode, a.period, a.payerKinds],
  );
  return r.rows.map((x) => ({ ...x, totalRp: Number(x.totalRp) }));
}

export async function regencyHasClaims(q: Queryable, regencyCode: string): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM claim WHERE regency_code = $1 LIMIT 1', [regencyCode]);
  return r.rows.length > 0;
}

export interface Claimant {
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  kecamatan: string;
  /** The village (or kelurahan) of the membership. */
  regionCode: string;
}

/** Who the demo's claims are for: active participants of the regency of each kind, in id order. */
export const CLAIMANTS = {
  villageWorker: `pa.enrolment_batch_id IS NOT NULL`,
  // Private-sector workers: the regency's Non-ASN figure stays whole.
  puWithJp: `pa.segment = 'PU' AND 'JP' = ANY (pa.programs) AND NOT EXISTS (
    SELECT 1 FROM employment m JOIN employer e ON e.id = m.employer_id
    WHERE m.participant_id = pa.id AND e.is_government)`,
  // Self-paying informal members aged 56 or more by 2023 take their JHT at retirement age.
  selfPayingRetired: `pa.segment = 'BPU' AND pa.funding_source = 'SELF' AND 'JHT' = ANY (pa.programs) AND p.birth_date <= '1966-12-31'`,
} as const;

/**
 * n active participants of the regency matching one of the CLAIMANTS filters, spread over their
 * villages (the first of each village in id order, then the second…), so that no desa loses all.
 * Not one with a claim or a membership change under way (an interrupted load's), so a resumed
 * load never files twice for the same event.
 */
export async function claimants(
  q: Queryable,
  a: { regencyCode: string; which: keyof typeof CLAIMANTS; n: number },
): Promise<Claimant[]> {
  const r = await q.query<Claimant>(
    `SELECT pa.id, pa.kpj, p.nik, p.full_name AS "fullName", substr(pa.region_code, 1, 8) AS kecamatan,
            pa.region_code AS "regionCode"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.regency_code = $1 AND pa.status = 'active' AND ${CLAIMANTS[a.which]}
       AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.participant_id = pa.id AND c.status NOT IN ('rejected', 'paid'))
       AND NOT EXISTS (SELECT 1 FROM membership_change m
                       WHERE m.participant_id = pa.id AND m.state IN ('proposed', 'verified'))
     ORDER BY row_number() OVER (PARTITION BY pa.region_code ORDER BY pa.id), pa.id LIMIT $2`,
    [a.regencyCode, a.n],
  );
  return r.rows;
}

export async function sumClaimAmounts(q: Queryable, claimIds: readonly number[]): Promise<number> {
  const r = await q.query<{ rp: number }>(
    `SELECT coalesce(sum(amount_rp), 0)::bigint AS rp FROM claim WHERE id = ANY($1::bigint[])`,
    [claimIds],
  );
  return Number(r.rows[0]!.rp);
}
