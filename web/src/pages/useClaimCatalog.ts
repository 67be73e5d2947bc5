import { useEffect, useState } from 'react';
import { type ClaimCatalog, claimCatalog } from '../api/claims.ts';

// The claim catalog (programmes, kinds, statuses, relations, banks) from the server, fetched
// once per page load and shared by every claim screen.

let cached: Promise<ClaimCatalog> | null = null;
let resolved: ClaimCatalog | null = null;

export function loadClaimCatalog(): Promise<ClaimCatalog> {
  cached ??= claimCatalog().then(
    (loaded) => {
      resolved = loaded;
      return loaded;
    },
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/** The catalog once loaded (null until then; a failed load is tried again on the next mount). */
export function useClaimCatalog(): ClaimCatalog | null {
  const [catalog, setCatalog] = useState<ClaimCatalog | null>(resolved);
  useEffect(() => {
    let live = true;
    loadClaimCatalog().then(
      (loaded) => {
        if (live) setCatalog(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return catalog;
}
