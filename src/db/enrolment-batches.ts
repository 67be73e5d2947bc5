// Enrolment batches (village uploads waiting for the district and the branch) and the uploads
// that fill them: find in scope, list, create, and the batch's status steps.
import type { Queryable } from './types.ts';

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

// The batches a caller sees: the list and the home page's counts ask the same question.
const BATCH_IN_SCOPE = 'region_in_scope(b.village_code, $1::text[])';

export async function listBatchesInScope(q: Queryable, scopes: readonly string[], status: string | null) {
  const r = await q.query<BatchRow>(
    `${SELECT_BATCH} WHERE ${BATCH_IN_SCOPE} AND ($2::text IS NULL OR b.status = $2)
     ORDER BY b.id DESC LIMIT 500`,
    [scopes, status],
  );
  return r.rows;
}

/** How many batches in scope are in each status (a status with none is 0). */
export async function countBatchesByStatusInScope(q: Queryable, scopes: readonly string[]) {
  const r = await q.query<{ status: BatchRow['status']; n: number }>(
    `SELECT b.status, count(*)::int AS n FROM enrolment_batch b WHERE ${BATCH_IN_SCOPE} GROUP BY b.status`,
    [scopes],
  );
  const counts: Record<BatchRow['status'], number> = {
    draft: 0,
    submitted: 0,
    verified: 0,
    activated: 0,
    rejected: 0,
  };
  for (const row of r.rows) counts[row.status] = row.n;
  return counts;
}

export async function findDraftBatchId(q: Queryable, villageCode: string): Promise<number | null> {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM enrolment_batch WHERE village_code = $1 AND status = 'draft' FOR UPDATE`,
    [villageCode],
  );
  return r.rows[0]?.id ?? null;
}

/** A batch of the village waiting for the district (submitted or verified), if any. */
export async function findOpenBatch(q: Queryable, villageCode: string) {
  const r = await q.query<{ id: number; status: string }>(
    `SELECT id, status FROM enrolment_batch WHERE village_code = $1 AND status IN ('submitted', 'verified') LIMIT 1`,
    [villageCode],
  );
  return r.rows[0] ?? null;
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
