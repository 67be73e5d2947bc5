import { lockKey } from '../db/locks.ts';
import { findPaymentByKey } from '../db/payments.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';

/**
 * The payment this user already posted under an idempotency key, or null for a new key; the same
 * key with another payload (request hash) is refused. The key is locked first, so a concurrent
 * retry waits for the first posting and then sees it.
 */
export async function replayedPayment(tx: Queryable, username: string, key: string, hash: string) {
  await lockKey(tx, `payment:${username}:${key}`);
  const existing = await findPaymentByKey(tx, username, key);
  if (existing && existing.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return existing;
}
