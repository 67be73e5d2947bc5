import { readFileSync } from 'node:fs';
import type { Queryable } from './types.ts';

const VALIDATE_SQL = readFileSync(new URL('./queries/validate-enrolment.sql', import.meta.url), 'utf8');

export interface BatchRow {
  id: number;
  villageCode: string;
  villageName: string;
  regencyCode: string;
  fundingSource: string;
  status: 'draft' | 'submitted' | 'verified' | 'activated' | 'rejected';
  createdAt: string;
  submittedAt: string | null;
  verifiedAt: string | null;
  activatedAt: string | null;
  rejectReason: string | null;
  valid: number;
  invalid: number;
}

const SELECT_BATCH = `SELECT b.id, b.village_code AS "villageCode", g.name AS "villageName", b.regency_code AS "regencyCode",
  b.funding_source AS "fundingSource", b.status, b.created_at AS "createdAt", b.submitted_at AS "submittedAt",
  b.verified_at AS "verifiedAt", b.activated_at AS "activatedAt", b.reject_reason AS "rejectReason",
  (SELECT count(*)::int FROM enrolment_row r WHERE r.batch_id = b.id AND r.state = 'valid') AS valid,
  (SELECT count(*)::int FROM enrolment_row r WHERE r.batch_id = b.id AND r.state = 'invalid') AS invalid
  FROM enrolment_batch b JOIN region g ON g.code = b.village_code`;

export async function findBatchInScope(q: Queryable, id: number, scopes: readonly string[], lock = false) {
  const r = await q.query<BatchRow>(
    `${SELECT_BATCH} WHERE b.id = $1 AND region_in_scope(b.village_code, $2::text[])${lock ? ' FOR UPDATE OF b' : ''}`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

export async function listBatchesInScope(q: Queryable, scopes: readonly string[], status: string | null) {
  const r = await q.query<BatchRow>(
    `${SELECT_BATCH} WHERE region_in_scope(b.village_code, $1::text[]) AND ($2::text IS NULL OR b.status = $2)
     ORDER BY b.id DESC LIMIT 500`,
    [scopes, status],
  );
  return r.rows;
}

export async function findDraftBatchId(q: Queryable, villageCode: string): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM enrolment_batch WHERE village_code = $1 AND status = 'draft' FOR UPDATE`,
    [villageCode],
  );
  return r.rows[0]?.id ?? null;
}

export async function insertBatch(
  q: Queryable,
  b: { villageCode: string; fundingSource: string; by: string; at: string },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO enrolment_batch (village_code, regency_code, funding_source, status, created_by, created_at)
     VALUES ($1, left($1, 5), $2, 'draft', $3, $4) RETURNING id`,
    [b.villageCode, b.fundingSource, b.by, b.at],
  );
  return r.rows[0]!.id;
}

export async function findUploadBySha(q: Queryable, batchId: number, sha256: string) {
  const r = await q.query<{ id: number }>(
    'SELECT id FROM enrolment_upload WHERE batch_id = $1 AND file_sha256 = $2',
    [batchId, sha256],
  );
  return r.rows[0]?.id ?? null;
}

export async function insertUpload(
  q: Queryable,
  u: { batchId: number; fileName: string; sha256: string; rowCount: number; by: string; at: string },
) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO enrolment_upload (batch_id, file_name, file_sha256, row_count, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [u.batchId, u.fileName, u.sha256, u.rowCount, u.by, u.at],
  );
  return r.rows[0]!.id;
}

/** Column arrays of staging rows, written with one INSERT … SELECT unnest(…). */
export interface StagingColumns {
  rowNumber: number[];
  nik: string[];
  nikNotText: boolean[];
  fullName: string[];
  birthDateRaw: string[];
  birthDate: (string | null)[];
  sex: string[];
  occupation: string[];
  phone: string[];
  address: string[];
  villageCode: string[];
  incomeRaw: string[];
  declaredIncomeRp: (number | null)[];
}

export async function insertStagingRows(q: Queryable, batchId: number, uploadId: number, c: StagingColumns) {
  await q.query(
    `INSERT INTO enrolment_row (batch_id, upload_id, regency_code, row_number, nik, nik_not_text, full_name,
       birth_date_raw, birth_date, sex, occupation, phone, address, village_code, income_raw, declared_income_rp)
     SELECT $1, $2, (SELECT regency_code FROM enrolment_batch WHERE id = $1), *
     FROM unnest($3::int[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[],
                 $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[])`,
    [
      batchId,
      uploadId,
      c.rowNumber,
      c.nik,
      c.nikNotText,
      c.fullName,
      c.birthDateRaw,
      c.birthDate,
      c.sex,
      c.occupation,
      c.phone,
      c.address,
      c.villageCode,
      c.incomeRaw,
      c.declaredIncomeRp,
    ],
  );
}

/** A new upload replaces the batch's earlier invalid rows (the corrected file brings them again). */
export async function supersedeInvalidRows(q: Queryable, batchId: number): Promise<void> {
  await q.query(`UPDATE enrolment_row SET state = 'superseded' WHERE batch_id = $1 AND state = 'invalid'`, [
    batchId,
  ]);
}

export async function validateUpload(
  q: Queryable,
  uploadId: number,
  asOf: string,
  ageMin: number,
  ageMax: number,
) {
  await q.query(VALIDATE_SQL, [uploadId, asOf, ageMin, ageMax]);
}

export interface StateCounts {
  valid: number;
  invalid: number;
  kept: number;
  warnings: number;
}

export async function uploadCounts(q: Queryable, uploadId: number): Promise<StateCounts> {
  const r = await q.query<StateCounts>(
    `SELECT count(*) FILTER (WHERE state = 'valid')::int AS valid, count(*) FILTER (WHERE state = 'invalid')::int AS invalid,
            count(*) FILTER (WHERE state = 'kept')::int AS kept,
            count(*) FILTER (WHERE cardinality(warnings) > 0)::int AS warnings
     FROM enrolment_row WHERE upload_id = $1`,
    [uploadId],
  );
  return r.rows[0]!;
}

export interface StagedRow {
  rowNumber: number;
  nik: string;
  fullName: string;
  birthDateRaw: string;
  birthDate: string | null;
  sex: string;
  occupation: string;
  phone: string;
  address: string;
  villageCode: string;
  incomeRaw: string;
  declaredIncomeRp: number | null;
  nikNotText: boolean;
  state: 'new' | 'valid' | 'invalid' | 'kept' | 'superseded';
  errors: { field: string; code: string }[];
  warnings: { field: string; code: string }[];
}

/** 'field:CODE' as stored → { field, code }. */
function issues(list: string[]): { field: string; code: string }[] {
  return list.map((text) => {
    const [field, code] = text.split(':');
    return { field: field ?? '', code: code ?? '' };
  });
}

export async function stagedRows(
  q: Queryable,
  where: { uploadId: number } | { batchId: number },
  onlyProblems = false,
) {
  const [col, id] = 'uploadId' in where ? ['upload_id', where.uploadId] : ['batch_id', where.batchId];
  const r = await q.query<Omit<StagedRow, 'errors' | 'warnings'> & { errors: string[]; warnings: string[] }>(
    `SELECT row_number AS "rowNumber", coalesce(nik, '') AS nik, coalesce(full_name, '') AS "fullName",
       coalesce(birth_date_raw, '') AS "birthDateRaw", birth_date::text AS "birthDate", coalesce(sex, '') AS sex,
       coalesce(occupation, '') AS occupation, coalesce(phone, '') AS phone, coalesce(address, '') AS address,
       coalesce(village_code, '') AS "villageCode", coalesce(income_raw, '') AS "incomeRaw",
       declared_income_rp AS "declaredIncomeRp", nik_not_text AS "nikNotText", state, errors, warnings
     FROM enrolment_row WHERE ${col} = $1 ${onlyProblems ? `AND (state = 'invalid' OR cardinality(warnings) > 0)` : `AND state NOT IN ('superseded', 'kept')`}
     ORDER BY upload_id, row_number`,
    [id],
  );
  return r.rows.map((row) => ({ ...row, errors: issues(row.errors), warnings: issues(row.warnings) }));
}

export async function setBatchStatus(
  q: Queryable,
  id: number,
  status: Exclude<BatchRow['status'], 'draft'>,
  at: string,
  rejectReason: string | null = null,
) {
  const column = {
    submitted: 'submitted_at',
    verified: 'verified_at',
    activated: 'activated_at',
    rejected: 'rejected_at',
  }[status];
  await q.query(
    `UPDATE enrolment_batch SET status = $2, ${column} = $3, reject_reason = coalesce($4::text, reject_reason) WHERE id = $1`,
    [id, status, at, rejectReason],
  );
}
