import { createHash } from 'node:crypto';
import { recordAudit } from '../../db/audit.ts';
import type { PayoutBatchRow } from '../../db/payout-batches.ts';
import { markBatchExported, payoutsOfBatch, storedExport } from '../../db/payout-batches.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { addDays, isValidDate } from '../../rules/calendar.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeToday } from '../time-guards.ts';
import { transferCsv } from './bank-files.ts';
import { MCM_LIMITS, mandiriMcmCsv } from './mandiri-mcm.ts';

export const BANK_FILE_FORMATS = ['csv', 'mandiri-mcm'] as const;
export type BankFileFormat = (typeof BANK_FILE_FORMATS)[number];

/** What makes a bank file: its layout and, for Mandiri MCM, the header's debit account and date. */
export interface BankFileOptions {
  format?: BankFileFormat;
  /** Mandiri MCM: the regency fund's Mandiri account to debit (digits). */
  debitAccount?: string;
  /** Mandiri MCM: the transfer instruction date, YYYY-MM-DD; today by default. */
  instructionDate?: string;
}

/** How far a Mandiri MCM instruction date may lie from today (a transfer set up to a week ahead). */
const INSTRUCTION_DAYS = 7;

interface BankFile {
  fileName: string;
  body: Buffer;
  sha256: string;
  format: BankFileFormat;
  /** Mandiri MCM: the instruction date written in the header. */
  instructionDate: string | null;
}

/** The file of the batch's payouts in the chosen layout; the same inputs always give the same bytes. */
async function makeBankFile(
  tx: Queryable,
  deps: Deps,
  batch: PayoutBatchRow,
  o: BankFileOptions,
  earliest: 'today' | 'week-ago',
): Promise<BankFile> {
  const format = o.format ?? 'csv';
  const payouts = await payoutsOfBatch(tx, batch.id);
  const rows = payouts.map((p) => ({
    payoutId: p.id,
    bankCode: p.bankCode,
    bankAccount: p.bankAccount,
    accountHolder: p.accountHolder,
    amountRp: p.amountRp,
    description: `${p.program} ${p.claimNumber}`,
    remark: `${p.program} ${p.claimNumber} ${batch.number}`,
  }));
  let body: Buffer;
  let fileName = `${batch.number}.csv`;
  let instructionDate: string | null = null;
  if (format === 'csv') {
    body = transferCsv(batch.number, rows);
  } else {
    const today = officeToday(deps.clock);
    const from = earliest === 'today' ? today : addDays(today, -INSTRUCTION_DAYS);
    const to = addDays(today, INSTRUCTION_DAYS);
    const date = o.instructionDate ?? today;
    if (!isValidDate(date) || date < from || date > to)
      throw new AppError('PAYOUT_INSTRUCTION_DATE', { date, from, to });
    const made = mandiriMcmCsv({ instructionDate: date, debitAccount: o.debitAccount ?? '' }, rows);
    if ('problems' in made)
      throw new AppError(
        'PAYOUT_BANK_FILE_REFUSED',
        { format, problems: made.problems.length, nameMax: MCM_LIMITS.beneficiaryName },
        made.problems,
      );
    body = made.body;
    instructionDate = date;
    fileName = `${batch.number}-mandiri-mcm.csv`;
  }
  return { fileName, body, sha256: createHash('sha256').update(body).digest('hex'), format, instructionDate };
}

/**
 * The bank transfer file of an approved batch, to download and upload to the bank. Downloading
 * changes nothing but the audit trail: the batch is sent only when someone says so
 * (markPayoutBatchSent). Once sent, every download returns exactly the bytes declared sent.
 */
export async function exportPayoutBatch(deps: Deps, actor: Actor, batchId: number, o: BankFileOptions = {}) {
  requirePermission(actor, 'payouts.manage');
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'payout_batch', batchId);
    if (batch.status === 'draft')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'approved',
      });
    const at = deps.clock.now();
    if (batch.status !== 'approved') {
      const s = await storedExport(tx, batch.id);
      await recordAudit(tx, {
        at,
        actor: actor.username,
        action: 'payout_batch.export_again',
        entity: 'payout_batch',
        entityId: String(batch.id),
        regionCode: batch.regencyCode,
        after: { fileName: s.fileName, sha256: s.sha256 },
      });
      return {
        fileName: s.fileName,
        body: Buffer.from(s.body),
        sha256: s.sha256,
        sent: true,
        instructionDate: null,
      };
    }
    const file = await makeBankFile(tx, deps, batch, o, 'today');
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payout_batch.download',
      entity: 'payout_batch',
      entityId: String(batch.id),
      regionCode: batch.regencyCode,
      after: {
        format: file.format,
        fileName: file.fileName,
        sha256: file.sha256,
        count: batch.count,
        ...(file.format === 'mandiri-mcm'
          ? { debitAccount: o.debitAccount, instructionDate: file.instructionDate }
          : {}),
      },
    });
    return {
      fileName: file.fileName,
      body: file.body,
      sha256: file.sha256,
      sent: false,
      instructionDate: file.instructionDate,
    };
  });
}

/**
 * The deliberate step "sent to bank": the officer names the file they uploaded by its SHA-256
 * (the X-Content-SHA256 of the download) with the same format and parameters. The file is made
 * again; only when its hash matches is it stored with the batch, the batch and its pending
 * payouts become `exported`, and the bank result can be imported.
 */
export async function markPayoutBatchSent(
  deps: Deps,
  actor: Actor,
  batchId: number,
  input: BankFileOptions & { sha256: string },
) {
  requirePermission(actor, 'payouts.manage');
  return deps.db.transaction(async (tx) => {
    const batch = await requireInScope(tx, actor, 'payout_batch', batchId, { lock: true });
    if (batch.status !== 'approved')
      throw new AppError('PAYOUT_BATCH_STATE', {
        number: batch.number,
        status: batch.status,
        needed: 'approved',
      });
    const file = await makeBankFile(tx, deps, batch, input, 'week-ago');
    if (file.sha256 !== input.sha256.toLowerCase())
      throw new AppError('PAYOUT_SENT_FILE_MISMATCH', { sha256: input.sha256, number: batch.number });
    const at = deps.clock.now();
    await markBatchExported(tx, {
      batchId: batch.id,
      fileName: file.fileName,
      body: file.body,
      sha256: file.sha256,
      exportedBy: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payout_batch.sent',
      entity: 'payout_batch',
      entityId: String(batch.id),
      regionCode: batch.regencyCode,
      before: { status: 'approved' },
      after: {
        status: 'exported',
        format: file.format,
        fileName: file.fileName,
        sha256: file.sha256,
        count: batch.count,
      },
    });
    return {
      id: batch.id,
      number: batch.number,
      status: 'exported' as const,
      fileName: file.fileName,
      sha256: file.sha256,
    };
  });
}
