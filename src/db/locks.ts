import type { Queryable } from './types.ts';

/**
 * Takes a transaction-scoped advisory lock on a named key ('payer:17', 'jht:53.04'), held until
 * the caller's transaction ends: a second caller with the same key waits for it.
 */
export async function lockKey(q: Queryable, key: string): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
