import type { Queryable } from '../../db/types.ts';

/** The participant if it lies in the caller's regions (else null: the caller answers 404). */
export async function participantInScope(q: Queryable, id: number, scopes: readonly string[]) {
  const r = await q.query<{ id: number; kpj: string; regencyCode: string; regionCode: string }>(
    `SELECT id, kpj, regency_code AS "regencyCode", region_code AS "regionCode"
     FROM participant WHERE id = $1 AND region_in_scope(region_code, $2::text[])`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}
