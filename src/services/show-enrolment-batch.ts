import { listBatchesInScope } from '../db/enrolment-batches.ts';
import { stagedRows } from '../db/enrolment-rows.ts';
import { AppError, type Lang } from '../errors.ts';
import { can, requireInScope, seesInFull } from './access.ts';
import { type Actor, type Deps, type Permission, SEES_PERSONAL_DATA } from './actor.ts';
import { enrolmentReportXlsx } from './enrolment-file.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';
import { rowReports } from './enrolment-rows.ts';
import { auditBatchViewed } from './personal-data-views.ts';

const SEES_BATCHES: readonly Permission[] = [
  'enrolment.upload',
  'enrolment.verify',
  'enrolment.activate',
  'audit.read',
];

/** Who may list enrolment batches (the list, a batch, and the home page's counts of them). */
export function canSeeBatches(actor: Actor): boolean {
  return SEES_BATCHES.some((p) => can(actor, p));
}

export async function listEnrolmentBatches(deps: Deps, actor: Actor, status: string | null) {
  if (!canSeeBatches(actor)) throw new AppError('FORBIDDEN');
  return { batches: await listBatchesInScope(deps.db, actor.regionScopes, status) };
}

export async function showEnrolmentBatch(deps: Deps, actor: Actor, batchId: number, lang: Lang) {
  if (!canSeeBatches(actor)) throw new AppError('FORBIDDEN');
  const batch = await requireInScope(deps.db, actor, 'enrolment_batch', batchId);
  const policy = await enrolmentPolicy(deps.db, batch.regencyCode);
  const staged = await stagedRows(deps.db, { batchId });
  const full = seesInFull(actor, {
    kind: 'enrolment_batch',
    regionCode: batch.villageCode,
    status: batch.status,
  });
  if (full && staged.length > 0) await auditBatchViewed(deps, actor, batch, staged.length);
  return { batch, rows: rowReports(staged, lang, policy, full), personalDataInFull: full };
}

/**
 * The row-by-row report as XLSX, for the village operator to correct in Excel. It carries the
 * personal data the operator entered, so only roles that see personal data may download it.
 */
export async function enrolmentBatchReport(deps: Deps, actor: Actor, batchId: number) {
  if (!can(actor, 'enrolment.upload') || !SEES_PERSONAL_DATA.includes(actor.role)) {
    throw new AppError('FORBIDDEN');
  }
  const batch = await requireInScope(deps.db, actor, 'enrolment_batch', batchId);
  const rows = await stagedRows(deps.db, { batchId });
  if (rows.length > 0) await auditBatchViewed(deps, actor, batch, rows.length);
  return enrolmentReportXlsx(rows, {
    villageName: batch.villageName,
    batchId,
    generatedAt: deps.clock.now(),
  });
}
