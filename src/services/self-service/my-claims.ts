import { findOwnClaim, listOwnClaims, type OwnClaimRow, ownClaimSteps } from '../../db/self-service.ts';
import { AppError } from '../../errors.ts';
import { maskAccount } from '../../privacy/mask.ts';
import type { Actor, Deps } from '../actor.ts';
import { selfParticipantId } from './self.ts';

/** Decided claims show the benefit; the bank account is masked to its last four digits. */
export function claimView(c: OwnClaimRow) {
  const decided = ['approved', 'batched', 'paid'].includes(c.status);
  const { bankAccount, ...rest } = c;
  return { ...rest, amountRp: decided ? c.amountRp : null, bankAccountMasked: maskAccount(bankAccount) };
}

/** The participant's own claims, newest first (the claim number is the participant's reference). */
export async function myClaims(deps: Deps, actor: Actor) {
  const claims = await listOwnClaims(deps.db, selfParticipantId(actor));
  return { claims: claims.map(claimView) };
}

/** One of the participant's claims with its steps; another participant's claim is 404. */
export async function myClaim(deps: Deps, actor: Actor, claimId: number) {
  const participantId = selfParticipantId(actor);
  const claim = await findOwnClaim(deps.db, claimId, participantId);
  if (!claim) throw new AppError('NOT_FOUND');
  // Staff notes and names stay inside the branch; the participant sees each step and its reason code.
  const events = await ownClaimSteps(deps.db, claimId);
  return { ...claimView(claim), events };
}
