// The renewal of a budget year's cohort of village-funded memberships (0020) into the next year:
// who carries over, who is left out and why, and the reinstatement of those whose year had expired.
import { YEAR_END_REASON } from './budget-year-end.ts';
import type { Queryable } from './types.ts';

/** Why a renewal left a member out (budget_renewal_left_out.reason). */
export type LeftOutReason = 'aged_out' | 'ended' | 'over_quota' | 'over_budget' | 'no_allocation';

/** Monthly contribution per input, computed by the rules ($5..$8 of the renewal queries). */
export interface RenewalTariff {
  incomeRp: number[];
  fundingSource: string[];
  programs: string[];
  monthlyRp: number[];
}

/**
 * Every member of the from-year cohort (of a village, or the whole regency) not yet in the next
 * year, with the next year's allocation of their payer and why they cannot carry over, if so:
 * ended (died, left; not the year-end expiry, which a renewal undoes), no allocation, aged out
 * (older than the policy maximum on 1 January of the new year), then — in enrolment order, after
 * the members already in the allocation — over its quota of workers, or over its amount (pagu) at
 * 12 months of their contribution. $1 regency, $2 village or null, $3 from year, $4 age maximum.
 */
const CLASSIFY = `
  WITH cohort AS (
    SELECT my.participant_id AS id, pa.payer_id, pa.region_code, pe.birth_date,
           coalesce(pa.declared_income_rp, 0) AS income_rp, pa.funding_source,
           array_to_string(pa.programs, ',') AS programs,
           pa.status = 'ended' AND NOT (pa.status_since = make_date($3::int + 1, 1, 1) AND EXISTS (
             SELECT 1 FROM participant_status s WHERE s.participant_id = pa.id AND s.status = 'ended'
               AND s.effective_date = pa.status_since AND s.reason LIKE '${YEAR_END_REASON} %')) AS ended,
           pa.status = 'ended' AS expired_or_ended
    FROM membership_year my
    JOIN participant pa ON pa.id = my.participant_id
    JOIN person pe ON pe.id = pa.person_id
    WHERE my.regency_code = $1 AND my.fiscal_year = $3::int AND ($2::text IS NULL OR pa.region_code = $2)
      AND NOT EXISTS (SELECT 1 FROM membership_year n
                      WHERE n.participant_id = my.participant_id AND n.fiscal_year = $3::int + 1)),
  alloc AS (
    SELECT DISTINCT ON (a.payer_id) a.payer_id, a.id, a.quota_workers, a.amount_rp
    FROM budget_allocation a JOIN agreement g ON g.id = a.agreement_id
    WHERE g.regency_code = $1 AND a.fiscal_year = $3::int + 1 ORDER BY a.payer_id, a.id),
  tariff AS (
    SELECT * FROM unnest($5::bigint[], $6::text[], $7::text[], $8::bigint[])
      AS t (income_rp, funding_source, programs, monthly_rp)),
  taken AS (
    SELECT my.allocation_id, count(*) AS n, coalesce(sum(t.monthly_rp * 12), 0) AS rp
    FROM membership_year my JOIN participant pa ON pa.id = my.participant_id
    LEFT JOIN tariff t ON t.income_rp = coalesce(pa.declared_income_rp, 0) AND t.funding_source = pa.funding_source
                      AND t.programs = array_to_string(pa.programs, ',')
    WHERE my.regency_code = $1 AND my.fiscal_year = $3::int + 1 GROUP BY my.allocation_id),
  first_pass AS (
    SELECT c.id, c.region_code, c.expired_or_ended, al.id AS allocation_id,
           CASE WHEN c.ended THEN 'ended'
                WHEN al.id IS NULL THEN 'no_allocation'
                WHEN (c.birth_date + make_interval(years => $4::int + 1))::date <= make_date($3::int + 1, 1, 1)
                  THEN 'aged_out' END AS reason,
           coalesce(t.monthly_rp, 0) * 12 AS year_rp
    FROM cohort c
    LEFT JOIN alloc al ON al.payer_id = c.payer_id
    LEFT JOIN tariff t ON t.income_rp = c.income_rp AND t.funding_source = c.funding_source AND t.programs = c.programs),
  ranked AS (
    SELECT f.id, f.region_code, f.expired_or_ended, f.allocation_id, f.reason,
           row_number() OVER w AS rank, sum(f.year_rp) OVER w AS cum_rp
    FROM first_pass f WHERE f.reason IS NULL
    WINDOW w AS (PARTITION BY f.allocation_id ORDER BY f.id))
  SELECT r.id, r.region_code, r.expired_or_ended, r.allocation_id,
         CASE WHEN al.quota_workers IS NOT NULL AND r.rank + coalesce(tk.n, 0) > al.quota_workers THEN 'over_quota'
              WHEN r.cum_rp + coalesce(tk.rp, 0) > al.amount_rp THEN 'over_budget' END AS reason
  FROM ranked r JOIN alloc al ON al.id = r.allocation_id LEFT JOIN taken tk ON tk.allocation_id = r.allocation_id
  UNION ALL
  SELECT id, region_code, expired_or_ended, allocation_id, reason FROM first_pass WHERE reason IS NOT NULL`;

export interface RenewalScope {
  regencyCode: string;
  villageCode: string | null;
  fromYear: number;
  ageMaxYears: number;
  tariff: RenewalTariff;
}

const params = (s: RenewalScope) => [
  s.regencyCode,
  s.villageCode,
  s.fromYear,
  s.ageMaxYears,
  s.tariff.incomeRp,
  s.tariff.fundingSource,
  s.tariff.programs,
  s.tariff.monthlyRp,
];

export interface RenewalCount {
  regionCode: string;
  regionName: string;
  renewed: number;
  agedOut: number;
  ended: number;
  overQuota: number;
  overBudget: number;
  noAllocation: number;
}

/** Per village: carried over, and left out by reason (from the classified rows `c`). */
const COUNT_BY_VILLAGE = `SELECT c.region_code AS "regionCode", g.name AS "regionName",
    count(*) FILTER (WHERE c.reason IS NULL)::int AS renewed,
    count(*) FILTER (WHERE c.reason = 'aged_out')::int AS "agedOut",
    count(*) FILTER (WHERE c.reason = 'ended')::int AS ended,
    count(*) FILTER (WHERE c.reason = 'over_quota')::int AS "overQuota",
    count(*) FILTER (WHERE c.reason = 'over_budget')::int AS "overBudget",
    count(*) FILTER (WHERE c.reason = 'no_allocation')::int AS "noAllocation"
  FROM c JOIN region g ON g.code = c.region_code
  GROUP BY c.region_code, g.name`;

/** What a renewal would do, per village: carried over, and left out by reason. */
export async function previewRenewal(q: Queryable, s: RenewalScope): Promise<RenewalCount[]> {
  const r = await q.query<RenewalCount>(`WITH c AS (${CLASSIFY}) ${COUNT_BY_VILLAGE} ORDER BY 1`, params(s));
  return r.rows;
}

/**
 * The renewal in one statement: its row, the next year's membership rows of those who carry over,
 * the left-out list with reasons, and the counts per village. Members whose year had already
 * expired (ended on 1 January by endExpiredMemberships) and who carry over are left for
 * reinstateRenewed.
 */
export async function applyRenewal(q: Queryable, s: RenewalScope, who: { actor: string; at: string }) {
  const r = await q.query<
    RenewalCount & { id: number; renewedAll: number; leftOutAll: number; toReinstate: number }
  >(
    `WITH c AS MATERIALIZED (${CLASSIFY}),
     rn AS (
       INSERT INTO budget_renewal (regency_code, village_code, from_year, to_year, renewed, left_out, actor, at)
       SELECT $1, $2, $3::int, $3::int + 1, count(*) FILTER (WHERE reason IS NULL),
              count(*) FILTER (WHERE reason IS NOT NULL), $9, $10::timestamptz FROM c
       RETURNING id, renewed, left_out),
     ins AS (
       INSERT INTO membership_year (participant_id, fiscal_year, regency_code, allocation_id, renewal_id)
       SELECT c.id, $3::int + 1, $1, c.allocation_id, rn.id FROM c, rn WHERE c.reason IS NULL ORDER BY c.id),
     lo AS (
       INSERT INTO budget_renewal_left_out (renewal_id, participant_id, reason)
       SELECT rn.id, c.id, c.reason FROM c, rn WHERE c.reason IS NOT NULL),
     v AS (${COUNT_BY_VILLAGE})
     SELECT rn.id, rn.renewed AS "renewedAll", rn.left_out AS "leftOutAll",
            (SELECT count(*) FROM c WHERE c.reason IS NULL AND c.expired_or_ended)::int AS "toReinstate", v.*
     FROM rn LEFT JOIN v ON true ORDER BY v."regionCode"`,
    [...params(s), who.actor, who.at],
  );
  const first = r.rows[0]!;
  return {
    renewal: { id: first.id, renewed: first.renewedAll, leftOut: first.leftOutAll },
    /** Carried over though their year had expired: for reinstateRenewed. */
    toReinstate: first.toReinstate,
    villages: r.rows
      .filter((row) => row.regionCode !== null)
      .map(({ id: _id, renewedAll: _r, leftOutAll: _l, toReinstate: _t, ...v }) => v),
  };
}

/** Members of a renewal whose year had expired: active again from 1 January of the new year. */
export async function reinstateRenewed(q: Queryable, renewalId: number, who: { actor: string; at: string }) {
  const r = await q.query(
    `WITH back AS (
       UPDATE participant pa SET status = 'active', status_since = make_date(rn.to_year, 1, 1)
       FROM membership_year my JOIN budget_renewal rn ON rn.id = my.renewal_id
       WHERE my.renewal_id = $1 AND pa.id = my.participant_id AND pa.status = 'ended'
       RETURNING pa.id, pa.regency_code, rn.id AS renewal_id, rn.to_year)
     INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT id, regency_code, 'active', make_date(to_year, 1, 1),
            'budget year ' || to_year || ' renewal ' || renewal_id || ' / diperpanjang', $2, $3::timestamptz
     FROM back ORDER BY id`,
    [renewalId, who.actor, who.at],
  );
  return r.rowCount;
}

export interface LeftOutRow {
  participantId: number;
  kpj: string;
  fullName: string;
  birthDate: string;
  regionCode: string;
  reason: LeftOutReason;
}

/** Who a renewal left out and why, in village then KPJ order. */
export async function leftOutOf(q: Queryable, renewalId: number, limit: number): Promise<LeftOutRow[]> {
  const r = await q.query<LeftOutRow>(
    `SELECT pa.id AS "participantId", pa.kpj, pe.full_name AS "fullName", pe.birth_date AS "birthDate",
            pa.region_code AS "regionCode", l.reason
     FROM budget_renewal_left_out l JOIN participant pa ON pa.id = l.participant_id
     JOIN person pe ON pe.id = pa.person_id
     WHERE l.renewal_id = $1 ORDER BY pa.region_code, pa.kpj LIMIT $2`,
    [renewalId, limit],
  );
  return r.rows;
}
