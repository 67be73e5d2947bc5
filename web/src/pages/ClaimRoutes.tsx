import type { ReactNode } from 'react';
import type { User } from '../api/types.ts';
import { itemIdFromPath } from '../router.tsx';
import { ClaimDetailPage } from './ClaimDetailPage.tsx';
import { ClaimIntakePage } from './ClaimIntakePage.tsx';
import { CLAIM_CHECK_PATH, CLAIM_NEW_PATH, CLAIMS_PATH, ClaimQueuePage } from './ClaimQueuePage.tsx';
import { PayoutBatchDetail } from './PayoutBatchDetail.tsx';
import { PAYOUTS_PATH, PayoutBatchesPage } from './PayoutBatchesPage.tsx';

// Staff claim screens: the maker's queue and intake (/klaim), the checker's queue
// (/persetujuan-klaim), one claim under either, and payout batches (/pembayaran-klaim).

/** The claim or payout page for the path, or null when the path is not one the user may open. */
export function claimRoute(path: string, user: User, onUnauthenticated: () => void): ReactNode | null {
  const can = (permission: string) => user.permissions.includes(permission);
  if (path === CLAIM_NEW_PATH && can('claims.file') && can('claims.read')) {
    return <ClaimIntakePage onUnauthenticated={onUnauthenticated} />;
  }
  if (can('claims.read')) {
    const claimId = itemIdFromPath(path, CLAIMS_PATH);
    if (path === CLAIMS_PATH) {
      return <ClaimQueuePage key="maker" user={user} mode="maker" onUnauthenticated={onUnauthenticated} />;
    }
    if (claimId && /^\d+$/.test(claimId)) {
      return (
        <ClaimDetailPage
          key={`maker:${claimId}`}
          claimId={claimId}
          user={user}
          mode="maker"
          onUnauthenticated={onUnauthenticated}
        />
      );
    }
  }
  if (can('claims.decide') && can('claims.read')) {
    const claimId = itemIdFromPath(path, CLAIM_CHECK_PATH);
    if (path === CLAIM_CHECK_PATH) {
      return (
        <ClaimQueuePage key="checker" user={user} mode="checker" onUnauthenticated={onUnauthenticated} />
      );
    }
    if (claimId && /^\d+$/.test(claimId)) {
      return (
        <ClaimDetailPage
          key={`checker:${claimId}`}
          claimId={claimId}
          user={user}
          mode="checker"
          onUnauthenticated={onUnauthenticated}
        />
      );
    }
  }
  if (can('payouts.read')) {
    const batchId = itemIdFromPath(path, PAYOUTS_PATH);
    if (path === PAYOUTS_PATH) return <PayoutBatchesPage user={user} onUnauthenticated={onUnauthenticated} />;
    if (batchId && /^\d+$/.test(batchId)) {
      return (
        <PayoutBatchDetail
          key={batchId}
          batchId={batchId}
          user={user}
          onUnauthenticated={onUnauthenticated}
        />
      );
    }
  }
  return null;
}
