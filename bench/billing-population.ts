import type { Db, Queryable } from '../src/db/types.ts';
import { insertBulkParticipants, personNameSql } from '../test/support/bulk-participants.ts';

// Formal workers (PU) for the billing benchmark, written set-based: employers of every JKK risk
// group (1–5, overriding the business type's group with a reason where they differ), small ones
// without JP and medium ones with it, their workers' participants and status, employments with
// wages from Rp2.5M to above the JP cap, and for every fourth worker a wage report for the period.

export interface FormalOptions {
  regencyCode: string;
  count: number;
  employers: number;
  /** The billed period: the wage reports are for it. */
  period: string;
  effectiveDate: string;
  at: string;
  /** 6 digits; NIKs are this prefix and a 10-digit serial. */
  nikPrefix: string;
  /** Distinct names (personNameSql) instead of "Pekerja Formal N" for everyone. */
  distinctNames?: boolean;
}

/** Serials of the formal workers' names start here, past the village workers' (bulk-participants.ts). */
const FORMAL_NAME_SERIAL = 20_000_000;

export async function insertBulkFormalWorkers(q: Queryable, o: FormalOptions): Promise<void> {
  const villages = (
    await q.query<{ code: string }>(
      `SELECT code FROM region WHERE regency_code = $1 AND level = 'village' ORDER BY code LIMIT 200`,
      [o.regencyCode],
    )
  ).rows.map((r) => r.code);
  await q.query(
    `WITH bt AS (SELECT min(code) AS code FROM business_type WHERE risk_group = 1),
     p AS (
       INSERT INTO payer (kind, name, region_code, created_at)
       SELECT 'employer', 'PT Bench ' || lpad(g::text, 5, '0'), ($3::text[])[1 + g % cardinality($3::text[])], $4::timestamptz
       FROM generate_series(1, $1::int) AS g
       RETURNING id, name, region_code)
     INSERT INTO employer (npp, name, business_type_code, risk_group, risk_group_reason, scale, region_code, regency_code,
       payer_id, created_by, created_at)
     SELECT '5399' || right(p.name, 5), p.name, bt.code, 1 + right(p.name, 5)::int % 5,
            CASE WHEN right(p.name, 5)::int % 5 <> 0 THEN 'bench: risk group set by inspection' END,
            CASE WHEN right(p.name, 5)::int % 3 = 0 THEN 'small' ELSE 'medium' END,
            p.region_code, $2, p.id, 'bench', $4::timestamptz
     FROM p, bt`,
    [o.employers, o.regencyCode, villages, o.at],
  );
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, region_code, created_at)
     SELECT $2 || lpad(i::text, 10, '0'), n.full_name, name_key(n.full_name), date '1975-01-01' + (i % 9000),
            CASE WHEN i % 2 = 0 THEN 'P' ELSE 'L' END, 'Karyawan', ($3::text[])[1 + i % cardinality($3::text[])],
            $4::timestamptz
     FROM generate_series(1, $1::int) AS i
     CROSS JOIN LATERAL (SELECT ${o.distinctNames ? personNameSql(`i + ${FORMAL_NAME_SERIAL}`) : `'Pekerja Formal ' || i`} AS full_name) n`,
    [o.count, o.nikPrefix, villages, o.at],
  );
  // Worker i works for the employer numbered 1 + i % employers.
  await q.query(
    `WITH w AS (
       SELECT i, p.id AS person_id, e.id AS employer_id, e.payer_id, e.region_code, e.scale
       FROM generate_series(1, $1::int) AS i
       JOIN person p ON p.nik = $2 || lpad(i::text, 10, '0')
       JOIN employer e ON e.npp = '5399' || lpad((1 + i % $3::int)::text, 5, '0')),
     pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         status, status_since, created_at)
       SELECT next_kpj(extract(year FROM $5::date)::int), w.person_id, 'PU',
              CASE WHEN w.scale = 'small' THEN ARRAY['JKK', 'JKM', 'JHT'] ELSE ARRAY['JKK', 'JKM', 'JHT', 'JP'] END,
              'EMPLOYER', w.payer_id, w.region_code, $4, 'active', $5::date, $6::timestamptz
       FROM w ORDER BY w.i
       RETURNING id, person_id)
     INSERT INTO employment (employer_id, person_id, participant_id, regency_code, start_date, wage_rp, created_at)
     SELECT w.employer_id, w.person_id, pa.id, $4, $5::date, 2500000 + (w.i % 40) * 250000, $6::timestamptz
     FROM pa JOIN w ON w.person_id = pa.person_id`,
    [o.count, o.nikPrefix, o.employers, o.regencyCode, o.effectiveDate, o.at],
  );
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT em.participant_id, em.regency_code, 'active', em.start_date, 'bench formal worker', 'bench', $2::timestamptz
     FROM employment em JOIN person p ON p.id = em.person_id
     WHERE left(p.nik, 6) = $1`,
    [o.nikPrefix, o.at],
  );
  await q.query(
    `INSERT INTO wage_report (employer_id, regency_code, period, person_id, wage_rp, mutation, reported_by, reported_at)
     SELECT em.employer_id, em.regency_code, $2, em.person_id, em.wage_rp + 100000, 'wage_change', 'bench', $3::timestamptz
     FROM employment em JOIN person p ON p.id = em.person_id
     WHERE left(p.nik, 6) = $1 AND em.participant_id % 4 = 0`,
    [o.nikPrefix, o.period, o.at],
  );
}

/** Share of the billing benchmarks' participants who are formal workers (PU); the rest are BPU village workers. */
export const FORMAL_SHARE = Number(process.env.BENCH_FORMAL_SHARE ?? 0.3);
const EMPLOYERS = 300;

/**
 * The billing benchmarks' population in one transaction: `participants` active workers of the
 * regency, FORMAL_SHARE of them PU workers of 300 employers (wage reports for `period`), the rest
 * BPU village workers. Says what it made and how long it took.
 */
export async function insertBillingPopulation(
  db: Db,
  o: {
    name: string;
    regencyCode: string;
    participants: number;
    period: string;
    effectiveDate: string;
    at: string;
    distinctNames?: boolean;
  },
): Promise<void> {
  const formal = Math.round(o.participants * FORMAL_SHARE);
  const t = performance.now();
  const bpu = await db.transaction(async (tx) => {
    const bpu = await insertBulkParticipants(tx, {
      regencyCode: o.regencyCode,
      count: o.participants - formal,
      effectiveDate: o.effectiveDate,
      at: o.at,
      distinctNames: o.distinctNames,
    });
    if (formal > 0)
      await insertBulkFormalWorkers(tx, {
        regencyCode: o.regencyCode,
        count: formal,
        employers: EMPLOYERS,
        period: o.period,
        effectiveDate: o.effectiveDate,
        at: o.at,
        nikPrefix: '539800',
        distinctNames: o.distinctNames,
      });
    return bpu;
  });
  console.log(
    `${o.name}: ${bpu.participants.toLocaleString('en')} BPU village workers (${bpu.perPayer.size} payers) ` +
      `and ${formal.toLocaleString('en')} PU workers of ${formal > 0 ? EMPLOYERS : 0} employers generated in ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
