import type { Queryable } from '../src/db/types.ts';
import type { Actor, Deps } from '../src/services/actor.ts';
import { registerProject } from '../src/services/register-project.ts';
import { insertBulkParticipants } from '../test/support/bulk-participants.ts';
import { insertBulkFormalWorkers } from './billing-population.ts';
import type { MixedGroup } from './mixed-split.ts';

// The mixed population of the billing benchmark (issue 13): every kind of participant a regency
// has, written set-based like the other bench populations, with what the monthly run does with
// each. Only PU, agent-collected BPU and village-funded workers get lines from the run: a
// self-paying BPU member (personal payment code, 1/3/6/12 months at once) is invoiced with each
// payment (0028), and a construction project's premium is invoiced when it is registered (0024).

export interface MixedOptions {
  regencyCode: string;
  /** The billed period (PU wage reports, budget year). */
  period: string;
  effectiveDate: string;
  at: string;
}

const WORKERS_PER_PROJECT = 500;
const AGENTS = 200;

/** The regency's villages (the first 200 in code order), round robin for the generated people. */
async function villageCodes(q: Queryable, regencyCode: string) {
  const r = await q.query<{ code: string }>(
    `SELECT code FROM region WHERE regency_code = $1 AND level = 'village' ORDER BY code LIMIT 200`,
    [regencyCode],
  );
  return r.rows.map((x) => x.code);
}

/** n persons with NIKs prefix + a 10-digit serial 1..n, named `name` + serial. */
async function insertPersons(
  q: Queryable,
  n: number,
  prefix: string,
  name: string,
  villages: string[],
  at: string,
) {
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, region_code, created_at)
     SELECT $2 || lpad(i::text, 10, '0'), $3 || i, name_key($3), date '1972-01-01' + (i % 11000),
            CASE WHEN i % 2 = 0 THEN 'P' ELSE 'L' END, 'Pedagang', ($4::text[])[1 + i % cardinality($4::text[])],
            $5::timestamptz
     FROM generate_series(1, $1::int) AS i`,
    [n, prefix, name, villages, at],
  );
}

/**
 * Self-paying BPU members (SELF), as registerBpu writes them: participant, status, registration
 * with the payment code '88' + KPJ. Agent-collected ones (monthly) share their agent's payer;
 * personal ones each have their own payer and pay 1, 3, 6 or 12 months at once (member i: the
 * (i mod 4)-th). Declared incomes vary, some below the minimum; one member in three adds JHT.
 */
async function insertBpuCohort(
  q: Queryable,
  o: MixedOptions & {
    count: number;
    nikPrefix: string;
    collection: 'agent' | 'personal';
    villages: string[];
  },
) {
  const agent = o.collection === 'agent';
  const name = agent ? 'Anggota Perisai ' : 'Pekerja Mandiri ';
  await insertPersons(q, o.count, o.nikPrefix, name, o.villages, o.at);
  // The payer: an agent's (kind 'self', as agentPayer writes it) or the member's own.
  await q.query(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT 'self', CASE WHEN $2 THEN 'Agen Perisai ' || lpad(g::text, 4, '0') ELSE $4 || g END,
            ($3::text[])[1 + g % cardinality($3::text[])], $5::timestamptz
     FROM generate_series(1, CASE WHEN $2 THEN least($1::int, $6::int) ELSE $1::int END) AS g`,
    [o.count, agent, o.villages, name, o.at, AGENTS],
  );
  await q.query(
    `WITH w AS (
       SELECT i, p.id AS person_id, p.region_code, pay.id AS payer_id, pay.name AS payer_name
       FROM generate_series(1, $1::int) AS i
       JOIN person p ON p.nik = $2 || lpad(i::text, 10, '0')
       JOIN payer pay ON pay.kind = 'self'
         AND pay.name = CASE WHEN $3 THEN 'Agen Perisai ' || lpad((1 + i % least($1::int, $8::int))::text, 4, '0')
                             ELSE $7 || i END),
     pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         declared_income_rp, status, status_since, created_at)
       SELECT next_kpj(extract(year FROM $5::date)::int), w.person_id, 'BPU',
              CASE WHEN w.i % 3 = 0 THEN ARRAY['JKK', 'JKM', 'JHT'] ELSE ARRAY['JKK', 'JKM'] END, 'SELF', w.payer_id,
              w.region_code, $4, 750000 + (w.i % 97) * 51370, 'active', $5::date, $6::timestamptz
       FROM w ORDER BY w.i
       RETURNING id, person_id, regency_code, status_since, kpj),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'active', status_since, 'bench BPU mandiri', 'bench', $6::timestamptz FROM pa)
     INSERT INTO bpu_registration (participant_id, regency_code, payment_code, frequency_months, collection, agent_name,
       registered_on, registered_by, created_at)
     SELECT pa.id, pa.regency_code, '88' || pa.kpj, CASE WHEN $3 THEN 1 ELSE (ARRAY[1, 3, 6, 12])[1 + w.i % 4] END,
            CASE WHEN $3 THEN 'agent' ELSE 'personal' END, CASE WHEN $3 THEN w.payer_name END, $5::date, 'bench',
            $6::timestamptz
     FROM pa JOIN w ON w.person_id = pa.person_id`,
    [o.count, o.nikPrefix, agent, o.regencyCode, o.effectiveDate, o.at, name, AGENTS],
  );
}

/**
 * The regency keeps its budget in lindung: one agreement for the fiscal year, an allocation for
 * every budget-funded payer (a year of its workers at the minimum, twice over), and each
 * village-funded membership's year row, so the run's budget gate and warnings work as in a
 * district that records its budget.
 */
async function fundVillageCohort(q: Queryable, o: MixedOptions) {
  const year = Number(o.period.slice(0, 4));
  const agreement = await q.query<{ id: number }>(
    `INSERT INTO agreement (number, title, regency_code, office_code, signed_on, valid_from, valid_to, signatories,
       legal_basis, created_at, created_by)
     SELECT 'PKS/BENCH/' || $2::int, 'Perlindungan pekerja rentan ' || $2::int, $1,
            (SELECT office_code FROM office_region WHERE region_code = $1 ORDER BY office_code LIMIT 1),
            make_date($2::int, 1, 5), make_date($2::int, 1, 1), make_date($2::int, 12, 31), '[]'::jsonb, ARRAY['bench'],
            $3::timestamptz, 'bench'
     RETURNING id`,
    [o.regencyCode, year, o.at],
  );
  await q.query(
    `INSERT INTO budget_allocation (agreement_id, payer_id, funding_source, fiscal_year, amount_rp)
     SELECT $1, pa.payer_id, min(pa.funding_source), $3, count(*) * 16800 * 12 * 2
     FROM participant pa WHERE pa.regency_code = $2 AND pa.funding_source IN ('APBDES', 'APBD')
     GROUP BY pa.payer_id`,
    [agreement.rows[0]!.id, o.regencyCode, year],
  );
  await q.query(
    `INSERT INTO membership_year (participant_id, fiscal_year, regency_code, allocation_id)
     SELECT pa.id, $2, pa.regency_code, al.id
     FROM participant pa JOIN budget_allocation al ON al.payer_id = pa.payer_id AND al.fiscal_year = $2
     WHERE pa.regency_code = $1 AND pa.funding_source IN ('APBDES', 'APBD')
     ORDER BY pa.id`,
    [o.regencyCode, year],
  );
}

/**
 * Construction projects registered through registerProject (their premium invoiced to the
 * contractor, one of the PU employers, in their start month), then their workers written
 * set-based as changeProjectWorkers leaves them once the premium is paid: a JAKON participant
 * (JKK + JKM, paid by the contractor) active from the project's start, and its project_worker row.
 */
async function insertJakonProjects(
  deps: Deps,
  actor: Actor,
  o: MixedOptions & { count: number; villages: string[] },
) {
  const projects = Math.max(1, Math.ceil(o.count / WORKERS_PER_PROJECT));
  for (let k = 1; k <= projects; k++) {
    await registerProject(deps, actor, {
      projectNumber: `BENCH/JAKON/${k}`,
      name: `Proyek jalan desa ${k}`,
      ownerName: 'Dinas PUPR',
      contractorNpp: `5399${String(1 + (k % 300)).padStart(5, '0')}`,
      contractValueRp: 500_000_000 + (k % 20) * 250_000_000,
      // Started in the months before the billed one and in it (the run must leave their premium invoices alone).
      startDate: `${o.period.slice(0, 4)}-${String(6 + (k % 7)).padStart(2, '0')}-01`,
      endDate: `${Number(o.period.slice(0, 4)) + 1}-06-30`,
      regionCode: o.villages[k % o.villages.length]!,
    });
  }
  await deps.db.transaction(async (tx) => {
    await insertPersons(tx, o.count, '539500', 'Pekerja Konstruksi ', o.villages, o.at);
    await tx.query(
      `WITH cp AS (
         SELECT cp.*, e.payer_id, row_number() OVER (ORDER BY cp.id) AS k
         FROM construction_project cp JOIN employer e ON e.id = cp.contractor_employer_id
         WHERE cp.regency_code = $2),
       w AS (
         SELECT i, p.id AS person_id, cp.id AS project_id, cp.payer_id, cp.region_code, cp.regency_code,
                cp.start_date, cp.end_date
         FROM generate_series(1, $1::int) AS i
         JOIN person p ON p.nik = '539500' || lpad(i::text, 10, '0')
         JOIN cp ON cp.k = 1 + i % $3::int),
       pa AS (
         INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
           status, status_since, created_at)
         SELECT next_kpj(extract(year FROM w.start_date)::int), w.person_id, 'JAKON', ARRAY['JKK', 'JKM'], 'EMPLOYER',
                w.payer_id, w.region_code, w.regency_code, 'active', w.start_date, $4::timestamptz
         FROM w ORDER BY w.i
         RETURNING id, person_id, regency_code, status_since),
       st AS (
         INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
         SELECT id, regency_code, 'active', status_since, 'bench JAKON project premium paid', 'bench', $4::timestamptz
         FROM pa)
       INSERT INTO project_worker (project_id, person_id, participant_id, regency_code, joined_on, left_on)
       SELECT w.project_id, w.person_id, pa.id, pa.regency_code, w.start_date, w.end_date
       FROM pa JOIN w ON w.person_id = pa.person_id`,
      [o.count, o.regencyCode, projects, o.at],
    );
  });
  return projects;
}

/**
 * Writes the whole mixed population of split (PU first: the projects' contractors are PU
 * employers); returns the number of projects and the seconds each step took.
 */
export async function insertMixedPopulation(
  deps: Deps,
  actor: Actor,
  split: Record<MixedGroup, number>,
  o: MixedOptions,
): Promise<{ projects: number; steps: [string, number][] }> {
  const steps: [string, number][] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    steps.push([name, (performance.now() - t0) / 1000]);
    return value;
  };
  await deps.db.transaction(async (tx) => {
    const villages = await villageCodes(tx, o.regencyCode);
    await step('PU', () =>
      insertBulkFormalWorkers(tx, {
        regencyCode: o.regencyCode,
        count: split.pu,
        employers: 300,
        period: o.period,
        effectiveDate: o.effectiveDate,
        at: o.at,
        nikPrefix: '539800',
      }),
    );
    if (split.village > 0) {
      await step('village-funded', () =>
        insertBulkParticipants(tx, {
          regencyCode: o.regencyCode,
          count: split.village,
          effectiveDate: o.effectiveDate,
          at: o.at,
        }),
      );
      await step('budget', () => fundVillageCohort(tx, o));
    }
    for (const [collection, count, nikPrefix] of [
      ['agent', split.bpuAgent, '539700'],
      ['personal', split.bpuPersonal, '539600'],
    ] as const)
      if (count > 0)
        await step(`BPU ${collection}`, () =>
          insertBpuCohort(tx, { ...o, count, nikPrefix, collection, villages }),
        );
  });
  if (split.jakon === 0) return { projects: 0, steps };
  const villages = await villageCodes(deps.db, o.regencyCode);
  const projects = await step('Jakon', () =>
    insertJakonProjects(deps, actor, { ...o, count: split.jakon, villages }),
  );
  return { projects, steps };
}
