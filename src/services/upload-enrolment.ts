import { recordAudit } from '../db/audit.ts';
import {
  type BatchRow,
  findBatchInScope,
  findDraftBatchId,
  findUploadBySha,
  insertBatch,
  insertStagingRows,
  insertUpload,
  type StagingColumns,
  stagedRows,
  supersedeInvalidRows,
  uploadCounts,
  validateUpload,
} from '../db/enrolment.ts';
import type { Queryable } from '../db/types.ts';
import { AppError, type Lang } from '../errors.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { officeDate } from './clock.ts';
import type { EnrolmentFileRow } from './enrolment-file.ts';
import { parseEnrolmentFile } from './enrolment-file.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { rowReports } from './enrolment-rows.ts';

const CHUNK_ROWS = 20_000;

export interface UploadInput {
  villageCode: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun?: boolean;
  fundingSource?: 'APBDES' | 'APBD';
  lang?: Lang;
  onProgress?: (msg: string) => void;
}

function columns(rows: EnrolmentFileRow[]): StagingColumns {
  return {
    rowNumber: rows.map((r) => r.rowNumber),
    nik: rows.map((r) => r.nik),
    nikNotText: rows.map((r) => r.nikNotText),
    fullName: rows.map((r) => r.fullName),
    birthDateRaw: rows.map((r) => r.birthDateRaw),
    birthDate: rows.map((r) => r.birthDate),
    sex: rows.map((r) => r.sex),
    occupation: rows.map((r) => r.occupation),
    phone: rows.map((r) => r.phone),
    address: rows.map((r) => r.address),
    villageCode: rows.map((r) => r.villageCode),
    incomeRaw: rows.map((r) => r.incomeRaw),
    declaredIncomeRp: rows.map((r) => r.declaredIncomeRp),
  };
}

async function villageInScope(q: Queryable, actor: Actor, code: string) {
  const r = await q.query<{ level: string }>(
    'SELECT level FROM region WHERE code = $1 AND region_in_scope(code, $2::text[])',
    [code, actor.regionScopes],
  );
  if (r.rows[0]?.level !== 'village') throw new AppError('REGION_NOT_FOUND', { code });
}

export interface UploadResult {
  batch: BatchRow;
  upload: {
    id: number;
    fileName: string;
    rows: number;
    valid: number;
    invalid: number;
    kept: number;
    warnings: number;
  };
  problems: ReturnType<typeof rowReports>;
  dryRun: boolean;
}

class DryRun extends Error {
  constructor(readonly result: UploadResult) {
    super('dry run');
  }
}

/**
 * Stages an enrolment file into the village's draft batch and validates every row in SQL.
 * The file is parsed completely before anything is written; a dry run rolls everything back.
 */
export async function uploadEnrolment(deps: Deps, actor: Actor, input: UploadInput): Promise<UploadResult> {
  if (!actor.permissions.includes('enrolment.upload')) throw new AppError('FORBIDDEN');
  const progress = input.onProgress ?? (() => undefined);
  await villageInScope(deps.db, actor, input.villageCode);
  progress('reading file…');
  const file = await parseEnrolmentFile(input.bytes, input.fileName);
  progress(`${file.rows.length} rows read (${file.format})`);
  const policy = await enrolmentPolicy(deps.db, input.villageCode.slice(0, 5));
  const at = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      let batchId = await findDraftBatchId(tx, input.villageCode);
      const open = await tx.query<{ id: number; status: string }>(
        `SELECT id, status FROM enrolment_batch WHERE village_code = $1 AND status IN ('submitted', 'verified') LIMIT 1`,
        [input.villageCode],
      );
      if (!batchId && open.rows[0]) {
        throw new AppError('BATCH_STATE', { batch: open.rows[0].id, status: open.rows[0].status });
      }
      batchId ??= await insertBatch(tx, {
        villageCode: input.villageCode,
        fundingSource: input.fundingSource ?? 'APBDES',
        by: actor.username,
        at,
      });
      if (await findUploadBySha(tx, batchId, file.sha256)) throw new AppError('FILE_ALREADY_UPLOADED');
      const uploadId = await insertUpload(tx, {
        batchId,
        fileName: input.fileName.slice(0, 200),
        sha256: file.sha256,
        rowCount: file.rows.length,
        by: actor.username,
        at,
      });
      for (let i = 0; i < file.rows.length; i += CHUNK_ROWS) {
        await insertStagingRows(tx, batchId, uploadId, columns(file.rows.slice(i, i + CHUNK_ROWS)));
        progress(`staged ${Math.min(i + CHUNK_ROWS, file.rows.length)} / ${file.rows.length}`);
      }
      await supersedeInvalidRows(tx, batchId);
      // Fresh statistics let the planner hash-join the staged rows instead of looping over them.
      await tx.query('ANALYZE enrolment_row');
      // The checks sort the upload twice (duplicates in the file); keep those sorts in memory.
      await tx.query(`SET LOCAL work_mem = '128MB'`);
      progress('validating…');
      await validateUpload(tx, uploadId, officeDate(at), policy.ageMinYears, policy.ageMaxYears);
      const counts = await uploadCounts(tx, uploadId);
      progress(`${counts.valid} valid, ${counts.invalid} invalid, ${counts.kept} already in the batch`);
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'enrolment.upload',
        entity: 'enrolment_batch',
        entityId: String(batchId),
        regionCode: input.villageCode,
        after: { uploadId, fileName: input.fileName, sha256: file.sha256, rows: file.rows.length, ...counts },
      });
      const batch = (await findBatchInScope(tx, batchId, actor.regionScopes)) as BatchRow;
      const problems = rowReports(
        await stagedRows(tx, { uploadId }, true),
        input.lang ?? 'id',
        policy,
        SEES_PERSONAL_DATA.includes(actor.role),
      );
      const result: UploadResult = {
        batch,
        upload: { id: uploadId, fileName: input.fileName, rows: file.rows.length, ...counts },
        problems,
        dryRun: input.dryRun ?? false,
      };
      if (input.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
}
