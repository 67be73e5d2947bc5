import type { Queryable } from '../types.ts';

// The figures a move is checked by: what the source held, recomputed on the target.

export interface LedgerSums {
  lines: number;
  /** Sum of amount_rp per account and programme ('account' or 'account:program'), integer rupiah. */
  byAccount: Record<string, string>;
  /** Entries whose lines do not sum to zero: 0 in a sound ledger. */
  unbalancedEntries: number;
}

export async function ledgerSums(q: Queryable): Promise<LedgerSums> {
  const r = await q.query<{ k: string; sum: string; n: number }>(
    `SELECT account || coalesce(':' || program, '') AS k, sum(amount_rp)::text AS sum, count(*)::int AS n
     FROM ledger_line GROUP BY 1 ORDER BY 1`,
  );
  const u = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT entry_id FROM ledger_line GROUP BY entry_id
                                     HAVING sum(amount_rp) <> 0) x`,
  );
  return {
    lines: r.rows.reduce((s, x) => s + x.n, 0),
    byAccount: Object.fromEntries(r.rows.map((x) => [x.k, x.sum])),
    unbalancedEntries: u.rows[0]?.n ?? 0,
  };
}

export interface ChainHead {
  chain: string;
  rows: number;
  seq: number | null;
  hash: string | null;
}

/** Each audit chain's row count and last row: what the target's chains must end with. */
export async function chainHeads(q: Queryable): Promise<ChainHead[]> {
  const r = await q.query<ChainHead>(
    `SELECT chain, count(*)::int AS rows, max(chain_seq)::int AS seq,
            (array_agg(hash ORDER BY chain_seq DESC))[1] AS hash
     FROM audit_log GROUP BY chain ORDER BY chain COLLATE "C"`,
  );
  return r.rows;
}

export async function appliedMigrations(q: Queryable): Promise<{ version: string; checksum: string }[]> {
  const r = await q.query<{ version: string; checksum: string }>(
    'SELECT version, checksum FROM schema_migration ORDER BY version',
  );
  return r.rows;
}
