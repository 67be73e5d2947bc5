import { createHash } from 'node:crypto';
import { recordAudit } from '../db/audit.ts';
import { type BatchRow, findBatchInScope, insertUpload } from '../db/enrolment-batches.ts';
import { type EditableRow, findBatchRow, supersedeRow, uploadedRow } from '../db/enrolment-row-edits.ts';
import { createStage, insertStagingRows, validateUpload } from '../db/enrolment-rows.ts';
import type { Queryable } from '../db/types.ts';
import { AppError, type Lang } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { officeDate } from './clock.ts';
import type { ColumnField, ColumnIndex } from './enrolment-file/columns.ts';
import { buildRow } from './enrolment-file/row.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { type RowReport, rowReports } from './enrolment-rows.ts';
import { auditBatchViewed } from './personal-data-views.ts';

// The village corrects or removes a row of its draft batch on screen, instead of editing the
// spreadsheet and uploading it again (issue 15, point 5). A correction goes through the same
// parsing and the same validation statement as a file: it is a one-row upload that replaces the
// row, so every check (NIK structure, age, duplicates, one membership) applies unchanged.

/** The fields a correction may set, as the operator types them (as in the file's columns). */
export type RowFields = Record<Exclude<ColumnField, 'incomeRaw'> | 'income', string>;

const FIELD_OF: Record<keyof RowFields, ColumnField> = {
  nik: 'nik',
  fullName: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  occupation: 'occupation',
  phone: 'phone',
  address: 'address',
  villageCode: 'villageCode',
  income: 'incomeRaw',
};

/**
 * The fields the operator typed, read exactly as the same cells of an uploaded file would be: one
 * text cell per field, the index telling which column holds which field.
 */
function asFileRow(rowNumber: number, fields: RowFields) {
  const index: ColumnIndex = {};
  const cells = (Object.keys(FIELD_OF) as (keyof RowFields)[]).map((key, col) => {
    index[FIELD_OF[key]] = col;
    return { kind: 'text' as const, text: fields[key] };
  });
  return buildRow({ rowNumber, cells }, index);
}

/** The batch, if the caller may edit its rows: enrolment.upload, in scope, still a draft. */
async function editableBatch(tx: Queryable, actor: Actor, batchId: number): Promise<BatchRow> {
  requirePermission(actor, 'enrolment.upload');
  const batch = await requireInScope(tx, actor, 'enrolment_batch', batchId, { lock: true });
  if (batch.status !== 'draft') throw new AppError('BATCH_STATE', { batch: batch.id, status: batch.status });
  return batch;
}

async function currentRow(tx: Queryable, batchId: number, rowId: number): Promise<EditableRow> {
  const row = await findBatchRow(tx, batchId, rowId, true);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state !== 'valid' && row.state !== 'invalid')
    throw new AppError('ENROLMENT_ROW_REPLACED', { row: row.rowNumber });
  return row;
}

/** A row's stored values for the edit form; the view of the person in full is audited. */
export async function showEnrolmentRow(deps: Deps, actor: Actor, batchId: number, rowId: number) {
  requirePermission(actor, 'enrolment.upload');
  const batch = await requireInScope(deps.db, actor, 'enrolment_batch', batchId);
  const row = await findBatchRow(deps.db, batchId, rowId);
  if (!row) throw new AppError('NOT_FOUND');
  await auditBatchViewed(deps, actor, batch, 1);
  const { uploadId: _upload, ...fields } = row;
  return { row: fields };
}

/** Replaces the row with the corrected values, validated as a one-row upload; the new row's report. */
export async function correctEnrolmentRow(
  deps: Deps,
  actor: Actor,
  input: { batchId: number; rowId: number; fields: RowFields; lang?: Lang },
): Promise<{ batch: BatchRow; row: RowReport }> {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const batch = await editableBatch(tx, actor, input.batchId);
    const before = await currentRow(tx, batch.id, input.rowId);
    const policy = await enrolmentPolicy(tx, batch.regencyCode);
    const fileRow = asFileRow(before.rowNumber, input.fields);
    await supersedeRow(tx, before.rowId);
    const uploadId = await insertUpload(tx, {
      batchId: batch.id,
      fileName: `koreksi baris ${before.rowNumber}`,
      // Unique per correction: the same values typed twice are two corrections, not one file.
      sha256: createHash('sha256').update(`row ${before.rowId} corrected at ${at}`).digest('hex'),
      rowCount: 1,
      by: actor.username,
      at,
    });
    await createStage(tx);
    await insertStagingRows(tx, [fileRow]);
    const counts = await validateUpload(tx, {
      batchId: batch.id,
      uploadId,
      asOf: officeDate(at),
      ageMin: policy.ageMinYears,
      ageMax: policy.ageMaxYears,
      scopes: [...actor.regionScopes, batch.villageCode.slice(0, 5)],
    });
    const written = await uploadedRow(tx, uploadId);
    const rowId = written.rowId;
    const changed = (Object.keys(input.fields) as (keyof RowFields)[]).filter(
      (k) => input.fields[k] !== before[k],
    );
    // Which fields changed and the states, never the values: the audit log holds no NIK or name.
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'enrolment.row_correct',
      entity: 'enrolment_batch',
      entityId: String(batch.id),
      regionCode: batch.villageCode,
      before: { rowId: before.rowId, rowNumber: before.rowNumber, state: before.state },
      after: { rowId, uploadId, changed, state: written.state, valid: counts.valid },
    });
    const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
    const report = rowReports([written], input.lang ?? 'id', policy, unmasked)[0]!;
    return { batch: (await findBatchInScope(tx, batch.id, actor.regionScopes)) as BatchRow, row: report };
  });
}

/** The village takes a person out of its draft batch before submitting it. */
export async function removeEnrolmentRow(deps: Deps, actor: Actor, batchId: number, rowId: number) {
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const batch = await editableBatch(tx, actor, batchId);
    const row = await currentRow(tx, batch.id, rowId);
    await supersedeRow(tx, row.rowId);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'enrolment.row_remove',
      entity: 'enrolment_batch',
      entityId: String(batch.id),
      regionCode: batch.villageCode,
      before: { rowId: row.rowId, rowNumber: row.rowNumber, state: row.state },
      after: { state: 'superseded' },
    });
    return { batch: (await findBatchInScope(tx, batch.id, actor.regionScopes)) as BatchRow };
  });
}
