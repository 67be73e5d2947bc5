import { recordAudit } from '../db/audit.ts';
import { lockKey } from '../db/locks.ts';
import {
  bookPayment,
  findReversal,
  insertPayment,
  payerBalances,
  rebalanceAllocations,
} from '../db/payments.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { officeDate } from './clock.ts';

/**
 * Reverses a posted payment with a new, opposite payment and ledger entry (history is never
 * edited); the released money is taken back from the newest settled invoices first.
 */
export async function reversePayment(deps: Deps, actor: Actor, paymentId: number, reason: string) {
  requirePermission(actor, 'payments.reverse');
  if (!reason.trim()) throw new AppError('REASON_REQUIRED');
  return deps.db.transaction(async (tx) => {
    const { payment: original, payer } = await requireInScope(tx, actor, 'payment', paymentId);
    if (original.reversesId !== null) throw new AppError('PAYMENT_NOT_FOUND');
    await lockKey(tx, `payer:${payer.id}`);
    if (await findReversal(tx, paymentId)) throw new AppError('PAYMENT_ALREADY_REVERSED');
    const at = deps.clock.now();
    const regencyCode = payer.regionCode.slice(0, 5);
    const reversalId = await insertPayment(tx, {
      payerId: payer.id,
      regencyCode,
      amountRp: -original.amountRp,
      receivedOn: officeDate(at),
      reference: `reversal of ${original.reference}: ${reason.trim()}`.slice(0, 300),
      key: `reversal:${original.id}`,
      hash: `reversal:${original.id}`,
      reversesId: original.id,
      at,
      actor: actor.username,
    });
    await bookPayment(tx, {
      paymentId: reversalId,
      payerId: payer.id,
      regencyCode,
      amountRp: -original.amountRp,
      at,
      reversal: true,
    });
    await rebalanceAllocations(tx, payer.id, reversalId, at);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payment.reverse',
      entity: 'payment',
      entityId: String(original.id),
      regionCode: payer.regionCode,
      before: { amountRp: original.amountRp, reference: original.reference },
      after: { reversalId, reason: reason.trim() },
    });
    return { reversalId, balances: await payerBalances(tx, payer.id) };
  });
}
