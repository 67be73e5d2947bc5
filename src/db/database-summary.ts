import type { Queryable } from './types.ts';

/** Row count of every table of the schema, by name: what a restore is compared with. */
export async function tableRowCounts(q: Queryable): Promise<Record<string, number>> {
  const tables = (
    await q.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
    )
  ).rows;
  if (tables.length === 0) return {};
  const counts = await q.query<{ name: string; n: number }>(
    tables.map((t) => `SELECT '${t.name}' AS name, count(*)::int AS n FROM "${t.name}"`).join(' UNION ALL '),
  );
  return Object.fromEntries(counts.rows.map((r) => [r.name, r.n]));
}
