import type { Queryable } from './types.ts';

export interface OfficeSeed {
  code: string;
  name: string;
  level: 'head' | 'regional' | 'branch';
  parentCode: string | null;
  regions: string[];
}

export async function upsertOffice(q: Queryable, o: OfficeSeed): Promise<void> {
  await q.query(
    `INSERT INTO office (code, name, level, parent_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
       parent_code = EXCLUDED.parent_code`,
    [o.code, o.name, o.level, o.parentCode],
  );
  await q.query(
    `INSERT INTO office_region (office_code, region_code) SELECT $1, unnest($2::text[])
     ON CONFLICT DO NOTHING`,
    [o.code, o.regions],
  );
}

export async function findOffice(q: Queryable, code: string) {
  const r = await q.query<{ code: string; name: string; level: string }>(
    'SELECT code, name, level FROM office WHERE code = $1',
    [code],
  );
  return r.rows[0] ?? null;
}

/** Regions served by an office and every office below it. */
export async function regionsServedBy(q: Queryable, officeCode: string): Promise<string[]> {
  const r = await q.query<{ region_code: string }>(
    `WITH RECURSIVE tree AS (
       SELECT code FROM office WHERE code = $1
       UNION ALL SELECT o.code FROM office o JOIN tree t ON o.parent_code = t.code)
     SELECT DISTINCT region_code FROM office_region WHERE office_code IN (SELECT code FROM tree)
     ORDER BY region_code`,
    [officeCode],
  );
  return r.rows.map((row) => row.region_code);
}
