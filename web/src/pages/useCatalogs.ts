import { useEffect, useState } from 'react';
import { type ClaimCatalog, claimCatalog } from '../api/claims.ts';
import { membershipCatalog } from '../api/participants.ts';

// The server's catalogs (GET /api/v1/catalogs/…): fetched once per page load and shared by
// every screen. A page that needs one at first paint loads it with its data (load…); its
// components then read it at once with use….

interface CatalogStore<T> {
  load: () => Promise<T>;
  resolved: () => T | null;
}

function catalogStore<T>(fetchCatalog: () => Promise<T>): CatalogStore<T> {
  let cached: Promise<T> | null = null;
  let resolved: T | null = null;
  return {
    resolved: () => resolved,
    load() {
      cached ??= fetchCatalog().then(
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
    },
  };
}

/** The catalog once loaded (null until then; a failed load is tried again on the next mount). */
function useCatalog<T>(store: CatalogStore<T>): T | null {
  const [catalog, setCatalog] = useState<T | null>(store.resolved);
  useEffect(() => {
    let live = true;
    store.load().then(
      (loaded) => {
        if (live) setCatalog(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store]);
  return catalog;
}

const claims = catalogStore(claimCatalog);
export const loadClaimCatalog = claims.load;
export const useClaimCatalog = (): ClaimCatalog | null => useCatalog(claims);

const membership = catalogStore(membershipCatalog);
export const loadMembershipCatalog = membership.load;
export const useMembershipCatalog = () => useCatalog(membership);
