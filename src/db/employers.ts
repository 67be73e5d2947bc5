import type { Queryable } from './types.ts';

// Employers, business types, and the persons/participants an employer's workers become.

/** Who may see an employer: its region is in scope, or the caller is the employer itself (NPP). */
export interface EmployerAccess {
  scopes: readonly string[];
  npp: string | null;
}

export interface BusinessTypeRow {
  code: string;
  name: string;
  riskGroup: number;
  source: string;
  status: 'partial' | 'confirmed';
  updatedBy: string;
  updatedAt: string | null;
}

const SELECT_BUSINESS_TYPE = `SELECT code, name, risk_group::int AS "riskGroup", source, status,
  updated_by AS "updatedBy", updated_at AS "updatedAt" FROM business_type`;

export async function listBusinessTypes(q: Queryable) {
  return (await q.query<BusinessTypeRow>(`${SELECT_BUSINESS_TYPE} ORDER BY risk_group, code`)).rows;
}

export async function findBusinessType(q: Queryable, code: string, lock = false) {
  const r = await q.query<BusinessTypeRow>(
    `${SELECT_BUSINESS_TYPE} WHERE code = $1${lock ? ' FOR UPDATE' : ''}`,
    [code],
  );
  return r.rows[0] ?? null;
}

export async function upsertBusinessType(
  q: Queryable,
  b: {
    code: string;
    name: string;
    riskGroup: number;
    source: string;
    status: string;
    by: string;
    at: string;
  },
) {
  await q.query(
    `INSERT INTO business_type (code, name, risk_group, source, status, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, risk_group = EXCLUDED.risk_group,
       source = EXCLUDED.source, status = EXCLUDED.status, updated_by = EXCLUDED.updated_by,
       updated_at = EXCLUDED.updated_at`,
    [b.code, b.name, b.riskGroup, b.source, b.status, b.by, b.at],
  );
}

export interface EmployerRow {
  id: number;
  npp: string;
  name: string;
  businessTypeCode: string;
  businessTypeName: string;
  riskGroup: number;
  riskGroupReason: string | null;
  scale: 'micro' | 'small' | 'medium' | 'large';
  isGovernment: boolean;
  regionCode: string;
  regionName: string;
  regencyCode: string;
  payerId: number;
  createdAt: string;
  activeEmployees: number;
}

const SELECT_EMPLOYER = `SELECT e.id, e.npp, e.name, e.business_type_code AS "businessTypeCode",
  bt.name AS "businessTypeName", e.risk_group::int AS "riskGroup", e.risk_group_reason AS "riskGroupReason",
  e.scale, e.is_government AS "isGovernment", e.region_code AS "regionCode", g.name AS "regionName",
  e.regency_code AS "regencyCode", e.payer_id AS "payerId", e.created_at AS "createdAt",
  (SELECT count(*)::int FROM employment em WHERE em.employer_id = e.id AND em.end_date IS NULL) AS "activeEmployees"
  FROM employer e JOIN business_type bt ON bt.code = e.business_type_code JOIN region g ON g.code = e.region_code`;

const IN_ACCESS = `(region_in_scope(e.region_code, $1::text[]) OR e.npp = $2::text)`;

export async function findEmployer(q: Queryable, npp: string, a: EmployerAccess, lock = false) {
  const r = await q.query<EmployerRow>(
    `${SELECT_EMPLOYER} WHERE ${IN_ACCESS} AND e.npp = $3${lock ? ' FOR UPDATE OF e' : ''}`,
    [a.scopes, a.npp, npp],
  );
  return r.rows[0] ?? null;
}

/**
 * Employers in access by name, the id as the unique tiebreaker, after the employer `afterId` (keyset
 * paging, src/services/keyset-page.ts); `total` counts every match, not only those after the cursor.
 */
export async function listEmployers(
  q: Queryable,
  a: EmployerAccess,
  f: { search: string | null; limit: number; afterId: number | null },
) {
  const r = await q.query<EmployerRow & { total: number }>(
    `SELECT y.* FROM (SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT_EMPLOYER}
       WHERE ${IN_ACCESS} AND ($3::text IS NULL OR e.npp = $3 OR e.name ILIKE '%' || $3 || '%')) AS x) AS y
     WHERE $5::bigint IS NULL OR (y.name, y.id) > (SELECT name, id FROM employer WHERE id = $5)
     ORDER BY y.name, y.id LIMIT $4`,
    [a.scopes, a.npp, f.search, f.limit, f.afterId],
  );
  return { total: r.rows[0]?.total ?? 0, rows: r.rows.map(({ total: _, ...row }) => row) };
}

export interface NewEmployer {
  npp: string;
  name: string;
  businessTypeCode: string;
  riskGroup: number;
  riskGroupReason: string | null;
  scale: string;
  isGovernment: boolean;
  regionCode: string;
  by: string;
  at: string;
}

/** The employer and the payer its invoices go to, in one statement. */
export async function insertEmployer(q: Queryable, e: NewEmployer): Promise<number> {
  const r = await q.query<{ id: number }>(
    `WITH pay AS (INSERT INTO payer (kind, name, region_code, created_at) VALUES ('employer', $2, $8, $10) RETURNING id)
     INSERT INTO employer (npp, name, business_type_code, risk_group, risk_group_reason, scale, is_government,
       region_code, regency_code, payer_id, created_by, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, left($8, 5), pay.id, $9, $10 FROM pay RETURNING id`,
    [
      e.npp,
      e.name,
      e.businessTypeCode,
      e.riskGroup,
      e.riskGroupReason,
      e.scale,
      e.isGovernment,
      e.regionCode,
      e.by,
      e.at,
    ],
  );
  return r.rows[0]!.id;
}

/** Persons given by NIK with the data a new one needs; problems per index as 'field:CODE'. */
export interface PersonInput {
  nik: string;
  fullName: string | null;
  birthDate: string | null;
  sex: string | null;
}

/**
 * Set-based check of a list of persons: NIK structure (nik_problems, the enrolment's rules) and,
 * for a NIK not yet in the registry, the name, birth date and sex a new person needs.
 */
export async function personProblems(q: Queryable, list: readonly PersonInput[]) {
  const r = await q.query<{ i: number; problems: string[] }>(
    `SELECT x.i::int AS i,
       array_remove(array_cat(
         (SELECT coalesce(array_agg('nik:' || c), '{}') FROM unnest(nik_problems(x.nik, x.birth, x.sex)) AS c),
         ARRAY[CASE WHEN p.id IS NULL AND coalesce(x.full_name, '') = '' THEN 'fullName:REQUIRED' END,
               CASE WHEN p.id IS NULL AND x.birth IS NULL THEN 'birthDate:REQUIRED' END,
               CASE WHEN p.id IS NULL AND coalesce(x.sex, '') = '' THEN 'sex:REQUIRED'
                    WHEN p.id IS NULL AND x.sex NOT IN ('L', 'P') THEN 'sex:SEX_INVALID' END]),
         NULL) AS problems
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]) WITH ORDINALITY AS x (nik, full_name, birth, sex, i)
     LEFT JOIN person p ON p.nik = x.nik
     ORDER BY x.i`,
    [
      list.map((p) => p.nik),
      list.map((p) => p.fullName),
      list.map((p) => p.birthDate),
      list.map((p) => p.sex),
    ],
  );
  return r.rows.map((row) => row.problems);
}

/** Creates the persons not yet registered; the others are left as they are. */
export async function insertPersonsIfNew(q: Queryable, list: readonly PersonInput[], at: string) {
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, created_at)
     SELECT nik, full_name, name_key(full_name), birth, sex, $5
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]) AS x (nik, full_name, birth, sex)
     WHERE full_name IS NOT NULL AND birth IS NOT NULL AND sex IN ('L', 'P')
     ON CONFLICT (nik) DO NOTHING`,
    [
      list.map((p) => p.nik),
      list.map((p) => p.fullName),
      list.map((p) => p.birthDate),
      list.map((p) => p.sex),
      at,
    ],
  );
}

export interface EmploymentView {
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  startDate: string;
  endDate: string | null;
  wageRp: number;
  programs: string[];
  status: string;
  /** The work unit (OPD) code of a Non-ASN worker; null otherwise. */
  workUnitCode: string | null;
}

export async function findEmployment(q: Queryable, employmentId: number) {
  const r = await q.query<EmploymentView>(
    `SELECT em.id, pa.kpj, p.nik, p.full_name AS "fullName", em.start_date AS "startDate", em.end_date AS "endDate",
            em.wage_rp AS "wageRp", pa.programs, pa.status, u.code AS "workUnitCode"
     FROM employment em JOIN participant pa ON pa.id = em.participant_id JOIN person p ON p.id = em.person_id
     LEFT JOIN work_unit u ON u.id = em.work_unit_id
     WHERE em.id = $1`,
    [employmentId],
  );
  return r.rows[0] ?? null;
}

/** A PU participant with its KPJ, its first status row and the employment, in one statement. */
export async function insertEmployment(
  q: Queryable,
  e: {
    employerId: number;
    nik: string;
    startDate: string;
    wageRp: number;
    programs: string[];
    actor: string;
    at: string;
    kpjYear: number;
    /** The work unit (OPD) of a Non-ASN worker of a government employer. */
    workUnitId?: number | null;
  },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `WITH pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         status, status_since, created_at)
       SELECT next_kpj($8), p.id, 'PU', $5::text[], 'EMPLOYER', e.payer_id, e.region_code, e.regency_code,
              'active', $3::date, $7
       FROM employer e, person p WHERE e.id = $1 AND p.nik = $2
       RETURNING id, person_id, regency_code),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'active', $3::date, 'registered by employer form', $6, $7 FROM pa)
     INSERT INTO employment (employer_id, person_id, participant_id, regency_code, start_date, wage_rp, created_at,
       work_unit_id)
     SELECT $1, pa.person_id, pa.id, pa.regency_code, $3::date, $4, $7, $9::bigint FROM pa RETURNING id`,
    [e.employerId, e.nik, e.startDate, e.wageRp, e.programs, e.actor, e.at, e.kpjYear, e.workUnitId ?? null],
  );
  return r.rows[0]!.id;
}

export async function hasOpenEmployment(q: Queryable, employerId: number, nik: string) {
  const r = await q.query(
    `SELECT 1 FROM employment em JOIN person p ON p.id = em.person_id
     WHERE em.employer_id = $1 AND p.nik = $2 AND em.end_date IS NULL`,
    [employerId, nik],
  );
  return r.rows.length > 0;
}

/** Age in whole years on a date, of a person found by NIK, or null. */
export async function ageOn(q: Queryable, nik: string, onDate: string) {
  const r = await q.query<{ years: number }>(
    `SELECT extract(year FROM age($2::date, birth_date))::int AS years FROM person WHERE nik = $1`,
    [nik, onDate],
  );
  return r.rows[0]?.years ?? null;
}

export async function employerExists(q: Queryable, npp: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM employer WHERE npp = $1', [npp])).rows.length > 0;
}
