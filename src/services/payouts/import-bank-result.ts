import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import {
  applyPayoutResults,
  bookBenefits,
  closeBatchIfSettled,
  findResultImport,
  insertResultImport,
  type PayoutNow,
  payoutsNow,
} from '../../db/bank-results.ts';
import { transitionClaims } from '../../db/claims.ts';
import { recordJhtWithdrawalReversals, recordJhtWithdrawals } from '../../db/jht.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { endMembershipsOfPaidClaims } from '../membership/end-by-claims.ts';
import { type FileProblem, parseResultCsv, type ResultRow } from './bank-files.ts';

export interface BankResultInput {
  fileName: string;
  bytes: Buffer;
}

const MAX_BYTES = 5 * 1024 * 1024;

/** What a result row does to its payout: a change, nothing (already so), or a problem. */
function judge(row: ResultRow, cur: PayoutNow, batchNumber: string): 'apply' | 'same' | FileProblem {
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

/** Payouts, claims (with their events), ledger and JHT accounts follow the accepted rows. */
async function applyRows(
  tx: Queryable,
  batchNumber: string,
  rows: readonly (ResultRow & { claimId: number })[],
  actor: string,
  at: string,
) {
  const ACTION = { PAID: 'pay', FAILED: 'fail', RETURNED: 'return' } as const;
  await transitionClaims(
    tx,
    rows.map((r) => ({
      claimId: r.claimId,
      action: ACTION[r.status],
      to: r.status === 'PAID' ? 'paid' : 'approved',
      note: `payout ${r.payoutId}, ${batchNumber}${r.bankReference ? `, bank ref ${r.bankReference}` : ''}`,
      amountRp: r.amountRp,
    })),
    { actor, at },
  );
  await applyPayoutResults(tx, rows, at);
  const ids = (s: ResultRow['status']) => rows.filter((r) => r.status === s).map((r) => r.payoutId);
  await bookBenefits(tx, 'benefit', ids('PAID'), at);
  await bookBenefits(tx, 'benefit_reversal', ids('RETURNED'), at);
  await recordJhtWithdrawals(tx, ids('PAID'), actor, at);
  await recordJhtWithdrawalReversals(tx, ids('RETURNED'), actor, at);
  // A paid death, full JHT, old-age pension or JKP ends the membership from the event date.
  await endMembershipsOfPaidClaims(
    tx,
    rows.filter((r) => r.status === 'PAID').map((r) => r.claimId),
    { actor, at },
  );
}

/**
 * Reconciles an exported batch with the bank's result file. The whole file is checked first —
 * the batch reference, every payout id, amount and status change — and refused with every
 * problem listed if anything is wrong, writing nothing. Rows that repeat what is already
 * recorded change nothing, and the same file uploaded again answers what it did the first time.
 */
export async function importBankResult(deps: Deps, actor: Actor, batchId: number, input: BankResultInput) {
  requirePermission(actor, 'payouts.manage');
  if (input.bytes.length === 0 || input.bytes.length > MAX_BYTES)
    throw new AppError('VALIDATION_FAILED', { detail: 'file: 1 byte to 5 MB of CSV' });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const parsed = parseResultCsv(input.bytes);
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'payout_batch', batchId, { lock: true });
    if (batch.status !== 'exported' && batch.status !== 'reconciled')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'exported',
      });
    const earlier = await findResultImport(tx, batch.id, sha256);
    if (earlier) return { ...earlier, unchanged: 0, batchStatus: batch.status, replayed: true };
    const problems = [...parsed.problems];
    const current = parsed.rows.length ? await payoutsNow(tx, batch.id, parsed.rows) : [];
    const accepted: (ResultRow & { claimId: number })[] = [];
    parsed.rows.forEach((row, i) => {
      const verdict = judge(row, current[i]!, batch.number);
      if (verdict === 'apply') accepted.push({ ...row, claimId: current[i]!.claimId! });
      else if (verdict !== 'same') problems.push(verdict);
    });
    if (problems.length) {
      problems.sort((a, b) => a.line - b.line);
      throw new AppError('PAYOUT_RESULT_INVALID', { problems: problems.length }, problems.slice(0, 200));
    }
    const at = deps.clock.now();
    if (accepted.length) await applyRows(tx, batch.number, accepted, actor.username, at);
    const closed = await closeBatchIfSettled(tx, batch.id, at);
    const count = (s: ResultRow['status']) => accepted.filter((r) => r.status === s).length;
    const result = { paid: count('PAID'), failed: count('FAILED'), returned: count('RETURNED') };
    await insertResultImport(tx, {
      batchId: batch.id,
      fileName: input.fileName.slice(0, 200),
      sha256,
      ...result,
      importedBy: actor.username,
      at,
    });
    const batchStatus = closed ? 'reconciled' : batch.status;
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
