// The rows of an enrolment upload: staged from the file with COPY, validated into enrolment_row
// in one statement (queries/validate-enrolment.sql), and read back for the row report.
import { readFileSync } from 'node:fs';
import type { Queryable } from './types.ts';

const VALIDATE_SQL = readFileSync(new URL('./queries/validate-enrolment.sql', import.meta.url), 'utf8');

/**
 * name_key() of an ASCII name, as JavaScript computes it: name_key's regular expression costs more
 * per row than the rest of the staging. Used only while the database's lower() maps ASCII as
 * JavaScript does (ASCII_LOWER_AS_JS, checked in the same statement), so keys stay exact.
 */
function asciiNameKey(name: string): string | null {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant
  return /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase().replace(/[^a-z]/g, '') : null;
}

const ASCII_LOWER_AS_JS = `name_key('AZaz09 .,-') = 'azaz' AND name_key('ABCDEFGHIJKLMNOPQRSTUVWXYZ') = 'abcdefghijklmnopqrstuvwxyz'`;

/** One row as read from the file (the fields of EnrolmentFileRow the staging writes). */
export interface StageRow {
  rowNumber: number;
  nik: string;
  nikNotText: boolean;
  nameInvalid: boolean;
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
}

/**
 * A temporary table for one upload's rows as read, dropped at commit or rollback. It has no index,
 * key or WAL, so writing it costs little; the rows reach enrolment_row once, already validated.
 */
export async function createStage(q: Queryable): Promise<void> {
  await q.query(`CREATE TEMPORARY TABLE enrolment_stage (
    row_number int NOT NULL, nik text, nik_not_text boolean NOT NULL, full_name text, name_key text,
    birth_date_raw text, birth_date date, sex text, occupation text, phone text, address text,
    village_code text, income_raw text, declared_income_rp bigint, name_invalid boolean NOT NULL) ON COMMIT DROP`);
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY text format: \N for null; backslash, tab and line breaks escaped. */
function copyText(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  const text = String(v);
  if (!COPY_SPECIAL.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const STAGE_COLUMNS = `enrolment_stage (row_number, nik, nik_not_text, full_name, name_key, birth_date_raw,
  birth_date, sex, occupation, phone, address, village_code, income_raw, declared_income_rp, name_invalid)`;

/**
 * Writes the rows into the stage with COPY (the cheapest way in on both databases), then fills the
 * name keys JavaScript did not compute (non-ASCII names, or a database whose lower() differs).
 */
export async function insertStagingRows(q: Queryable, rows: readonly StageRow[]) {
  const lines = rows.map((r) => {
    const key = asciiNameKey(r.fullName);
    const text = [
      r.nik,
      r.fullName,
      r.birthDateRaw,
      r.sex,
      r.occupation,
      r.phone,
      r.address,
      r.villageCode,
      r.incomeRaw,
    ];
    // Almost every row needs no escape: one test of its text fields decides.
    const e = COPY_SPECIAL.test(text.join('')) ? text.map(copyText) : text;
    return `${r.rowNumber}\t${e[0]}\t${r.nikNotText ? 't' : 'f'}\t${e[1]}\t${copyText(key)}\t${e[2]}\t${copyText(r.birthDate)}\t${e[3]}\t${e[4]}\t${e[5]}\t${e[6]}\t${e[7]}\t${e[8]}\t${copyText(r.declaredIncomeRp)}\t${r.nameInvalid ? 't' : 'f'}\n`;
  });
  await q.copyIn(STAGE_COLUMNS, lines.join(''));
  await q.query(
    `UPDATE enrolment_stage SET name_key = name_key(full_name) WHERE name_key IS NULL OR NOT (${ASCII_LOWER_AS_JS})`,
  );
  // Row counts and value spreads let the planner hash-join the staged rows to the registry.
  await q.query('ANALYZE enrolment_stage (nik, name_key, birth_date)');
}

/** A new upload replaces the batch's earlier invalid rows (the corrected file brings them again). */
export async function supersedeInvalidRows(q: Queryable, batchId: number): Promise<void> {
  await q.query(`UPDATE enrolment_row SET state = 'superseded' WHERE batch_id = $1 AND state = 'invalid'`, [
    batchId,
  ]);
}

/** The checks sort the upload twice (duplicates in the file); keep those sorts in memory. */
export async function raiseSortMemory(q: Queryable): Promise<void> {
  await q.query(`SET LOCAL work_mem = '128MB'`);
}

/** Validates the staged rows and writes them to the batch in one statement; the upload's counts. */
export async function validateUpload(
  q: Queryable,
  v: {
    batchId: number;
    uploadId: number;
    asOf: string;
    ageMin: number;
    ageMax: number;
    /** Regions whose conflicting records may be named; others are told only as NEEDS_BRANCH_REVIEW. */
    scopes: readonly string[];
  },
): Promise<StateCounts> {
  const r = await q.query<StateCounts>(VALIDATE_SQL, [
    v.batchId,
    v.uploadId,
    v.asOf,
    v.ageMin,
    v.ageMax,
    v.scopes,
  ]);
  return r.rows[0]!;
}

export interface StateCounts {
  valid: number;
  invalid: number;
  kept: number;
  warnings: number;
}

export interface StagedRow {
  /** enrolment_row.id: row numbers repeat across a batch's uploads. */
  rowId: number;
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
export function splitIssues(list: string[]): { field: string; code: string }[] {
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
    `SELECT id AS "rowId", row_number AS "rowNumber", coalesce(nik, '') AS nik, coalesce(full_name, '') AS "fullName",
       coalesce(birth_date_raw, '') AS "birthDateRaw", birth_date::text AS "birthDate", coalesce(sex, '') AS sex,
       coalesce(occupation, '') AS occupation, coalesce(phone, '') AS phone, coalesce(address, '') AS address,
       coalesce(village_code, '') AS "villageCode", coalesce(income_raw, '') AS "incomeRaw",
       declared_income_rp AS "declaredIncomeRp", nik_not_text AS "nikNotText", state, errors, warnings
     FROM enrolment_row WHERE ${col} = $1 ${onlyProblems ? `AND (state = 'invalid' OR cardinality(warnings) > 0)` : `AND state NOT IN ('superseded', 'kept')`}
     ORDER BY upload_id, row_number`,
    [id],
  );
  return r.rows.map((row) => ({
    ...row,
    errors: splitIssues(row.errors),
    warnings: splitIssues(row.warnings),
  }));
}

/** The fields a row report shows. */
export type ProblemRow = Pick<
  StagedRow,
  | 'rowId'
  | 'rowNumber'
  | 'nik'
  | 'fullName'
  | 'birthDateRaw'
  | 'sex'
  | 'occupation'
  | 'state'
  | 'errors'
  | 'warnings'
>;

/**
 * An upload's rows with an error or a warning, in file order: only the columns the report shows,
 * as one JSON document (a warning on every row is possible: one value parses far faster than 100,000
 * rows through either driver).
 */
export async function problemRows(q: Queryable, uploadId: number): Promise<ProblemRow[]> {
  const r = await q.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_object('rowId', id, 'rowNumber', row_number, 'nik', coalesce(nik, ''),
       'fullName', coalesce(full_name, ''), 'birthDateRaw', coalesce(birth_date_raw, ''), 'sex', coalesce(sex, ''),
       'occupation', coalesce(occupation, ''), 'state', state, 'errors', errors, 'warnings', warnings)
       ORDER BY row_number), '[]')::text AS rows
     FROM enrolment_row WHERE upload_id = $1 AND (state = 'invalid' OR cardinality(warnings) > 0)`,
    [uploadId],
  );
  const rows = JSON.parse(r.rows[0]!.rows) as (Omit<ProblemRow, 'errors' | 'warnings'> & {
    errors: string[];
    warnings: string[];
  })[];
  return rows.map((row) => ({
    ...row,
    errors: splitIssues(row.errors),
    warnings: splitIssues(row.warnings),
  }));
}
