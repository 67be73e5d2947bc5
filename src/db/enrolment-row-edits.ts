// One row of a village's draft batch, as the village corrects or removes it before submission:
// the stored values to fill the edit form, and the row's replacement (the old row becomes
// 'superseded'; a correction is validated as a one-row upload by queries/validate-enrolment.sql).
import { type ProblemRow, splitIssues } from './enrolment-rows.ts';
import type { Queryable } from './types.ts';

export interface EditableRow {
  rowId: number;
  uploadId: number;
  rowNumber: number;
  state: 'new' | 'valid' | 'invalid' | 'kept' | 'superseded';
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  occupation: string;
  phone: string;
  address: string;
  villageCode: string;
  income: string;
}

/** The row as it was entered (raw birth date and income text), locked for its replacement. */
export async function findBatchRow(
  q: Queryable,
  batchId: number,
  rowId: number,
  lock = false,
): Promise<EditableRow | null> {
  const r = await q.query<EditableRow>(
    `SELECT id AS "rowId", upload_id AS "uploadId", row_number AS "rowNumber", state,
       coalesce(nik, '') AS nik, coalesce(full_name, '') AS "fullName",
       coalesce(birth_date_raw, '') AS "birthDate", coalesce(sex, '') AS sex,
       coalesce(occupation, '') AS occupation, coalesce(phone, '') AS phone, coalesce(address, '') AS address,
       coalesce(village_code, '') AS "villageCode", coalesce(income_raw, '') AS income
     FROM enrolment_row WHERE batch_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [batchId, rowId],
  );
  return r.rows[0] ?? null;
}

/** The row leaves the batch: a correction replaces it, or the village removes it. */
export async function supersedeRow(q: Queryable, rowId: number): Promise<void> {
  await q.query(`UPDATE enrolment_row SET state = 'superseded' WHERE id = $1`, [rowId]);
}

/** The row a one-row correction upload wrote (its only row), in any state. */
export async function uploadedRow(q: Queryable, uploadId: number): Promise<ProblemRow> {
  const r = await q.query<Omit<ProblemRow, 'errors' | 'warnings'> & { errors: string[]; warnings: string[] }>(
    `SELECT id AS "rowId", row_number AS "rowNumber", coalesce(nik, '') AS nik, coalesce(full_name, '') AS "fullName",
       coalesce(birth_date_raw, '') AS "birthDateRaw", coalesce(sex, '') AS sex, coalesce(occupation, '') AS occupation,
       state, errors, warnings
     FROM enrolment_row WHERE upload_id = $1`,
    [uploadId],
  );
  const row = r.rows[0]!;
  return { ...row, errors: splitIssues(row.errors), warnings: splitIssues(row.warnings) };
}
