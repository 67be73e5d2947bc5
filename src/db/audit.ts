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

export interface ChainBreak {
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

export interface ChainState {
  rows: number;
  firstBreak: ChainBreak | null;
  /** The first chain_seq whose hash is keyed (audit_chain). */
  keyedFromSeq: number;
  head: { seq: number; hash: string } | null;
}

/**
 * Recomputes every row's hash and link in one set-based pass and returns the first break: rows
 * before keyed_from_seq with the unkeyed audit_row_hash, the rest with the HMAC under the
 * database's audit key (db.audit). Without the key only a chain of unkeyed rows can be checked.
 */
export async function findChainBreak(db: Db, opts: { fromSeq?: number } = {}): Promise<ChainState> {
  // From a row already vouched for (a checkpoint): only the rows after it are recomputed.
  const fromSeq = Math.max(1, opts.fromSeq ?? 1);
  const pads = db.audit?.rowPads ?? null;
  const marker = await db.query<{ keyedFromSeq: number; rows: number }>(
    `SELECT keyed_from_seq AS "keyedFromSeq", (SELECT count(*)::int FROM audit_log) AS rows FROM audit_chain`,
  );
  const { keyedFromSeq, rows } = marker.rows[0]!;
  if (!pads && rows >= keyedFromSeq) throw new AppError('AUDIT_KEY_REQUIRED');
  const r = await db.query<{ id: number; chainSeq: number; problem: ChainBreak['problem'] }>(
    `WITH c AS (
       SELECT a.id, a.chain_seq, a.hash, a.prev_hash,
              CASE WHEN a.chain_seq < $1 THEN audit_row_hash(a) ELSE audit_row_mac(a, decode($2, 'hex')) END AS recomputed,
              coalesce(lag(a.hash) OVER (ORDER BY a.chain_seq),
                       (SELECT p.hash FROM audit_log p WHERE p.chain_seq = $3 - 1), 'GENESIS') AS prev_actual,
              row_number() OVER (ORDER BY a.chain_seq) + $3 - 1 AS n
       FROM audit_log a WHERE a.chain_seq >= $3)
     SELECT id, chain_seq AS "chainSeq",
            CASE WHEN chain_seq <> n THEN 'sequence_gap'
                 WHEN hash <> recomputed THEN 'hash_mismatch'
                 ELSE 'link_mismatch' END AS problem
     FROM c
     WHERE chain_seq <> n OR hash <> recomputed OR prev_hash <> prev_actual
     ORDER BY chain_seq LIMIT 1`,
    [keyedFromSeq, pads ?? '', fromSeq],
  );
  const b = r.rows[0];
  const head = await db.query<{ seq: number; hash: string }>(
    'SELECT chain_seq AS seq, hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1',
  );
  return {
    rows,
    firstBreak: b ? { id: b.id, chainSeq: b.chainSeq, problem: b.problem } : null,
    keyedFromSeq,
    head: head.rows[0] ?? null,
  };
}

/** The hash each of the given chain_seq values holds now (null: no such row). */
export async function auditHashesAt(q: Queryable, seqs: readonly number[]) {
  const r = await q.query<{ seq: number; hash: string | null }>(
    `SELECT s.seq, a.hash FROM unnest($1::bigint[]) AS s (seq)
     LEFT JOIN audit_log a ON a.chain_seq = s.seq ORDER BY s.seq`,
    [seqs],
  );
  return new Map(r.rows.map((row) => [row.seq, row.hash]));
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

export async function listAuditInScope(q: Queryable, scopes: readonly string[], limit: number) {
  const r = await q.query<AuditRow>(
    `SELECT id, at, actor, action, entity, entity_id AS "entityId", region_code AS "regionCode"
     FROM audit_log
     WHERE '*' = ANY($1::text[]) OR region_in_scope(region_code, $1::text[])
     ORDER BY chain_seq DESC LIMIT $2`,
    [scopes, limit],
  );
  return r.rows;
}

/** The newest row's hash: two databases with the same head hold the same audit history. */
export async function auditHead(q: Queryable): Promise<string | null> {
  const r = await q.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY chain_seq DESC LIMIT 1');
  return r.rows[0]?.hash ?? null;
}
