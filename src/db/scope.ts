// The SQL of the money services' scope checks (region_in_scope); the services decide what a miss means.
import type { Queryable } from './types.ts';

/** Whether the code is a regency inside the scopes (not a village or district within it). */
export async function regencyInScope(
  q: Queryable,
  code: string,
  scopes: readonly string[],
): Promise<boolean> {
  const r = await q.query(
    `SELECT 1 FROM region WHERE code = $1 AND level = 'regency' AND region_in_scope(code, $2::text[])`,
    [code, scopes],
  );
  return r.rowCount > 0;
}

/** The participant if it lies in the scopes, else null. */
export async function participantInScope(q: Queryable, id: number, scopes: readonly string[]) {
  const r = await q.query<{ id: number; kpj: string; regencyCode: string; regionCode: string }>(
    `SELECT id, kpj, regency_code AS "regencyCode", region_code AS "regionCode"
     FROM participant WHERE id = $1 AND region_in_scope(region_code, $2::text[])`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}
