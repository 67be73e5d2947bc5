import { createHash } from 'node:crypto';
import { recordAudit } from '../db/audit.ts';
import { lockKey } from '../db/locks.ts';
import { bookPayment, insertPayment, payerBalances, rebalanceAllocations } from '../db/payments.ts';
import { activateCoveredProjectWorkers } from '../db/project-invoices.ts';
import { AppError } from '../errors.ts';
import { isValidDate } from '../rules/calendar.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { officeDate } from './clock.ts';
import { replayedPayment } from './payment-replay.ts';
import { requireNotFuture, requireOpenPeriod } from './time-guards.ts';

export interface PaymentInput {
  payerId: number;
  amountRp: number;
  receivedOn: string;
  reference: string;
  idempotencyKey: string;
}

function validate(p: PaymentInput): void {
  const bad = (detail: string) => new AppError('VALIDATION_FAILED', { detail });
  if (!Number.isSafeInteger(p.amountRp) || p.amountRp <= 0)
    throw bad('amountRp: a positive whole rupiah amount');
  if (!isValidDate(p.receivedOn)) throw bad('receivedOn: YYYY-MM-DD');
  if (!p.reference.trim()) throw bad('reference: required (bank transfer or receipt number)');
  if (!/^[A-Za-z0-9._:-]{8,100}$/.test(p.idempotencyKey))
    throw bad('idempotencyKey: 8–100 characters A-Z a-z 0-9 . _ : -');
}

export function requestHash(p: PaymentInput): string {
  const canonical = JSON.stringify([p.payerId, p.amountRp, p.receivedOn, p.reference.trim()]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Posts a payment once per idempotency key of the posting user: a retry with the same payload
 * returns the first result; the same key with another payload is refused. Cash and receivable are booked as one
 * balanced entry, and the money is allocated to the payer's open invoices oldest first.
 */
export async function postPayment(deps: Deps, actor: Actor, input: PaymentInput) {
  requirePermission(actor, 'payments.post');
  validate(input);
  const hash = requestHash(input);
  return deps.db.transaction(async (tx) => {
    // Scope first: a payer outside it answers 404 whatever the key. The key belongs to this user,
    // so another user's key is simply a new key here and tells nothing about theirs.
    const payer = await requireInScope(tx, actor, 'payer', input.payerId);
    requireNotFuture(deps.clock, 'receivedOn', input.receivedOn);
    const existing = await replayedPayment(tx, actor.username, input.idempotencyKey, hash);
    if (existing)
      return { paymentId: existing.id, replayed: true, balances: await payerBalances(tx, existing.payerId) };
    // Serialise postings of one payer so allocations see each other.
    await lockKey(tx, `payer:${payer.id}`);
    const at = deps.clock.now();
    const regencyCode = payer.regionCode.slice(0, 5);
    // Money received in a closed month is refused, not moved: its date decides coverage (docs/periods.md).
    await requireOpenPeriod(tx, regencyCode, 'receivedOn', input.receivedOn);
    const paymentId = await insertPayment(tx, {
      payerId: payer.id,
      regencyCode,
      amountRp: input.amountRp,
      receivedOn: input.receivedOn,
      reference: input.reference.trim(),
      key: input.idempotencyKey,
      hash,
      reversesId: null,
      at,
      actor: actor.username,
    });
    await bookPayment(tx, {
      paymentId,
      payerId: payer.id,
      regencyCode,
      amountRp: input.amountRp,
      at,
      reversal: false,
    });
    await rebalanceAllocations(tx, payer.id, paymentId, at);
    // A contractor's payment that settles a project's premium invoice starts its workers' cover.
    const projectWorkersCovered = await activateCoveredProjectWorkers(tx, {
      payerId: payer.id,
      today: officeDate(at),
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'payment.post',
      entity: 'payment',
      entityId: String(paymentId),
      regionCode: payer.regionCode,
      after: {
        payerId: payer.id,
        amountRp: input.amountRp,
        receivedOn: input.receivedOn,
        reference: input.reference,
        ...(projectWorkersCovered > 0 ? { projectWorkersCovered } : {}),
      },
    });
    return { paymentId, replayed: false, balances: await payerBalances(tx, payer.id) };
  });
}
