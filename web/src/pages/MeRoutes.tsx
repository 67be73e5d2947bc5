import { type ReactNode, useEffect } from 'react';
import type { User } from '../api/types.ts';
import { itemIdFromPath, navigate } from '../router.tsx';
import { MeClaimsPage } from './MeClaimsPage.tsx';
import { MeContributionsPage } from './MeContributionsPage.tsx';
import { MeHomePage } from './MeHomePage.tsx';

// Participant self-service pages, phone-first. Paths are Indonesian like the rest of the app.
export const ME_PATH = '/saya';
export const ME_CONTRIBUTIONS_PATH = '/iuran-saya';
export const ME_CLAIMS_PATH = '/klaim-saya';
/** Reached from the login screen; the activation letter prints this path. */
export const ACTIVATE_PATH = '/aktivasi-akun';

function GoHome() {
  useEffect(() => navigate(ME_PATH, { replace: true }), []);
  return null;
}

/** The self-service page for the path, or null when the path is not one (or the user is no participant). */
export function meRoute(path: string, user: User, onUnauthenticated: () => void): ReactNode | null {
  if (!user.permissions.includes('self_service.read')) return null;
  if (path === '/' || path === ACTIVATE_PATH) return <GoHome />;
  if (path === ME_PATH) return <MeHomePage onUnauthenticated={onUnauthenticated} />;
  if (path === ME_CONTRIBUTIONS_PATH) return <MeContributionsPage onUnauthenticated={onUnauthenticated} />;
  const claimId = itemIdFromPath(path, ME_CLAIMS_PATH);
  if (path === ME_CLAIMS_PATH || claimId) {
    return <MeClaimsPage key={claimId ?? ''} claimId={claimId} onUnauthenticated={onUnauthenticated} />;
  }
  return null;
}
