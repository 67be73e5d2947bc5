// Payout batches and their payouts: read through the caller's region scope, created from approved
// claims, approved, exported; benefits paid for the reports.
import type { Queryable } from './types.ts';

export interface PayoutBatchRow {
  id: number;
  number: string;
  regencyCode: string;
  status: 'draft' | 'approved' | 'exported' | 'reconciled';
  count: number;
  totalRp: number;
  declaredCount: number | null;
  declaredTotalRp: number | null;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  exportFileName: string | null;
  exportedBy: string | null;
  exportedAt: string | null;
  reconciledAt: string | null;
}

const SELECT_BATCH = `SELECT b.id, b.number, b.regency_code AS "regencyCode", b.status, b.count, b.total_rp AS "totalRp",
  b.declared_count AS "declaredCount", b.declared_total_rp AS "declaredTotalRp", b.created_by AS "createdBy",
  b.created_at AS "createdAt", b.approved_by AS "approvedBy", b.approved_at AS "approvedAt",
  b.export_file_name AS "exportFileName", b.exported_by AS "exportedBy", b.exported_at AS "exportedAt",
  b.reconciled_at AS "reconciledAt"
  FROM payout_batch b`;

/** The batch if its regency lies in scope (else null: the caller answers 404); lock for writers. */
export async function findBatchInScope(q: Queryable, id: number, scopes: readonly string[], lock = false) {
  const r = await q.query<PayoutBatchRow>(
    `${SELECT_BATCH} WHERE b.id = $1 AND region_in_scope(b.regency_code, $2::text[])${lock ? ' FOR UPDATE' : ''}`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

type PayoutBatchFilter = { scopes: readonly string[]; regencyCode: string | null; status: string | null };

// The batches a filter finds in scope: the list and the home page's count ask the same question.
const PAYOUT_BATCHES_WHERE = `region_in_scope(b.regency_code, $1::text[])
       AND ($2::text IS NULL OR b.regency_code = $2) AND ($3::text IS NULL OR b.status = $3)`;

export async function listBatchesInScope(q: Queryable, f: PayoutBatchFilter & { limit: number }) {
  const r = await q.query<PayoutBatchRow>(
    `${SELECT_BATCH} WHERE ${PAYOUT_BATCHES_WHERE} ORDER BY b.id DESC LIMIT $4`,
    [f.scopes, f.regencyCode, f.status, f.limit],
  );
  return r.rows;
}

export async function countBatchesInScope(q: Queryable, f: PayoutBatchFilter) {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM payout_batch b WHERE ${PAYOUT_BATCHES_WHERE}`,
    [f.scopes, f.regencyCode, f.status],
  );
  return r.rows[0]?.n ?? 0;
}

export interface PayoutRow {
  id: number;
  claimId: number;
  claimNumber: string;
  program: string;
  amountRp: number;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  status: 'pending' | 'exported' | 'paid' | 'failed' | 'returned';
  paidOn: string | null;
  failedOn: string | null;
  returnedOn: string | null;
  bankReference: string | null;
}

export async function payoutsOfBatch(q: Queryable, batchId: number) {
  const r = await q.query<PayoutRow>(
    `SELECT p.id, p.claim_id AS "claimId", c.number AS "claimNumber", p.program, p.amount_rp AS "amountRp",
            p.bank_code AS "bankCode", p.bank_account AS "bankAccount", p.account_holder AS "accountHolder",
            p.status, p.paid_on AS "paidOn", p.failed_on AS "failedOn", p.returned_on AS "returnedOn",
            p.bank_reference AS "bankReference"
     FROM payout p JOIN claim c ON c.id = p.claim_id WHERE p.batch_id = $1 ORDER BY p.id`,
    [batchId],
  );
  return r.rows;
}

/** Locks the regency's approved claims with an amount (all, or those of claimIds) and returns their ids and amounts. */
export async function lockPayableClaims(
  q: Queryable,
  regencyCode: string,
  claimIds: readonly number[] | null,
) {
  const r = await q.query<{ id: number; amountRp: number }>(
    `SELECT id, amount_rp AS "amountRp" FROM claim
     WHERE regency_code = $1 AND status = 'approved' AND amount_rp > 0
       AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
     ORDER BY id FOR UPDATE`,
    [regencyCode, claimIds],
  );
  return r.rows;
}

/**
 * Approved claims of the regency that no batch will carry because they pay Rp 0 (approved with a
 * stated reason, or left from before that rule): named beside every batch so they never vanish.
 */
export async function approvedWithoutAmount(q: Queryable, regencyCode: string): Promise<string[]> {
  const r = await q.query<{ number: string }>(
    `SELECT number FROM claim
     WHERE regency_code = $1 AND status = 'approved' AND coalesce(amount_rp, 0) = 0 ORDER BY id`,
    [regencyCode],
  );
  return r.rows.map((x) => x.number);
}

/**
 * The JHT claims among claimIds (their numbers joined per participant) that ask for more than
 * the account's balance less what is already on its way (pending or exported payouts).
 */
export async function jhtClaimsOverBalance(q: Queryable, claimIds: readonly number[]): Promise<string[]> {
  const r = await q.query<{ number: string }>(
    `WITH want AS (
       SELECT participant_id, sum(amount_rp) AS amount_rp, string_agg(number, ', ' ORDER BY number) AS numbers
       FROM claim WHERE id = ANY($1::bigint[]) AND program = 'JHT' GROUP BY participant_id)
     SELECT w.numbers AS number FROM want w
     WHERE w.amount_rp > coalesce((SELECT sum(e.amount_rp) FROM jht_entry e WHERE e.participant_id = w.participant_id), 0)
                       - coalesce((SELECT sum(p.amount_rp) FROM payout p JOIN claim c ON c.id = p.claim_id
                                   WHERE c.participant_id = w.participant_id AND p.program = 'JHT'
                                     AND p.status IN ('pending', 'exported')), 0)`,
    [claimIds],
  );
  return r.rows.map((x) => x.number);
}

/** A draft batch BYR-<regency digits>-<year>-<serial> with one pending payout per claim, copied from the claims. */
export async function insertPayoutBatch(
  q: Queryable,
  b: { regencyCode: string; year: string; claimIds: readonly number[]; createdBy: string; at: string },
) {
  const batch = (
    await q.query<{ id: number; number: string; count: number; totalRp: number }>(
      `INSERT INTO payout_batch (number, regency_code, status, count, total_rp, created_by, created_at)
       SELECT 'BYR-' || replace($1, '.', '') || '-' || $2 || '-' || lpad(nextval('payout_batch_serial')::text, 5, '0'),
              $1, 'draft', count(*), sum(amount_rp), $3, $4
       FROM claim WHERE id = ANY($5::bigint[])
       RETURNING id, number, count, total_rp AS "totalRp"`,
      [b.regencyCode, b.year, b.createdBy, b.at, b.claimIds],
    )
  ).rows[0]!;
  await q.query(
    `INSERT INTO payout (batch_id, claim_id, regency_code, program, amount_rp, bank_code, bank_account, account_holder,
       status, updated_at)
     SELECT $1, c.id, c.regency_code, c.program, c.amount_rp, c.bank_code, c.bank_account, c.account_holder, 'pending', $2
     FROM claim c WHERE c.id = ANY($3::bigint[]) ORDER BY c.id`,
    [batch.id, b.at, b.claimIds],
  );
  return batch;
}

export async function approveBatch(
  q: Queryable,
  a: { batchId: number; declaredCount: number; declaredTotalRp: number; approvedBy: string; at: string },
) {
  await q.query(
    `UPDATE payout_batch SET status = 'approved', declared_count = $2, declared_total_rp = $3, approved_by = $4,
       approved_at = $5 WHERE id = $1`,
    [a.batchId, a.declaredCount, a.declaredTotalRp, a.approvedBy, a.at],
  );
}

/** The transfer file stored when the batch was first exported. */
export async function storedExport(q: Queryable, batchId: number) {
  const r = await q.query<{ body: Uint8Array; fileName: string; sha256: string }>(
    `SELECT export_body AS body, export_file_name AS "fileName", export_sha256 AS sha256 FROM payout_batch WHERE id = $1`,
    [batchId],
  );
  return r.rows[0]!;
}

/** Stores the transfer file with the batch and marks the batch and its pending payouts exported. */
export async function markBatchExported(
  q: Queryable,
  e: { batchId: number; fileName: string; body: Buffer; sha256: string; exportedBy: string; at: string },
) {
  await q.query(
    `UPDATE payout_batch SET status = 'exported', export_file_name = $2, export_body = $3, export_sha256 = $4,
       exported_by = $5, exported_at = $6 WHERE id = $1`,
    [e.batchId, e.fileName, e.body, e.sha256, e.exportedBy, e.at],
  );
  await q.query(
    `UPDATE payout SET status = 'exported', updated_at = $2 WHERE batch_id = $1 AND status = 'pending'`,
    [e.batchId, e.at],
  );
}

/** Paid payouts of a regency by programme, by the bank's paid date (from–to inclusive). */
export async function paidPayoutsByProgram(
  q: Queryable,
  a: { regencyCode: string; from: string; to: string },
) {
  const r = await q.query<{ program: string; count: number; amountRp: number }>(
    `SELECT program, count(*)::int AS count, sum(amount_rp)::bigint AS "amountRp"
     FROM payout WHERE regency_code = $1 AND status = 'paid' AND paid_on BETWEEN $2::date AND $3::date
     GROUP BY program`,
    [a.regencyCode, a.from, a.to],
  );
  return r.rows;
}
