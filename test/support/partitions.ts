import type { Db } from '../../src/db/types.ts';

/** Rows of a partitioned table per partition, by the partition each row is stored in. */
export async function rowsByPartition(db: Db, table: string): Promise<Record<string, number>> {
  const r = await db.query<{ part: string; n: number }>(
    `SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM ${table} GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(r.rows.map((x) => [x.part, x.n]));
}

/** The partitions directly under `parent`, by name. */
export async function partitionsOf(db: Db, parent: string): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = $1::regclass ORDER BY 1`,
    [parent],
  );
  return r.rows.map((x) => x.name);
}
