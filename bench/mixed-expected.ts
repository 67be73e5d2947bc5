import type { Queryable } from '../src/db/types.ts';

// What the monthly run must bill the mixed population for December 2026, computed in SQL straight
// from the population's wages, incomes and programmes with the rates written out here by hand
// (not through src/rules), so the benchmark checks the run's lines and rupiah against the law.
// Rates from /work/shared/domain/regulations.md, in force for iuran month 2026-12.
const RATES_2026_12 = {
  /** PU JKK by risk group I–V, basis points of the wage: PP 44/2015 Pasal 16(2), Lampiran I. */
  puJkkBp: [24, 54, 89, 127, 174],
  /** PU JKM: 0.30 % of the wage, PP 44/2015 Pasal 18(1). */
  puJkmBp: 30,
  /** PU JHT: 3.7 % employer + 2 % worker, PP 46/2015 Pasal 16. */
  puJhtEmployerBp: 370,
  puJhtWorkerBp: 200,
  /** PU JP: 2 % employer + 1 % worker of the wage up to the cap, PP 45/2015 Pasal 28. */
  puJpEmployerBp: 200,
  puJpWorkerBp: 100,
  /** JP wage cap from iuran month March 2026: PP 45/2015 Pasal 29, BPJS TK letter B/1226/022026. */
  jpCapRp: 11_086_300,
  /** BPU contribution base is never below Rp 1,000,000: PP 44/2015 Lampiran II. */
  bpuMinimumRp: 1_000_000,
  /** BPU JKK 1 % of the income (PP 44/2015 Lampiran II), JKM Rp 6,800 (Pasal 18), JHT 2 % (PP 46/2015). */
  bpuJkkBp: 100,
  bpuJkmRp: 6_800,
  bpuJhtBp: 200,
  /**
   * PP 50/2025: BPU JKK and JKM at 50 % for iuran months April–December 2026 (non-transport), not
   * for APBN/APBD-funded members; APBDes-funded ones not either (unstated, the conservative default
   * of keringanan.bpu_apbdes_termasuk_diskon).
   */
  bpuPp50ShareBp: 5_000,
};

/** The group a participant belongs to, with its order in the printed table. */
const GROUP = `CASE WHEN pa.segment = 'PU' THEN '1 PU formal worker'
  WHEN pa.segment = 'JAKON' THEN '6 Jakon project worker'
  WHEN pa.segment = 'PMI' THEN '7 PMI'
  WHEN b.collection = 'agent' THEN '3 BPU by agent, monthly'
  WHEN b.collection = 'personal' THEN '4 BPU self-paying, ' || lpad(b.frequency_months::text, 2) || ' mo'
  ELSE '2 village-funded ' || pa.funding_source END`;

/** Every active participant of the regency with its group, contribution base and whether the run bills it. */
const POPULATION = `
  SELECT pa.id, ${GROUP} AS grp, pa.segment, pa.funding_source, pa.programs, er.risk_group,
         (CASE WHEN pa.segment = 'PU' THEN coalesce(wr.wage_rp, em.wage_rp)
               ELSE greatest(coalesce(pa.declared_income_rp, 0), $3) END)::numeric AS base,
         -- The monthly run bills PU workers with an employment and BPU members not paying by their own code.
         (pa.segment = 'PU' AND em.id IS NOT NULL) OR (pa.segment = 'BPU' AND b.collection IS DISTINCT FROM 'personal')
           AS billed
  FROM participant pa
  LEFT JOIN employment em ON em.participant_id = pa.id
  LEFT JOIN employer er ON er.id = em.employer_id
  LEFT JOIN wage_report wr ON wr.employer_id = em.employer_id AND wr.person_id = em.person_id AND wr.period = $2
  LEFT JOIN bpu_registration b ON b.participant_id = pa.id
  WHERE pa.regency_code = $1 AND pa.status = 'active'`;

/** One amount per programme and payer; NULL where the programme is not the participant's. Rounded half up per line. */
const AMOUNTS = `(VALUES
  (1, CASE WHEN x.segment = 'PU' THEN round(x.base * ($4::int[])[x.risk_group] / 10000) END),
  (2, CASE WHEN x.segment = 'PU' THEN round(x.base * $5 / 10000) END),
  (3, CASE WHEN x.segment = 'PU' AND 'JHT' = ANY (x.programs) THEN round(x.base * $6 / 10000) END),
  (4, CASE WHEN x.segment = 'PU' AND 'JHT' = ANY (x.programs) THEN round(x.base * $7 / 10000) END),
  (5, CASE WHEN x.segment = 'PU' AND 'JP' = ANY (x.programs) THEN round(least(x.base, $10) * $8 / 10000) END),
  (6, CASE WHEN x.segment = 'PU' AND 'JP' = ANY (x.programs) THEN round(least(x.base, $10) * $9 / 10000) END),
  (7, CASE WHEN x.segment = 'BPU' THEN round(x.base * $11 * x.share / 100000000) END),
  (8, CASE WHEN x.segment = 'BPU' THEN round($12::numeric * x.share / 10000) END),
  (9, CASE WHEN x.segment = 'BPU' AND 'JHT' = ANY (x.programs) THEN round(x.base * $13 / 10000) END)
) AS a (n, amount)`;

export interface GroupCheck {
  group: string;
  participants: number;
  expectedLines: number;
  expectedRp: number;
  billedLines: number;
  billedRp: number;
}

/**
 * Per group: the active participants, the lines and rupiah the rules give (computed here), and
 * the contribution lines and rupiah the period's run invoices actually hold.
 */
export async function checkMixedBilling(
  q: Queryable,
  regencyCode: string,
  period: string,
): Promise<GroupCheck[]> {
  const r = RATES_2026_12;
  const expected = await q.query<{ grp: string; participants: number; lines: number; total: number }>(
    `WITH x AS (
       SELECT p.*, CASE WHEN p.funding_source IN ('APBN', 'APBD', 'APBDES') THEN 10000 ELSE $14 END AS share
       FROM (${POPULATION}) p)
     SELECT x.grp, count(*) FILTER (WHERE a.n = 1)::int AS participants,
            count(a.amount) FILTER (WHERE x.billed AND a.amount > 0)::int AS lines,
            coalesce(sum(a.amount) FILTER (WHERE x.billed AND a.amount > 0), 0)::bigint AS total
     FROM x CROSS JOIN LATERAL ${AMOUNTS}
     GROUP BY x.grp ORDER BY x.grp`,
    [
      regencyCode,
      period,
      r.bpuMinimumRp,
      r.puJkkBp,
      r.puJkmBp,
      r.puJhtEmployerBp,
      r.puJhtWorkerBp,
      r.puJpEmployerBp,
      r.puJpWorkerBp,
      r.jpCapRp,
      r.bpuJkkBp,
      r.bpuJkmRp,
      r.bpuJhtBp,
      r.bpuPp50ShareBp,
    ],
  );
  const billed = await q.query<{ grp: string; lines: number; total: number }>(
    `SELECT ${GROUP} AS grp, count(*)::int AS lines, sum(l.amount_rp)::bigint AS total
     FROM invoice i
     JOIN invoice_line l ON l.invoice_id = i.id
     JOIN participant pa ON pa.id = l.participant_id
     LEFT JOIN bpu_registration b ON b.participant_id = pa.id
     WHERE i.regency_code = $1 AND i.period = $2 AND i.billing_run_id IS NOT NULL AND l.kind = 'contribution'
     GROUP BY 1`,
    [regencyCode, period],
  );
  const got = new Map(billed.rows.map((b) => [b.grp, b]));
  return expected.rows.map((e) => ({
    group: e.grp.slice(2),
    participants: e.participants,
    expectedLines: e.lines,
    expectedRp: Number(e.total),
    billedLines: got.get(e.grp)?.lines ?? 0,
    billedRp: Number(got.get(e.grp)?.total ?? 0),
  }));
}
