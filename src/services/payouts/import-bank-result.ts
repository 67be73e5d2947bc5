import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import { recordJhtWithdrawalReversals, recordJhtWithdrawals } from '../../db/jht.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';
import { type FileProblem, parseResultCsv, type ResultRow } from './bank-files.ts';
import { findBatchInScope } from './batch-queries.ts';

export interface BankResultInput {
  fileName: string;
  bytes: Buffer;
}

const MAX_BYTES = 5 * 1024 * 1024;

interface Current {
  line: number;
  known: boolean;
  amountRp: number | null;
  status: string | null;
  paidOn: string | null;
  bankReference: string | null;
}

/** What a result row does to its payout: a change, nothing (already so), or a problem. */
function judge(row: ResultRow, cur: Current, batchNumber: string): 'apply' | 'same' | FileProblem {
  const line = row.line;
  if (row.batchReference !== batchNumber)
    return {
      line,
      field: 'batch_reference',
      problem: `file is for batch ${row.batchReference}, not ${batchNumber}`,
    };
  if (!cur.known) return { line, field: 'payout_id', problem: `payout ${row.payoutId} is not in this batch` };
  if (cur.amountRp !== row.amountRp)
    return {
      line,
      field: 'amount_rp',
      problem: `amount ${row.amountRp} differs from the payout's ${cur.amountRp}`,
    };
  const was = cur.status;
  if (row.status === 'PAID') {
    if (was === 'exported') return 'apply';
    if (was === 'paid' && cur.paidOn === row.date && cur.bankReference === row.bankReference) return 'same';
  } else if (row.status === 'FAILED') {
    if (was === 'exported') return 'apply';
    if (was === 'failed') return 'same';
  } else {
    if (was === 'paid' && cur.paidOn !== null && row.date >= cur.paidOn) return 'apply';
    if (was === 'returned') return 'same';
    if (was === 'paid')
      return { line, field: 'date', problem: `returned before it was paid (${cur.paidOn})` };
  }
  return { line, field: 'status', problem: `${row.status} is not possible for a payout that is ${was}` };
}

async function currentOf(tx: Queryable, batchId: number, rows: readonly ResultRow[]) {
  const r = await tx.query<Current>(
    `SELECT r.line, p.id IS NOT NULL AS known, p.amount_rp AS "amountRp", p.status, p.paid_on AS "paidOn",
            p.bank_reference AS "bankReference"
     FROM unnest($1::int[], $2::bigint[]) AS r (line, payout_id)
     LEFT JOIN payout p ON p.id = r.payout_id AND p.batch_id = $3
     ORDER BY r.line`,
    [rows.map((x) => x.line), rows.map((x) => x.payoutId), batchId],
  );
  return r.rows;
}

/** Payouts, claims (with their events), ledger and JHT accounts follow the accepted rows. */
async function applyRows(
  tx: Queryable,
  batchNumber: string,
  rows: readonly ResultRow[],
  actor: string,
  at: string,
) {
  const params = [
    rows.map((r) => r.payoutId),
    rows.map((r) => r.status),
    rows.map((r) => r.date),
    rows.map((r) => r.bankReference),
  ];
  const R = `unnest($1::bigint[], $2::text[], $3::date[], $4::text[]) AS r (id, status, d, ref)`;
  await tx.query(
    `INSERT INTO claim_event (claim_id, regency_code, action, from_status, to_status, note, amount_rp, actor, at)
     SELECT c.id, c.regency_code, CASE r.status WHEN 'PAID' THEN 'pay' WHEN 'FAILED' THEN 'fail' ELSE 'return' END,
            c.status, CASE r.status WHEN 'PAID' THEN 'paid' ELSE 'approved' END,
            'payout ' || p.id || ', ' || $5 || coalesce(', bank ref ' || nullif(r.ref, ''), ''), p.amount_rp, $6, $7
     FROM ${R} JOIN payout p ON p.id = r.id JOIN claim c ON c.id = p.claim_id`,
    [...params, batchNumber, actor, at],
  );
  await tx.query(
    `UPDATE claim c SET status = CASE r.status WHEN 'PAID' THEN 'paid' ELSE 'approved' END, updated_at = $5
     FROM ${R}, payout p WHERE p.id = r.id AND c.id = p.claim_id`,
    [...params, at],
  );
  await tx.query(
    `UPDATE payout p SET status = lower(r.status),
       paid_on = CASE WHEN r.status = 'PAID' THEN r.d ELSE p.paid_on END,
       failed_on = CASE WHEN r.status = 'FAILED' THEN r.d ELSE p.failed_on END,
       returned_on = CASE WHEN r.status = 'RETURNED' THEN r.d ELSE p.returned_on END,
       bank_reference = coalesce(p.bank_reference, nullif(r.ref, '')),
       updated_at = $5
     FROM ${R} WHERE p.id = r.id`,
    [...params, at],
  );
  const ids = (s: ResultRow['status']) => rows.filter((r) => r.status === s).map((r) => r.payoutId);
  // Benefit paid: expense of the programme's fund against cash; a return books the opposite.
  for (const [kind, payoutIds, sign] of [
    ['benefit', ids('PAID'), 1],
    ['benefit_reversal', ids('RETURNED'), -1],
  ] as const) {
    if (!payoutIds.length) continue;
    await tx.query(
      `WITH e AS (
         INSERT INTO ledger_entry (regency_code, kind, ref_id, at)
         SELECT regency_code, $2, id, $3 FROM payout WHERE id = ANY($1::bigint[]) RETURNING id, ref_id)
       INSERT INTO ledger_line (entry_id, account, program, amount_rp)
       SELECT e.id, a.account, p.program, a.sign * $4::int * p.amount_rp
       FROM e JOIN payout p ON p.id = e.ref_id
       CROSS JOIN (VALUES ('benefit_expense', 1), ('cash', -1)) AS a (account, sign)`,
      [payoutIds, kind, at, sign],
    );
  }
  await recordJhtWithdrawals(tx, ids('PAID'), actor, at);
  await recordJhtWithdrawalReversals(tx, ids('RETURNED'), actor, at);
}

/**
 * Reconciles an exported batch with the bank's result file. The whole file is checked first —
 * the batch reference, every payout id, amount and status change — and refused with every
 * problem listed if anything is wrong, writing nothing. Rows that repeat what is already
 * recorded change nothing, and the same file uploaded again answers what it did the first time.
 */
export async function importBankResult(deps: Deps, actor: Actor, batchId: number, input: BankResultInput) {
  if (!actor.permissions.includes('payouts.manage')) throw new AppError('FORBIDDEN');
  if (input.bytes.length === 0 || input.bytes.length > MAX_BYTES)
    throw new AppError('VALIDATION_FAILED', { detail: 'file: 1 byte to 5 MB of CSV' });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const parsed = parseResultCsv(input.bytes);
  return deps.db.transaction(async (tx) => {
    const batch = await findBatchInScope(tx, batchId, actor.regionScopes, true);
    if (!batch) throw new AppError('NOT_FOUND');
    if (batch.status !== 'exported' && batch.status !== 'reconciled')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'exported',
      });
    const earlier = await tx.query<{ paid: number; failed: number; returned: number }>(
      'SELECT paid, failed, returned FROM payout_result_import WHERE batch_id = $1 AND sha256 = $2',
      [batch.id, sha256],
    );
    if (earlier.rows[0])
      return { ...earlier.rows[0], unchanged: 0, batchStatus: batch.status, replayed: true };
    const problems = [...parsed.problems];
    const current = parsed.rows.length ? await currentOf(tx, batch.id, parsed.rows) : [];
    const accepted: ResultRow[] = [];
    parsed.rows.forEach((row, i) => {
      const verdict = judge(row, current[i]!, batch.number);
      if (verdict === 'apply') accepted.push(row);
      else if (verdict !== 'same') problems.push(verdict);
    });
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw new AppError('PAYOUT_RESULT_INVALID', { problems: problems.length }, problems.slice(0, 200));
    }
    const at = deps.clock.now();
    if (accepted.length) await applyRows(tx, batch.number, accepted, actor.username, at);
    const closed = await tx.query(
      `UPDATE payout_batch SET status = 'reconciled', reconciled_at = $2
       WHERE id = $1 AND status = 'exported'
         AND NOT EXISTS (SELECT 1 FROM payout WHERE batch_id = $1 AND status IN ('pending', 'exported'))`,
      [batch.id, at],
    );
    const count = (s: ResultRow['status']) => accepted.filter((r) => r.status === s).length;
    const result = { paid: count('PAID'), failed: count('FAILED'), returned: count('RETURNED') };
    await tx.query(
      `INSERT INTO payout_result_import (batch_id, file_name, sha256, paid, failed, returned, imported_by, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        batch.id,
        input.fileName.slice(0, 200),
        sha256,
        result.paid,
        result.failed,
        result.returned,
        actor.username,
        at,
      ],
    );
    const batchStatus = closed.rowCount > 0 ? 'reconciled' : batch.status;
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payout_batch.result',
      entity: 'payout_batch',
      entityId: String(batch.id),
      regionCode: batch.regencyCode,
      after: { fileName: input.fileName, sha256, ...result, batchStatus },
    });
    return { ...result, unchanged: parsed.rows.length - accepted.length, batchStatus, replayed: false };
  });
}
