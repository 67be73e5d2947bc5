// The bank's result file applied to a batch's payouts: what each row finds, the payouts' new
// status, the benefit booked in the ledger, and the record of each imported file.
import { postBalancedEntries } from './ledger.ts';
import type { Queryable } from './types.ts';

export interface PayoutNow {
  line: number;
  known: boolean;
  claimId: number | null;
  amountRp: number | null;
  status: string | null;
  paidOn: string | null;
  bankReference: string | null;
}

/** For each (line, payout id) of the file, the payout as it is now, if it belongs to the batch; in line order. */
export async function payoutsNow(
  q: Queryable,
  batchId: number,
  rows: readonly { line: number; payoutId: number }[],
): Promise<PayoutNow[]> {
  const r = await q.query<PayoutNow>(
    `SELECT r.line, p.id IS NOT NULL AS known, p.claim_id AS "claimId", p.amount_rp AS "amountRp", p.status,
            p.paid_on AS "paidOn", p.bank_reference AS "bankReference"
     FROM unnest($1::int[], $2::bigint[]) AS r (line, payout_id)
     LEFT JOIN payout p ON p.id = r.payout_id AND p.batch_id = $3
     ORDER BY r.line`,
    [rows.map((x) => x.line), rows.map((x) => x.payoutId), batchId],
  );
  return r.rows;
}

export interface PayoutResult {
  payoutId: number;
  status: 'PAID' | 'FAILED' | 'RETURNED';
  date: string;
  bankReference: string;
}

/** Each payout takes the bank's status with its date; the first bank reference is kept. */
export async function applyPayoutResults(q: Queryable, rows: readonly PayoutResult[], at: string) {
  await q.query(
    `UPDATE payout p SET status = lower(r.status),
       paid_on = CASE WHEN r.status = 'PAID' THEN r.d ELSE p.paid_on END,
       failed_on = CASE WHEN r.status = 'FAILED' THEN r.d ELSE p.failed_on END,
       returned_on = CASE WHEN r.status = 'RETURNED' THEN r.d ELSE p.returned_on END,
       bank_reference = coalesce(p.bank_reference, nullif(r.ref, '')),
       updated_at = $5
     FROM unnest($1::bigint[], $2::text[], $3::date[], $4::text[]) AS r (id, status, d, ref) WHERE p.id = r.id`,
    [
      rows.map((r) => r.payoutId),
      rows.map((r) => r.status),
      rows.map((r) => r.date),
      rows.map((r) => r.bankReference),
      at,
    ],
  );
}

/**
 * Benefit paid: the programme's benefit expense against cash, one entry per payout; a return
 * (kind benefit_reversal) books the opposite.
 */
export async function bookBenefits(
  q: Queryable,
  kind: 'benefit' | 'benefit_reversal',
  payoutIds: readonly number[],
  at: string,
) {
  if (!payoutIds.length) return;
  await postBalancedEntries(q, {
    kind,
    at,
    balancingAccount: 'cash',
    source: {
      entries:
        'SELECT regency_code, id AS ref_id, NULL::bigint AS payer_id, program FROM payout WHERE id = ANY($1::bigint[])',
      lines: `SELECT id AS ref_id, 'benefit_expense'::text AS account, NULL::bigint AS payer_id, program,
                     $2::int * amount_rp AS amount_rp
              FROM payout WHERE id = ANY($1::bigint[])`,
      params: [payoutIds, kind === 'benefit' ? 1 : -1],
    },
  });
}

/** Closes the batch (reconciled) once none of its payouts is pending or exported; whether it did. */
export async function closeBatchIfSettled(q: Queryable, batchId: number, at: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE payout_batch SET status = 'reconciled', reconciled_at = $2
     WHERE id = $1 AND status = 'exported'
       AND NOT EXISTS (SELECT 1 FROM payout WHERE batch_id = $1 AND status IN ('pending', 'exported'))`,
    [batchId, at],
  );
  return r.rowCount > 0;
}

export interface ResultCounts {
  paid: number;
  failed: number;
  returned: number;
}

/** What an earlier import of the same file (by SHA-256) into the batch did, if any. */
export async function findResultImport(q: Queryable, batchId: number, sha256: string) {
  const r = await q.query<ResultCounts>(
    'SELECT paid, failed, returned FROM payout_result_import WHERE batch_id = $1 AND sha256 = $2',
    [batchId, sha256],
  );
  return r.rows[0] ?? null;
}

export async function insertResultImport(
  q: Queryable,
  i: ResultCounts & { batchId: number; fileName: string; sha256: string; importedBy: string; at: string },
) {
  await q.query(
    `INSERT INTO payout_result_import (batch_id, file_name, sha256, paid, failed, returned, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [i.batchId, i.fileName, i.sha256, i.paid, i.failed, i.returned, i.importedBy, i.at],
  );
}
