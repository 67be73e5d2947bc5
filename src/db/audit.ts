import { maskPersonal } from '../privacy/mask.ts';
import type { Queryable } from './types.ts';

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
  id: number;
  chainSeq: number;
  problem: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap';
}

/** Recomputes every row's hash and link in one set-based pass; returns the first break. */
export async function findChainBreak(q: Queryable): Promise<{ rows: number; firstBreak: ChainBreak | null }> {
  const r = await q.query<{ id: number; chainSeq: number; problem: ChainBreak['problem'] }>(
    `WITH c AS (
       SELECT a.id, a.chain_seq, a.hash, a.prev_hash, audit_row_hash(a) AS recomputed,
              lag(a.hash) OVER (ORDER BY a.chain_seq) AS prev_actual,
              row_number() OVER (ORDER BY a.chain_seq) AS n
       FROM audit_log a)
     SELECT id, chain_seq AS "chainSeq",
            CASE WHEN chain_seq <> n THEN 'sequence_gap'
                 WHEN hash <> recomputed THEN 'hash_mismatch'
                 ELSE 'link_mismatch' END AS problem
     FROM c
     WHERE chain_seq <> n OR hash <> recomputed OR prev_hash <> coalesce(prev_actual, 'GENESIS')
     ORDER BY chain_seq LIMIT 1`,
  );
  const total = (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]?.n ?? 0;
  const b = r.rows[0];
  return { rows: total, firstBreak: b ? { id: b.id, chainSeq: b.chainSeq, problem: b.problem } : null };
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
