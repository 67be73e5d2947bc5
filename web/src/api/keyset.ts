import { type Answer, api, call, type Query } from './client.ts';
import type { paths } from './schema.d.ts';

// Lists paged by keyset (src/http: `limit` and `cursor`, answered with `nextCursor`): one call
// for all of them, typed by the operation's own filters and answer.

/** The GET operations that take `limit` and `cursor`. */
type KeysetPath = {
  [P in keyof paths]: paths[P] extends {
    get: { parameters: { query?: { cursor?: string; limit?: number } } };
  }
    ? P
    : never;
}[keyof paths];

/** openapi-fetch's GET, without the per-path overloads a generic path cannot pick from. */
const get = api.GET as unknown as (
  path: string,
  init: { params: { query: Record<string, unknown> } },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * One page of `pageSize` rows of a keyset-paged list, after `cursor` (the previous page's
 * nextCursor; null: the first page), with the list's own filters (empty ones are left out).
 */
export function keysetPage<P extends KeysetPath>(
  path: P,
  pageSize: number,
  cursor: string | null,
  filters: Omit<Query<P>, 'limit' | 'cursor'>,
): Promise<Answer<P>> {
  const query = { ...filters, limit: pageSize, cursor: cursor ?? undefined };
  return call(get(path, { params: { query } })) as Promise<Answer<P>>;
}
