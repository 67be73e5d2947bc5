import { recordAudit } from '../db/audit.ts';
import {
  type BatchRow,
  findBatchInScope,
  findDraftBatchId,
  findOpenBatch,
  findUploadBySha,
  insertBatch,
  insertUpload,
} from '../db/enrolment-batches.ts';
import {
  createStage,
  insertStagingRows,
  problemRows,
  raiseSortMemory,
  supersedeInvalidRows,
  validateUpload,
} from '../db/enrolment-rows.ts';
import { AppError, type Lang } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { officeDate } from './clock.ts';
import { parseEnrolmentFile } from './enrolment-file.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { rowReports } from './enrolment-rows.ts';

export interface UploadInput {
  villageCode: string;
  fileName: string;
  bytes: Uint8Array;
  dryRun?: boolean;
  fundingSource?: 'APBDES' | 'APBD';
  lang?: Lang;
  onProgress?: (msg: string) => void;
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
 * Where a conflicting record (covered, in another batch, a name-and-birth-date twin) may be named
 * to the caller: their own scopes and the batch's regency, whose villages enrol from one district
 * programme and are verified by one district office. A conflict anywhere else is told only as
 * NEEDS_BRANCH_REVIEW, for a dry run and a real upload alike (issue 14, L3).
 */
function conflictScopes(actor: Actor, villageCode: string): string[] {
  return [...actor.regionScopes, villageCode.slice(0, 5)];
}

/**
 * Stages an enrolment file into the village's draft batch and validates every row in SQL.
 * The file is parsed completely before anything is written; a dry run rolls everything back.
 */
export async function uploadEnrolment(deps: Deps, actor: Actor, input: UploadInput): Promise<UploadResult> {
  requirePermission(actor, 'enrolment.upload');
  await requireInScope(deps.db, actor, 'village', input.villageCode);
  const progress = input.onProgress ?? (() => undefined);
  progress('reading file…');
  const file = await parseEnrolmentFile(input.bytes, input.fileName);
  progress(`${file.rows.length} rows read (${file.format})`);
  const policy = await enrolmentPolicy(deps.db, input.villageCode.slice(0, 5));
  const at = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      let batchId = await findDraftBatchId(tx, input.villageCode);
      const open = await findOpenBatch(tx, input.villageCode);
      if (!batchId && open) throw new AppError('BATCH_STATE', { batch: open.id, status: open.status });
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
      await createStage(tx);
      await insertStagingRows(tx, file.rows);
      progress(`staged ${file.rows.length} rows`);
      await supersedeInvalidRows(tx, batchId);
      await raiseSortMemory(tx);
      progress('validating…');
      const counts = await validateUpload(tx, {
        batchId,
        uploadId,
        asOf: officeDate(at),
        ageMin: policy.ageMinYears,
        ageMax: policy.ageMaxYears,
        scopes: conflictScopes(actor, input.villageCode),
      });
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
        await problemRows(tx, uploadId),
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
