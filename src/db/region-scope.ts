// The SQL of the services' region checks: whether a region lies inside the caller's scopes
// (region_in_scope), asked the few ways the services need. The services decide what a miss means.
import type { Queryable } from './types.ts';

/** The region's level if it lies inside the scopes, else null. */
export async function regionLevelInScope(
  q: Queryable,
  code: string,
  scopes: readonly string[],
): Promise<string | null> {
  const r = await q.query<{ level: string }>(
    'SELECT level FROM region WHERE code = $1 AND region_in_scope(code, $2::text[])',
    [code, scopes],
  );
  return r.rows[0]?.level ?? null;
}

/** Whether the code, region or not, lies inside the scopes. */
export async function codeInScope(q: Queryable, code: string, scopes: readonly string[]): Promise<boolean> {
  const r = await q.query<{ ok: boolean }>(`SELECT region_in_scope($1, $2::text[]) AS ok`, [code, scopes]);
  return Boolean(r.rows[0]!.ok);
}

/** Whether the code is a regency inside the scopes. */
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

/** Whether the code is a regency, kecamatan or village (not a province) inside the scopes. */
export async function belowProvinceInScope(q: Queryable, code: string, scopes: readonly string[]) {
  const r = await q.query(
    `SELECT 1 FROM region WHERE code = $1 AND level <> 'province' AND region_in_scope(code, $2::text[])`,
    [code, scopes],
  );
  return r.rows.length > 0;
}

/** Whether the caller sees the regency: it is inside the scopes, or a scope lies below it. */
export async function regencyOrBelowInScope(q: Queryable, code: string, scopes: readonly string[]) {
  const r = await q.query<{ ok: boolean }>(
    `SELECT region_in_scope(code, $2::text[]) OR EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE left(s, 6) = code || '.') AS ok
     FROM region WHERE code = $1 AND level = 'regency'`,
    [code, scopes],
  );
  return r.rows[0]?.ok ?? false;
}

export interface RegencyReach {
  name: string;
  /** The regency itself lies inside the scopes. */
  whole: boolean;
  /** A scope lies below the regency (a kecamatan or village of it). */
  below: boolean;
}

/** The regency's name and how much of it the scopes reach; null when the code is no regency. */
export async function regencyReach(
  q: Queryable,
  code: string,
  scopes: readonly string[],
): Promise<RegencyReach | null> {
  const r = await q.query<RegencyReach>(
    `SELECT name, region_in_scope(code, $2::text[]) AS whole,
            EXISTS (SELECT 1 FROM unnest($2::text[]) s WHERE left(s, length(code) + 1) = code || '.') AS below
     FROM region WHERE code = $1 AND level = 'regency'`,
    [code, scopes],
  );
  return r.rows[0] ?? null;
}
