import type { Queryable } from './types.ts';

/**
 * Counts one hit of `keyHash` in the window starting at `windowStart` and answers the window's
 * count, in one statement: concurrent hits never both read the old count.
 */
export async function countHit(q: Queryable, keyHash: string, windowStart: string): Promise<number> {
  const r = await q.query<{ hits: number }>(
    `INSERT INTO rate_limit_window (key_hash, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key_hash, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
     RETURNING hits`,
    [keyHash, windowStart],
  );
  return r.rows[0]!.hits;
}

/** Deletes the windows that ended before `before`. */
export async function pruneWindows(q: Queryable, before: string): Promise<void> {
  await q.query('DELETE FROM rate_limit_window WHERE window_start < $1', [before]);
}
