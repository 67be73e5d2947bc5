import { countClaims } from '../db/claim-reads.ts';
import { countBatchesByStatusInScope } from '../db/enrolment-batches.ts';
import { countInvoicesInScope } from '../db/invoices.ts';
import { countBatchesInScope as countPayoutBatchesInScope } from '../db/payout-batches.ts';
import { AppError } from '../errors.ts';
import { can, claimAccess } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { canSeeBatches } from './show-enrolment-batch.ts';

// The home page's to-dos: how much waits in each queue the caller can open, in the caller's scope.
// Every figure is the total of the list it links to, counted by that list's own query (db/*), so
// the home page and the list never disagree. A queue the caller cannot open is null, not 0.

export interface Home {
  enrolmentBatches: { draft: number; submitted: number; verified: number; rejected: number } | null;
  claims: { filed: number; submitted: number; overdue: number } | null;
  invoices: { open: number } | null;
  payoutBatches: { draft: number; approved: number } | null;
}

export async function showHome(deps: Deps, actor: Actor): Promise<Home> {
  const seesClaims = can(actor, 'claims.read');
  const seesPayouts = can(actor, 'payouts.read');
  const seesInvoices = can(actor, 'billing.read');
  const seesBatches = canSeeBatches(actor);
  if (!(seesClaims || seesPayouts || seesInvoices || seesBatches)) throw new AppError('FORBIDDEN');
  const scopes = actor.regionScopes;
  return {
    enrolmentBatches: seesBatches ? await batchCounts(deps, scopes) : null,
    claims: seesClaims ? await claimCounts(deps, actor) : null,
    invoices: seesInvoices ? { open: await countInvoicesInScope(deps.db, { scopes, status: 'open' }) } : null,
    payoutBatches: seesPayouts
      ? {
          draft: await countPayoutBatchesInScope(deps.db, { scopes, regencyCode: null, status: 'draft' }),
          approved: await countPayoutBatchesInScope(deps.db, {
            scopes,
            regencyCode: null,
            status: 'approved',
          }),
        }
      : null,
  };
}

async function batchCounts(deps: Deps, scopes: readonly string[]) {
  const { draft, submitted, verified, rejected } = await countBatchesByStatusInScope(deps.db, scopes);
  return { draft, submitted, verified, rejected };
}

async function claimCounts(deps: Deps, actor: Actor) {
  const scope = { ...claimAccess(actor), now: deps.clock.now() };
  return {
    filed: await countClaims(deps.db, { ...scope, status: 'filed' }),
    submitted: await countClaims(deps.db, { ...scope, status: 'submitted' }),
    overdue: await countClaims(deps.db, { ...scope, overdue: true }),
  };
}
