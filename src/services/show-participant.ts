import { otherMembershipsInScope, participantAccountState } from '../db/participant-detail.ts';
import { listOwnClaims } from '../db/self-service.ts';
import { AppError } from '../errors.ts';
import { maskPerson } from '../privacy/mask.ts';
import { can, requireInScope, requirePermission, seesInFull } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { mayPrintCards } from './membership-card.ts';
import { auditParticipantsViewed } from './personal-data-views.ts';
import { NO_PASSWORD_YET } from './self-service/activation-code.ts';
import { claimView } from './self-service/my-claims.ts';
import { contributionHistory } from './self-service/my-contributions.ts';
import { coverageHistory } from './self-service/my-coverage.ts';

// The staff's participant page (issue 15, point 1): one participant by KPJ with the person's
// identity (in full for those who must see it, audited; masked for everyone else), the person's
// memberships in the caller's scope, coverage periods, contributions, claims and status history,
// and what the caller may do from the page. A KPJ outside the caller's scope is 404.

/**
 * Contributions need billing.read and claims claims.read: the page shows each part only to a role
 * that may already read it elsewhere (null otherwise), so the page widens no one's access.
 */
export async function showParticipant(deps: Deps, actor: Actor, kpj: string) {
  requirePermission(actor, 'participants.read');
  const wanted = kpj.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(wanted)) throw new AppError('NOT_FOUND');
  const found = await requireInScope(deps.db, actor, 'participant_page', wanted);
  const full = seesInFull(actor, { kind: 'participant', regionCode: found.regionCode });
  if (full) await auditParticipantsViewed(deps, actor, [found]);
  const { personId, ...identity } = found;
  const active = found.status === 'active';
  const activation = can(actor, 'participants.activation_code') && SEES_PERSONAL_DATA.includes(actor.role);
  return {
    participant: full ? identity : maskPerson(identity),
    personalDataInFull: full,
    memberships: await otherMembershipsInScope(deps.db, {
      personId,
      participantId: found.id,
      scopes: actor.regionScopes,
    }),
    coverage: await coverageHistory(deps, found.id),
    contributions: can(actor, 'billing.read') ? await contributionHistory(deps, found.id) : null,
    claims: can(actor, 'claims.read') ? (await listOwnClaims(deps.db, found.id)).map(claimView) : null,
    account: activation ? await participantAccountState(deps.db, found.kpj, NO_PASSWORD_YET) : null,
    actions: {
      printCard: active && mayPrintCards(actor),
      activationLetter: active && activation,
      fileClaim: can(actor, 'claims.file') && can(actor, 'claims.read'),
    },
  };
}
