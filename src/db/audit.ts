import { AppError } from '../errors.ts';
import { maskPersonal } from '../privacy/mask.ts';
import type { Db, Queryable } from './types.ts';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  regionCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends one audit row in the caller's transaction; the database chains it (audit_log_chain)
 * and refuses any later UPDATE or DELETE. Personal data is masked before it is stored.
 */
export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, region_code, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.at,
      e.actor,
      e.action,
      e.entity,
      e.entityId ?? null,
      e.regionCode ?? null,
      e.before ? JSON.stringify(maskPersonal(e.before)) : null,
      e.after ? JSON.stringify(maskPersonal(e.after)) : null,
    ],
  );
}

/** The closed chain of the rows written before migration 0022, verified as they were written. */
export const LEGACY_CHAIN = 'legacy';

export interface ChainBreak {
  /** The chain: a regency ('53.04'), a province ('53'), 'national' or 'legacy'. */
  chain: string;
  /** The row where the chain breaks; null when the row is missing (truncated). */
  id: number | null;
  chainSeq: number;
  problem:
    | 'hash_mismatch'
    | 'link_mismatch'
    | 'sequence_gap'
    /** A signed checkpoint names a row the database no longer holds: the newest rows were removed. */
    | 'truncated'
    /** A signed checkpoint's head hash differs from the row's: the chain was re-hashed. */
    | 'checkpoint_mismatch'
    /** The start of keyed hashing differs from what the signed checkpoints recorded. */
    | 'marker_moved';
}

export interface ChainReport {
  chain: string;
  rows: number;
  /** The first chain_seq whose hash is keyed: 1, except in the legacy chain (audit_chain). */
  keyedFromSeq: number;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
}

export interface ChainsState {
  /** Rows in every chain. */
  rows: number;
  /** The first break of the first broken chain (chains by name). */
  firstBreak: ChainBreak | null;
  chains: ChainReport[];
}

/**
 * Every chain with its rows, head and first break, recomputed in one set-based pass: legacy rows
 * before keyed_from_seq with the unkeyed audit_row_hash, the other legacy rows with audit_row_mac,
 * every other chain's rows with audit_chain_row_mac, under the database's audit key (db.audit).
 * A chain's first row links to the legacy chain's last hash ('GENESIS' without one). fromSeqs: per
 * chain, a row already vouched for (a checkpoint), so only the rows after it are recomputed.
 * Without the key only unkeyed rows can be checked.
 */
export async function findChainBreak(
  db: Db,
  opts: { fromSeqs?: ReadonlyMap<string, number> } = {},
): Promise<ChainsState> {
  const pads = db.audit?.rowPads ?? null;
  const chains = await chainSummaries(db);
  if (!pads && chains.some((c) => c.head && c.head.seq >= c.keyedFromSeq))
    throw new AppError('AUDIT_KEY_REQUIRED');
  const from = [...(opts.fromSeqs ?? new Map<string, number>())];
  const r = await db.query<{ chain: string; id: number; chainSeq: number; problem: ChainBreak['problem'] }>(
    `WITH f AS (
       SELECT ch.chain, ch.keyed_from_seq, greatest(1, coalesce(v.from_seq, 1)) AS from_seq
       FROM audit_chain ch LEFT JOIN unnest($2::text[], $3::bigint[]) AS v (chain, from_seq) USING (chain)),
     anchor AS (
       SELECT coalesce((SELECT hash FROM audit_log WHERE chain = $4 ORDER BY chain_seq DESC LIMIT 1), 'GENESIS') AS hash),
     c AS (
       SELECT a.chain, a.id, a.chain_seq, a.hash, a.prev_hash,
              CASE WHEN a.chain <> $4 THEN audit_chain_row_mac(a, decode($1, 'hex'))
                   WHEN a.chain_seq < f.keyed_from_seq THEN audit_row_hash(a)
                   ELSE audit_row_mac(a, decode($1, 'hex')) END AS recomputed,
              coalesce(lag(a.hash) OVER w,
                       (SELECT p.hash FROM audit_log p WHERE p.chain = a.chain AND p.chain_seq = f.from_seq - 1),
                       CASE WHEN a.chain = $4 THEN 'GENESIS' ELSE (SELECT hash FROM anchor) END) AS prev_actual,
              row_number() OVER w + coalesce(f.from_seq, 1) - 1 AS n
       FROM audit_log a LEFT JOIN f USING (chain)
       WHERE a.chain_seq >= coalesce(f.from_seq, 1)
       WINDOW w AS (PARTITION BY a.chain ORDER BY a.chain_seq))
     SELECT DISTINCT ON (chain) chain, id, chain_seq AS "chainSeq",
            CASE WHEN chain_seq <> n THEN 'sequence_gap'
                 WHEN hash <> recomputed THEN 'hash_mismatch'
                 ELSE 'link_mismatch' END AS problem
     FROM c
     WHERE chain_seq <> n OR hash <> recomputed OR prev_hash <> prev_actual
     ORDER BY chain, chain_seq`,
    [pads ?? '', from.map(([c]) => c), from.map(([, s]) => s), LEGACY_CHAIN],
  );
  const breaks = new Map(r.rows.map((b) => [b.chain, b]));
  const reports = chains.map((c): ChainReport => {
    const b = breaks.get(c.chain);
    return {
      ...c,
      firstBreak: b ? { chain: b.chain, id: b.id, chainSeq: b.chainSeq, problem: b.problem } : null,
    };
  });
  return {
    rows: reports.reduce((n, c) => n + c.rows, 0),
    firstBreak: reports.find((c) => c.firstBreak)?.firstBreak ?? null,
    chains: reports,
  };
}

/** Every chain (a row in audit_chain, or rows in audit_log) with its row count and last row. */
async function chainSummaries(q: Queryable): Promise<Omit<ChainReport, 'firstBreak'>[]> {
  const r = await q.query<{
    chain: string;
    rows: number;
    keyedFromSeq: number | null;
    seq: number | null;
    hash: string | null;
  }>(
    `WITH n AS (SELECT chain, count(*)::int AS rows FROM audit_log GROUP BY chain)
     SELECT chain, coalesce(n.rows, 0) AS rows, ch.keyed_from_seq AS "keyedFromSeq", h.seq, h.hash
     FROM audit_chain ch FULL JOIN n USING (chain)
     LEFT JOIN LATERAL (SELECT chain_seq AS seq, hash FROM audit_log a WHERE a.chain = coalesce(ch.chain, n.chain)
                        ORDER BY chain_seq DESC LIMIT 1) h ON true
     ORDER BY chain COLLATE "C"`,
  );
  return r.rows.map((c) => ({
    chain: c.chain,
    rows: c.rows,
    keyedFromSeq: c.keyedFromSeq ?? 1,
    head: c.seq === null || c.hash === null ? null : { seq: c.seq, hash: c.hash },
  }));
}

/** The hash each of the given rows (chain and chain_seq) holds now; no such row: no entry. */
export async function auditHashesAt(q: Queryable, points: readonly { chain: string; seq: number }[]) {
  const r = await q.query<{ chain: string; seq: number; hash: string }>(
    `SELECT a.chain, a.chain_seq AS seq, a.hash
     FROM unnest($1::text[], $2::bigint[]) AS s (chain, seq)
     JOIN audit_log a ON a.chain = s.chain AND a.chain_seq = s.seq`,
    [points.map((p) => p.chain), points.map((p) => p.seq)],
  );
  return new Map(r.rows.map((row) => [`${row.chain}:${row.seq}`, row.hash]));
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
}

/** A page of the audit entries in scope, newest first, older than the entry `beforeId` (keyset paging). */
export async function listAuditInScope(
  q: Queryable,
  scopes: readonly string[],
  limit: number,
  beforeId: number | null,
) {
  const r = await q.query<AuditRow>(
    `SELECT id, at, actor, action, entity, entity_id AS "entityId", region_code AS "regionCode"
     FROM audit_log
     WHERE ('*' = ANY($1::text[]) OR region_in_scope(region_code, $1::text[]))
       AND ($3::bigint IS NULL OR id < $3)
     ORDER BY id DESC LIMIT $2`,
    [scopes, limit, beforeId],
  );
  return r.rows;
}

/**
 * One hash of every chain's last row (chain, seq and hash, chains by name): two databases with the
 * same head hold the same audit history. Null: no audit row.
 */
export async function auditHead(q: Queryable): Promise<string | null> {
  const r = await q.query<{ head: string | null }>(
    `SELECT encode(sha256(convert_to(string_agg(chain || ':' || chain_seq || ':' || hash, '|' ORDER BY chain COLLATE "C"), 'UTF8')), 'hex') AS head
     FROM (SELECT DISTINCT ON (chain) chain, chain_seq, hash FROM audit_log ORDER BY chain, chain_seq DESC) h`,
  );
  return r.rows[0]?.head ?? null;
}
