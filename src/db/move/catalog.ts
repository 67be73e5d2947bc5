import type { Db, Queryable } from '../types.ts';

// What a whole-database move (`lindung db export` / `db import`) carries, read from the catalog
// rather than listed by hand, so a table added by a later migration moves without a change here.

/** Filled by `db migrate` itself (migrations and reference data): replaced by the source's rows on import. */
export const REFERENCE_TABLES: readonly string[] = ['business_type', 'office', 'office_region', 'region'];

/** The migration history is the target's own: it must equal the source's, never be copied. */
export const HISTORY_TABLE = 'schema_migration';

export interface MovedTable {
  name: string;
  /** Stored columns in order; generated columns are left out (the target computes them). */
  columns: string[];
  /** Primary key columns: the order rows are written in, so equal data gives an equal file. */
  key: string[];
}

export interface SequenceState {
  name: string;
  /** null: never called (nextval will give its start value). */
  lastValue: string | null;
}

/** A SQL identifier, double-quoted. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the schema but the migration history, parents before children (foreign keys). */
export async function movedTables(q: Queryable): Promise<MovedTable[]> {
  const r = await q.query<{ name: string; columns: string[]; key: string[] | null; parents: string[] }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
            (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_constraint p
             CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k (attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE p.conrelid = c.oid AND p.contype = 'p') AS key,
            coalesce((SELECT array_agg(DISTINCT f.confrelid::regclass::text) FROM pg_constraint f
                      WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid), '{}') AS parents
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> $1
     ORDER BY c.relname`,
    [HISTORY_TABLE],
  );
  // Kahn's order over tables (a few dozen), not rows. A self-reference needs none: COPY checks
  // foreign keys at the end of its statement.
  const pending = new Map(r.rows.map((t) => [t.name, new Set(t.parents)]));
  const ordered: MovedTable[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, ps]) => [...ps].every((p) => !pending.has(p))).map(([n]) => n);
    if (ready.length === 0)
      throw new Error(`foreign keys form a cycle among: ${[...pending.keys()].join(', ')}`);
    for (const name of ready) {
      const t = r.rows.find((x) => x.name === name);
      if (t) ordered.push({ name, columns: t.columns, key: t.key ?? t.columns });
      pending.delete(name);
    }
  }
  return ordered;
}

/** `SELECT` of a table's stored columns in key order: what COPY writes out. */
export function selectOf(t: MovedTable): string {
  return `SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)} ORDER BY ${t.key.map(quote).join(', ')}`;
}

/** `table (columns)`: what COPY reads into. Identity values are kept (COPY writes them as given). */
export function targetOf(t: MovedTable): string {
  return `${quote(t.name)} (${t.columns.map(quote).join(', ')})`;
}

export async function sequenceStates(q: Queryable): Promise<SequenceState[]> {
  const r = await q.query<SequenceState>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
     WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return r.rows;
}

/** Sets each sequence where the source left it, so the next id or number follows on. */
export async function setSequences(q: Queryable, states: readonly SequenceState[]): Promise<void> {
  if (states.length === 0) return;
  await q.query(
    `SELECT CASE WHEN v IS NULL THEN setval(s::regclass, (SELECT start_value FROM pg_sequences
                                                          WHERE schemaname = 'public' AND sequencename = s), false)
                 ELSE setval(s::regclass, v::bigint, true) END
     FROM unnest($1::text[], $2::text[]) AS x (s, v)`,
    [states.map((s) => s.name), states.map((s) => s.lastValue)],
  );
}

/**
 * Switches the tables' own triggers off or on, inside the import's transaction: append-only
 * guards would refuse the TRUNCATE, the audit chain trigger would re-link rows that already carry
 * their links, and the running counts would count rows whose counts arrive with them. Foreign keys
 * (system triggers) stay on. ALTER TABLE needs the tables' owner: import as the role that migrates.
 */
export async function setUserTriggers(q: Queryable, tables: readonly MovedTable[], on: boolean) {
  const verb = on ? 'ENABLE' : 'DISABLE';
  await q.exec(tables.map((t) => `ALTER TABLE ${quote(t.name)} ${verb} TRIGGER USER;`).join('\n'));
}

export async function truncateAll(q: Queryable, tables: readonly MovedTable[]): Promise<void> {
  await q.exec(`TRUNCATE ${tables.map((t) => quote(t.name)).join(', ')}`);
}

/** The export's one moment: every table read in one snapshot, and nothing written. */
export async function readOneSnapshot(tx: Queryable): Promise<void> {
  await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** A big load leaves the embedded folder's WAL at its peak; a checkpoint lets it shrink back. */
export async function checkpointEmbedded(db: Db): Promise<void> {
  if (db.kind === 'pglite') await db.exec('CHECKPOINT');
}

/** The database seen through an open transaction (for checks that take a Db, like the chain walk). */
export function throughTransaction(db: Db, tx: Queryable): Db {
  return { ...db, query: (sql, params) => tx.query(sql, params) };
}
