// Construction (JAKON) projects and the workers covered for their duration.

import type { Explanation } from '../rules/explanation.ts';
import type { IuranLine } from '../rules/iuran/types.ts';
import type { EmployerAccess, PersonInput } from './employers.ts';
import { PROJECT_COVERED } from './project-invoices.ts';
import type { Queryable } from './types.ts';

/** The premium's workings as register-project stores them (JSON): the rule result's own shapes. */
export interface PremiumBasis extends Explanation {
  period: string;
  contractValueRp: number;
  lines: IuranLine[];
}

export interface ProjectRow {
  id: number;
  projectNumber: string;
  name: string;
  ownerName: string;
  contractorNpp: string;
  contractorName: string;
  /** The contractor's payer: the project's premium invoices are addressed to it. */
  contractorPayerId: number;
  contractValueRp: number;
  startDate: string;
  endDate: string;
  regionCode: string;
  regionName: string;
  regencyCode: string;
  premiumRp: number;
  premiumBasis: PremiumBasis;
  status: string;
  createdAt: string;
  workers: number;
  /** The registration premium invoice is paid in full: the workers are covered (0024). */
  covered: boolean;
}

const SELECT_PROJECT = `SELECT cp.id, cp.project_number AS "projectNumber", cp.name, cp.owner_name AS "ownerName",
  e.npp AS "contractorNpp", e.name AS "contractorName", e.payer_id AS "contractorPayerId",
  cp.contract_value_rp AS "contractValueRp",
  cp.start_date AS "startDate", cp.end_date AS "endDate", cp.region_code AS "regionCode", g.name AS "regionName",
  cp.regency_code AS "regencyCode", cp.premium_rp AS "premiumRp", cp.premium_basis AS "premiumBasis", cp.status,
  cp.created_at AS "createdAt",
  (SELECT count(*)::int FROM project_worker w WHERE w.project_id = cp.id) AS workers,
  ${PROJECT_COVERED} AS covered
  FROM construction_project cp JOIN employer e ON e.id = cp.contractor_employer_id
  JOIN region g ON g.code = cp.region_code`;

/** In the caller's regions, or the caller is the contractor itself (employer user). */
const IN_ACCESS = `(region_in_scope(cp.region_code, $1::text[]) OR e.npp = $2::text)`;

export async function findProject(q: Queryable, projectNumber: string, a: EmployerAccess, lock = false) {
  const r = await q.query<ProjectRow>(
    `${SELECT_PROJECT} WHERE ${IN_ACCESS} AND cp.project_number = $3${lock ? ' FOR UPDATE OF cp' : ''}`,
    [a.scopes, a.npp, projectNumber],
  );
  return r.rows[0] ?? null;
}

/** Projects in access, newest start first, the id as the unique tiebreaker, after the project `afterId` (keyset paging). */
export async function listProjects(
  q: Queryable,
  a: EmployerAccess,
  f: { limit: number; afterId: number | null },
) {
  const r = await q.query<ProjectRow & { total: number }>(
    `SELECT y.* FROM (SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT_PROJECT}
       WHERE ${IN_ACCESS}) AS x) AS y
     WHERE $4::bigint IS NULL
        OR (y."startDate", y.id) < (SELECT start_date, id FROM construction_project WHERE id = $4)
     ORDER BY y."startDate" DESC, y.id DESC LIMIT $3`,
    [a.scopes, a.npp, f.limit, f.afterId],
  );
  return { total: r.rows[0]?.total ?? 0, rows: r.rows.map(({ total: _, ...row }) => row) };
}

export interface NewProject {
  projectNumber: string;
  name: string;
  ownerName: string;
  contractorEmployerId: number;
  contractValueRp: number;
  startDate: string;
  endDate: string;
  regionCode: string;
  premiumRp: number;
  premiumBasis: PremiumBasis;
  by: string;
  at: string;
}

export async function insertProject(q: Queryable, p: NewProject): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO construction_project (project_number, name, owner_name, contractor_employer_id, contract_value_rp,
       start_date, end_date, region_code, regency_code, premium_rp, premium_basis, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, left($8, 5), $9, $10, 'registered', $11, $12) RETURNING id`,
    [
      p.projectNumber,
      p.name,
      p.ownerName,
      p.contractorEmployerId,
      p.contractValueRp,
      p.startDate,
      p.endDate,
      p.regionCode,
      p.premiumRp,
      JSON.stringify(p.premiumBasis),
      p.by,
      p.at,
    ],
  );
  return r.rows[0]!.id;
}

/**
 * Adds the persons not yet on the project, each with a JAKON participant (JKK, JKM) paid by the
 * contractor for the project's duration (joined_on to left_on). They wait (status 'verified', no
 * status history) until the project's premium is paid; activateCoveredProjectWorkers then gives
 * them 'active' at the start and 'ended' at the end. Returns how many were added.
 */
export async function addProjectWorkers(
  q: Queryable,
  a: {
    projectId: number;
    people: readonly PersonInput[];
    at: string;
    kpjYear: number;
  },
): Promise<number> {
  const r = await q.query(
    `WITH cp AS (SELECT * FROM construction_project WHERE id = $1),
     x AS (
       SELECT DISTINCT p.id AS person_id FROM unnest($2::text[]) AS n (nik) JOIN person p ON p.nik = n.nik
       WHERE NOT EXISTS (SELECT 1 FROM project_worker w WHERE w.project_id = $1 AND w.person_id = p.id)),
     pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         status, status_since, created_at)
       SELECT next_kpj($4), x.person_id, 'JAKON', ARRAY['JKK', 'JKM'], 'EMPLOYER', e.payer_id, cp.region_code,
              cp.regency_code, 'verified', cp.start_date, $3
       FROM x CROSS JOIN cp JOIN employer e ON e.id = cp.contractor_employer_id
       RETURNING id, person_id, regency_code)
     INSERT INTO project_worker (project_id, person_id, participant_id, regency_code, joined_on, left_on)
     SELECT $1, pa.person_id, pa.id, pa.regency_code, cp.start_date, cp.end_date FROM pa CROSS JOIN cp`,
    [a.projectId, a.people.map((p) => p.nik), a.at, a.kpjYear],
  );
  return r.rowCount;
}

/**
 * Ends the coverage of workers taken off the project before its end: left_on and an 'ended'
 * status row on that date. Returns how many were removed.
 */
export async function removeProjectWorkers(
  q: Queryable,
  a: {
    projectId: number;
    niks: readonly string[];
    leftOn: readonly string[];
    today: string;
    actor: string;
    at: string;
    /** The status history's reason (default: removed from the project). */
    reason?: string;
  },
): Promise<number> {
  const r = await q.query<{ n: number }>(
    `WITH x AS (
       SELECT w.id, w.participant_id, n.left_on FROM unnest($2::text[], $3::date[]) AS n (nik, left_on)
       JOIN person p ON p.nik = n.nik JOIN project_worker w ON w.project_id = $1 AND w.person_id = p.id
       WHERE n.left_on >= w.joined_on AND n.left_on < w.left_on),
     upd AS (UPDATE project_worker w SET left_on = x.left_on FROM x WHERE w.id = x.id RETURNING w.id),
     pa AS (
       UPDATE participant pa SET status = CASE WHEN x.left_on < $4::date THEN 'ended' ELSE pa.status END,
         status_since = CASE WHEN x.left_on < $4::date THEN x.left_on ELSE pa.status_since END
       -- A worker still waiting for the premium has no cover to end: left_on is all that changes.
       FROM x WHERE pa.id = x.participant_id AND pa.status <> 'verified' RETURNING pa.id, pa.regency_code, x.left_on),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT pa.id, pa.regency_code, 'ended', pa.left_on, $7, $5, $6 FROM pa)
     SELECT count(*)::int AS n FROM upd`,
    [a.projectId, a.niks, a.leftOn, a.today, a.actor, a.at, a.reason ?? 'removed from JAKON project'],
  );
  return r.rows[0]!.n;
}

export interface ProjectWorkerRow {
  kpj: string;
  nik: string;
  fullName: string;
  joinedOn: string;
  leftOn: string;
  status: string;
}

export async function listProjectWorkers(q: Queryable, projectId: number) {
  const r = await q.query<ProjectWorkerRow>(
    `SELECT pa.kpj, p.nik, p.full_name AS "fullName", w.joined_on AS "joinedOn", w.left_on AS "leftOn", pa.status
     FROM project_worker w JOIN person p ON p.id = w.person_id JOIN participant pa ON pa.id = w.participant_id
     WHERE w.project_id = $1 ORDER BY p.full_name, pa.kpj`,
    [projectId],
  );
  return r.rows;
}

/**
 * A project's end moved later: workers covered to the old end are covered to the new one. Their
 * history gets 'active' again on the old end (after its 'ended' row: same day, later id, so the
 * day stays covered) and 'ended' on the new end; waiting workers only get the new left_on.
 */
export async function extendProjectWorkers(
  q: Queryable,
  a: { projectId: number; oldEnd: string; newEnd: string; today: string; actor: string; at: string },
): Promise<number> {
  const r = await q.query<{ n: number }>(
    `WITH upd AS (
       UPDATE project_worker w SET left_on = $3 WHERE w.project_id = $1 AND w.left_on = $2::date
       RETURNING w.participant_id, w.regency_code),
     pa AS (
       UPDATE participant pa SET status = CASE WHEN $3::date < $4::date THEN 'ended' ELSE 'active' END,
         status_since = CASE WHEN $3::date < $4::date THEN $3::date ELSE $2::date END
       FROM upd WHERE pa.id = upd.participant_id AND pa.status <> 'verified' RETURNING pa.id, upd.regency_code),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT pa.id, pa.regency_code, s.status, s.on_date, s.reason, $5, $6
       FROM pa CROSS JOIN (VALUES ('active', $2::date, 'JAKON project extended'),
                                  ('ended', $3::date, 'JAKON project ends (extended)')) AS s (status, on_date, reason))
     SELECT count(*)::int AS n FROM upd`,
    [a.projectId, a.oldEnd, a.newEnd, a.today, a.actor, a.at],
  );
  return r.rows[0]!.n;
}
