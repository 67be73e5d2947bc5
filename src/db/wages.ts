// Set-based SQL of the wage report import: stage the file's rows, validate them all at once,
// apply joins, leaves and wage changes, and upsert the month's wage_report. Every statement
// touches the whole upload; nothing loops over rows in JS.
import { appliedExitsSql } from './applied-exits.ts';
import { type EndedMembership, endTakenOverMemberships } from './memberships.ts';
import type { Queryable } from './types.ts';

/** PU programmes a wage-report join gets: JKK, JKM, JHT, JP (fact sheet §1.2); JP opt-out and JKP go through the form. */
export const WAGE_JOIN_PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP'];

/** What a joining worker's active memberships mean for the join (precedenceTable of the PU join). */
export interface JoinPrecedence {
  takesOver: readonly string[];
  refused: readonly { key: string; code: string }[];
}

/** One row of the wage file as the staging writes it (the parser's WageFileRow extends it). */
export interface WageStageRow {
  rowNumber: number;
  nik: string;
  nikNotText: boolean;
  fullName: string;
  wageRaw: string;
  wageRp: number | null;
  mutationRaw: string;
  mutation: string | null;
  birthRaw: string;
  birthDate: string | null;
  sex: string;
}

export interface WagePeriod {
  uploadId: number;
  employerId: number;
  period: string;
  /** First and last day of the period, YYYY-MM-DD. */
  start: string;
  end: string;
}

export async function findRepeatedUpload(q: Queryable, employerId: number, period: string, sha256: string) {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM wage_upload WHERE employer_id = $1 AND period = $2 AND file_sha256 = $3 ORDER BY id LIMIT 1`,
    [employerId, period, sha256],
  );
  return r.rows[0]?.id ?? null;
}

export async function insertWageUpload(
  q: Queryable,
  u: {
    employerId: number;
    period: string;
    fileName: string;
    sha256: string;
    rows: number;
    by: string;
    at: string;
  },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO wage_upload (employer_id, regency_code, period, file_name, file_sha256, row_count, uploaded_by, uploaded_at)
     SELECT id, regency_code, $2, $3, $4, $5, $6, $7 FROM employer WHERE id = $1 RETURNING id`,
    [u.employerId, u.period, u.fileName, u.sha256, u.rows, u.by, u.at],
  );
  return r.rows[0]!.id;
}

export async function insertWageRows(q: Queryable, uploadId: number, rows: readonly WageStageRow[]) {
  const col = <K extends keyof WageStageRow>(k: K) => rows.map((r) => r[k]);
  await q.query(
    `INSERT INTO wage_upload_row (upload_id, regency_code, row_number, nik, nik_not_text, full_name, wage_raw, wage_rp,
       mutation_raw, mutation, birth_raw, birth_date, sex)
     SELECT $1, (SELECT regency_code FROM wage_upload WHERE id = $1), *
     FROM unnest($2::int[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[],
                 $10::text[], $11::date[], $12::text[])`,
    [
      uploadId,
      col('rowNumber'),
      col('nik'),
      col('nikNotText'),
      col('fullName'),
      col('wageRaw'),
      col('wageRp'),
      col('mutationRaw'),
      col('mutation'),
      col('birthRaw'),
      col('birthDate'),
      col('sex'),
    ],
  );
}

/**
 * Finds each row's person and its employment at this employer during the period, writes the
 * row's problems ('field:CODE') and, for a valid row, what applying it will do.
 */
export async function validateWageRows(q: Queryable, p: WagePeriod, precedence: JoinPrecedence) {
  await q.query(
    `UPDATE wage_upload_row w
     SET person_id = v.person_id, employment_id = v.employment_id, errors = v.errors,
         outcome = CASE WHEN cardinality(v.errors) = 0 THEN v.outcome END
     FROM (
       SELECT x.id, x.person_id, x.em_id AS employment_id,
         CASE WHEN x.nik_not_text THEN ARRAY['nik:NIK_NOT_TEXT']
              ELSE (SELECT coalesce(array_agg('nik:' || c), '{}') FROM unnest(nik_problems(x.nik,
                      CASE WHEN x.person_id IS NULL THEN x.birth_date END,
                      CASE WHEN x.person_id IS NULL THEN x.sex END)) AS c) END
         || array_remove(ARRAY[
           CASE WHEN x.nik <> '' AND x.same_nik > 1 THEN 'nik:DUPLICATE_IN_FILE' END,
           CASE WHEN x.nik ~ '^\\d{16}$' AND x.mutation <> 'join' AND x.em_id IS NULL THEN 'nik:NOT_EMPLOYED' END,
           CASE WHEN x.mutation = 'join' AND x.person_id IS NULL AND x.full_name = '' THEN 'fullName:REQUIRED' END,
           CASE WHEN x.mutation = 'join' AND x.person_id IS NULL AND x.birth_date IS NULL
                THEN CASE WHEN x.birth_raw = '' THEN 'birthDate:REQUIRED' ELSE 'birthDate:DATE_INVALID' END END,
           CASE WHEN x.mutation = 'join' AND x.person_id IS NULL AND x.sex NOT IN ('L', 'P')
                THEN CASE WHEN x.sex = '' THEN 'sex:REQUIRED' ELSE 'sex:SEX_INVALID' END END,
           CASE WHEN x.wage_rp IS NULL OR x.wage_rp <= 0 THEN 'wage:WAGE_INVALID' END,
           CASE WHEN x.mutation IS NULL THEN 'mutation:MUTATION_INVALID' END,
           CASE WHEN x.mutation = 'join' THEN 'nik:' || x.held_code END], NULL) AS errors,
         CASE
           WHEN x.mutation = 'join' AND (x.em_id IS NULL OR x.em_end IS NOT NULL) THEN 'join'
           WHEN x.mutation = 'leave' THEN CASE WHEN x.em_end IS NULL THEN 'leave' ELSE 'unchanged' END
           WHEN x.em_wage <> x.wage_rp AND $4 >= coalesce(x.em_wage_period, '') THEN 'wage_change'
           ELSE 'unchanged' END AS outcome
       FROM (
         SELECT w.id, w.nik, w.nik_not_text, w.full_name, w.wage_rp, w.mutation, w.birth_raw, w.birth_date, w.sex,
                p.id AS person_id, em.id AS em_id, em.end_date AS em_end, em.wage_rp AS em_wage,
                em.wage_period AS em_wage_period, count(*) OVER (PARTITION BY w.nik) AS same_nik, held.code AS held_code
         FROM wage_upload_row w
         LEFT JOIN person p ON p.nik = w.nik
         -- A membership the PU join may not sit beside (src/rules/kepesertaan.ts, decided per key in TS).
         LEFT JOIN LATERAL (
           SELECT min(r.code) AS code FROM participant pa
           JOIN unnest($6::text[], $7::text[]) AS r (key, code) ON r.key = pa.segment || ':' || pa.funding_source
           WHERE pa.person_id = p.id AND pa.status = 'active' AND pa.programs && $8::text[]) AS held ON true
         LEFT JOIN LATERAL (
           SELECT e.id, e.end_date, e.wage_rp, e.wage_period FROM employment e
           WHERE e.employer_id = $2 AND e.person_id = p.id AND e.start_date <= $5::date
             AND (e.end_date IS NULL OR e.end_date >= $3::date)
           ORDER BY e.end_date DESC NULLS FIRST LIMIT 1) AS em ON true
         WHERE w.upload_id = $1) AS x
     ) AS v
     WHERE w.id = v.id`,
    [
      p.uploadId,
      p.employerId,
      p.start,
      p.period,
      p.end,
      precedence.refused.map((r) => r.key),
      precedence.refused.map((r) => r.code),
      WAGE_JOIN_PROGRAMS,
    ],
  );
}

interface ApplyBy {
  actor: string;
  at: string;
  kpjYear: number;
  takesOver: readonly string[];
}

async function applyJoins(q: Queryable, p: WagePeriod, a: ApplyBy): Promise<EndedMembership[]> {
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, created_at)
     SELECT nik, full_name, name_key(full_name), birth_date, sex, $2 FROM wage_upload_row
     WHERE upload_id = $1 AND outcome = 'join' AND person_id IS NULL
     ON CONFLICT (nik) DO NOTHING`,
    [p.uploadId, a.at],
  );
  await q.query(
    `UPDATE wage_upload_row w SET person_id = p.id FROM person p
     WHERE w.upload_id = $1 AND w.outcome = 'join' AND w.person_id IS NULL AND p.nik = w.nik`,
    [p.uploadId],
  );
  // PU takes over from BPU: those memberships end from the period's first day, before the PU
  // membership is written (the one-membership trigger checks at the end of each statement).
  const joining = await q.query<{ personId: number }>(
    `SELECT person_id AS "personId" FROM wage_upload_row WHERE upload_id = $1 AND outcome = 'join'`,
    [p.uploadId],
  );
  const ended = await endTakenOverMemberships(q, {
    personIds: joining.rows.map((r) => r.personId),
    takesOver: a.takesOver,
    programs: WAGE_JOIN_PROGRAMS,
    onDate: p.start,
    reason: `double coverage: PU by wage report ${p.period}`,
    actor: a.actor,
    at: a.at,
  });
  await q.query(
    `WITH j AS (SELECT person_id, wage_rp FROM wage_upload_row WHERE upload_id = $1 AND outcome = 'join'),
     pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         status, status_since, created_at)
       SELECT next_kpj($7), j.person_id, 'PU', $8::text[], 'EMPLOYER', e.payer_id,
              e.region_code, e.regency_code, 'active', $3::date, $6
       FROM j CROSS JOIN employer e WHERE e.id = $2
       RETURNING id, person_id, regency_code),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'active', $3::date, 'wage report ' || $4 || ': join', $5, $6 FROM pa)
     INSERT INTO employment (employer_id, person_id, participant_id, regency_code, start_date, wage_rp, wage_period, created_at)
     SELECT $2, pa.person_id, pa.id, pa.regency_code, $3::date, j.wage_rp, $4, $6 FROM pa JOIN j USING (person_id)`,
    [p.uploadId, p.employerId, p.start, p.period, a.actor, a.at, a.kpjYear, WAGE_JOIN_PROGRAMS],
  );
  return ended;
}

/** Applies the valid rows: joins, leaves (ended on the period's last day), wage changes, the report. */
export async function applyWageRows(q: Queryable, p: WagePeriod, a: ApplyBy): Promise<EndedMembership[]> {
  const ended = await applyJoins(q, p, a);
  await q.query(
    `WITH l AS (
       UPDATE employment em SET end_date = $2::date FROM wage_upload_row w
       WHERE w.upload_id = $1 AND w.outcome = 'leave' AND em.id = w.employment_id RETURNING em.participant_id),
     -- The status before the end: sibling CTEs read the statement's snapshot, not the update.
     was AS (SELECT id, status FROM participant WHERE id IN (SELECT participant_id FROM l)),
     pa AS (
       UPDATE participant SET status = 'ended', status_since = $2::date FROM l
       WHERE participant.id = l.participant_id
       RETURNING participant.id, participant.regency_code, participant.region_code),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'ended', $2::date, 'wage report ' || $3 || ': leave', $4, $5 FROM pa)
     -- An employer's leave is the same event as every other end (0017, docs/membership.md).
     ${appliedExitsSql(
       `SELECT pa.id AS participant_id, pa.regency_code, pa.region_code, 'termination' AS reason,
               $2::date AS effective_date, 'wage report ' || $3 || ': leave' AS note, was.status AS status_before,
               NULL::bigint AS claim_id
        FROM pa JOIN was ON was.id = pa.id`,
       { actor: '$4', at: '$5' },
     )}`,
    [p.uploadId, p.end, p.period, a.actor, a.at],
  );
  await q.query(
    `UPDATE employment em SET wage_rp = w.wage_rp, wage_period = $2 FROM wage_upload_row w
     WHERE w.upload_id = $1 AND w.outcome = 'wage_change' AND em.id = w.employment_id`,
    [p.uploadId, p.period],
  );
  await q.query(
    `INSERT INTO wage_report (employer_id, regency_code, period, person_id, wage_rp, mutation, reported_by, reported_at)
     SELECT $2, regency_code, $3, person_id, wage_rp, mutation, $4, $5 FROM wage_upload_row
     WHERE upload_id = $1 AND cardinality(errors) = 0
     ON CONFLICT (employer_id, period, person_id) DO UPDATE
       SET wage_rp = EXCLUDED.wage_rp, mutation = EXCLUDED.mutation, reported_by = EXCLUDED.reported_by,
           reported_at = EXCLUDED.reported_at
       WHERE (wage_report.wage_rp, wage_report.mutation) IS DISTINCT FROM (EXCLUDED.wage_rp, EXCLUDED.mutation)`,
    [p.uploadId, p.employerId, p.period, a.actor, a.at],
  );
  return ended;
}

export interface WageCounts {
  rows: number;
  valid: number;
  invalid: number;
  joined: number;
  left: number;
  wageChanged: number;
  unchanged: number;
}

export async function wageCounts(q: Queryable, uploadId: number): Promise<WageCounts> {
  const r = await q.query<WageCounts>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE cardinality(errors) = 0)::int AS valid,
       count(*) FILTER (WHERE cardinality(errors) > 0)::int AS invalid,
       count(*) FILTER (WHERE outcome = 'join')::int AS joined, count(*) FILTER (WHERE outcome = 'leave')::int AS left,
       count(*) FILTER (WHERE outcome = 'wage_change')::int AS "wageChanged",
       count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged
     FROM wage_upload_row WHERE upload_id = $1`,
    [uploadId],
  );
  return r.rows[0]!;
}

export async function setUploadSummary(q: Queryable, uploadId: number, summary: WageCounts) {
  await q.query('UPDATE wage_upload SET summary = $2 WHERE id = $1', [uploadId, JSON.stringify(summary)]);
}

export async function uploadSummary(q: Queryable, uploadId: number) {
  const r = await q.query<{ summary: WageCounts }>('SELECT summary FROM wage_upload WHERE id = $1', [
    uploadId,
  ]);
  return r.rows[0]!.summary;
}

export async function invalidWageRows(q: Queryable, uploadId: number) {
  const r = await q.query<{ rowNumber: number; nik: string; fullName: string; errors: string[] }>(
    `SELECT row_number AS "rowNumber", nik, full_name AS "fullName", errors FROM wage_upload_row
     WHERE upload_id = $1 AND cardinality(errors) > 0 ORDER BY row_number`,
    [uploadId],
  );
  return r.rows;
}
