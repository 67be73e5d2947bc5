// The SQL of the scope checks: whether a region lies inside the caller's scopes (region_in_scope).
// services/access.ts (requireInScope) decides what a miss means; the aggregate modules keep their
// own `find…InScope` readers where the row they return is the one the service works on.
import type { RegionLevel } from './regions.ts';
import type { Queryable } from './types.ts';

export interface ScopedRegion {
  code: string;
  name: string;
  level: RegionLevel;
  kind: 'desa' | 'kelurahan' | null;
}

/** The region if it lies inside the scopes (any level), else null. */
export async function findScopedRegion(
  q: Queryable,
  code: string,
  scopes: readonly string[],
): Promise<ScopedRegion | null> {
  const r = await q.query<ScopedRegion>(
    'SELECT code, name, level, kind FROM region WHERE code = $1 AND region_in_scope(code, $2::text[])',
    [code, scopes],
  );
  return r.rows[0] ?? null;
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
