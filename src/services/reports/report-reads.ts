// Dashboards, reports and exports read through the replica when DATABASE_READ_URL names one
// (docs/replicas.md). Nothing here writes, so no read of theirs precedes a write: writes, and
// every read a write depends on, keep using deps.db, the primary.
import { type Freshness, freshnessOf, ON_PRIMARY } from '../../db/read-replica.ts';
import type { Deps } from '../actor.ts';

export type { Freshness };

/**
 * The deps a report reads through, and how stale they may be, measured before the report's own
 * queries (which then see the replica at least as far along).
 */
export async function reportReads(deps: Deps): Promise<{ deps: Deps; freshness: Freshness }> {
  const replica = deps.db.replica;
  if (!replica) return { deps, freshness: ON_PRIMARY };
  return { deps: { ...deps, db: replica }, freshness: await freshnessOf(replica) };
}

/** The line a report file carries when its figures come from a replica (PDF footer, XLSX subject). */
export function freshnessNote(f: Freshness): string | null {
  if (!f.replica) return null;
  return f.staleSeconds === null
    ? 'Data replika, keterlambatan tidak diketahui.'
    : `Data replika, tertunda ± ${f.staleSeconds} detik.`;
}
