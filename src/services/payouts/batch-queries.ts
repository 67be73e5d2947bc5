// Reading payout batches and their payouts, always through the caller's region scope.
import type { Queryable } from '../../db/types.ts';

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

export async function listBatchesInScope(
  q: Queryable,
  f: { scopes: readonly string[]; regencyCode: string | null; status: string | null; limit: number },
) {
  const r = await q.query<PayoutBatchRow>(
    `${SELECT_BATCH} WHERE region_in_scope(b.regency_code, $1::text[])
       AND ($2::text IS NULL OR b.regency_code = $2) AND ($3::text IS NULL OR b.status = $3)
     ORDER BY b.id DESC LIMIT $4`,
    [f.scopes, f.regencyCode, f.status, f.limit],
  );
  return r.rows;
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

/** A regency the caller may act in (not a village or district within it). */
export async function regencyInScope(q: Queryable, code: string, scopes: readonly string[]) {
  const r = await q.query(
    `SELECT 1 FROM region WHERE code = $1 AND level = 'regency' AND region_in_scope(code, $2::text[])`,
    [code, scopes],
  );
  return r.rowCount > 0;
}
