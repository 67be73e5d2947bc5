// Keyset paging shared by the list services: the page asks for one row more than it shows, so it
// knows whether another page follows without counting the whole list, and the cursor of the next
// page is the last shown row's unique id. The query orders by its sort key and that id, and
// resumes after the cursor row's key (never OFFSET): a row is shown exactly once across pages,
// however many share a sort key and whatever is written meanwhile before the cursor.
import { AppError } from '../errors.ts';

/** The row id a cursor names (`nextCursor` of the previous page), or null for the first page. */
export function cursorId(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const id = Number(cursor);
  if (!/^[1-9]\d{0,14}$/.test(cursor) || !Number.isSafeInteger(id))
    throw new AppError('VALIDATION_FAILED', { detail: 'cursor' });
  return id;
}

/** One page of at most `limit` rows after `cursor`, and the cursor of the next page (null on the last). */
export async function keysetPage<T>(
  limit: number,
  cursor: string | null | undefined,
  fetch: (limitPlusOne: number, afterId: number | null) => Promise<T[]>,
  idOf: (row: T) => number,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const found = await fetch(limit + 1, cursorId(cursor));
  const rows = found.slice(0, limit);
  return { rows, nextCursor: found.length > limit ? String(idOf(rows.at(-1)!)) : null };
}

/** keysetPage over a query that also counts every match (`total`), not only the rows after the cursor. */
export async function countedKeysetPage<T>(
  limit: number,
  cursor: string | null | undefined,
  fetch: (limitPlusOne: number, afterId: number | null) => Promise<{ total: number; rows: T[] }>,
  idOf: (row: T) => number,
): Promise<{ rows: T[]; nextCursor: string | null; total: number }> {
  let total = 0;
  const page = await keysetPage(
    limit,
    cursor,
    async (limitPlusOne, afterId) => {
      const found = await fetch(limitPlusOne, afterId);
      total = found.total;
      return found.rows;
    },
    idOf,
  );
  return { ...page, total };
}
