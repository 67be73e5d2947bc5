import type { Queryable } from './types.ts';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  kind: 'desa' | 'kelurahan' | null;
  parentCode: string | null;
}

export interface RegionCounts {
  districts: number;
  desa: number;
  kelurahan: number;
}

export interface RegionColumns {
  code: string[];
  parentCode: (string | null)[];
  level: RegionLevel[];
  kind: (string | null)[];
  name: string[];
}

/** Upserts one level of regions in a single set-based statement. */
export async function upsertRegions(q: Queryable, cols: RegionColumns): Promise<number> {
  const r = await q.query(
    `INSERT INTO region (code, parent_code, level, kind, name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind
       WHERE (region.name, region.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)`,
    [cols.code, cols.parentCode, cols.level, cols.kind, cols.name],
  );
  return r.rowCount;
}

const SELECT_REGION = `SELECT code, name, level, kind, parent_code AS "parentCode" FROM region r`;

/** Counts of kecamatan, desa and kelurahan below region r; each branch uses one index. */
const COUNTS_JOIN = `LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.level = 'district')::int AS districts,
           count(*) FILTER (WHERE d.kind = 'desa')::int AS desa,
           count(*) FILTER (WHERE d.kind = 'kelurahan')::int AS kelurahan
    FROM (SELECT level, kind FROM region WHERE r.level = 'province' AND province_code = r.code
          UNION ALL SELECT level, kind FROM region WHERE r.level = 'regency' AND regency_code = r.code
          UNION ALL SELECT level, kind FROM region WHERE r.level = 'district' AND district_code = r.code AND code <> r.code) AS d
  ) AS c ON true`;

const SELECT_WITH_COUNTS = `SELECT r.code, r.name, r.level, r.kind, r.parent_code AS "parentCode",
  c.districts, c.desa, c.kelurahan FROM region r ${COUNTS_JOIN}`;

interface RegionWithCounts extends RegionRow, RegionCounts {}

function split(row: RegionWithCounts): RegionRow & { counts: RegionCounts } {
  const { districts, desa, kelurahan, ...region } = row;
  return { ...region, counts: { districts, desa, kelurahan } };
}

/** A region if it lies inside the caller's scopes (see region_in_scope), else null. */
export async function findRegionInScope(q: Queryable, code: string, scopes: readonly string[]) {
  const r = await q.query<RegionWithCounts>(
    `${SELECT_WITH_COUNTS} WHERE r.code = $1 AND region_in_scope(r.code, $2::text[])`,
    [code, scopes],
  );
  return r.rows[0] ? split(r.rows[0]) : null;
}

export async function findChildren(q: Queryable, code: string) {
  const r = await q.query<RegionWithCounts>(
    `${SELECT_WITH_COUNTS} WHERE r.parent_code = $1 ORDER BY r.code`,
    [code],
  );
  return r.rows.map(split);
}

/** The chain from the province down to the region's parent. */
export async function findAncestors(q: Queryable, code: string): Promise<RegionRow[]> {
  const parts = code.split('.');
  const codes = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
  if (codes.length === 0) return [];
  const r = await q.query<RegionRow>(`${SELECT_REGION} WHERE r.code = ANY($1::text[]) ORDER BY r.code`, [
    codes,
  ]);
  return r.rows;
}

export async function countRegions(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM region');
  return r.rows[0]?.n ?? 0;
}

export async function findRegionLevel(q: Queryable, code: string): Promise<string | null> {
  const r = await q.query<{ level: string }>('SELECT level FROM region WHERE code = $1', [code]);
  return r.rows[0]?.level ?? null;
}

export async function findRegionName(q: Queryable, code: string): Promise<string | null> {
  const r = await q.query<{ name: string }>('SELECT name FROM region WHERE code = $1', [code]);
  return r.rows[0]?.name ?? null;
}
