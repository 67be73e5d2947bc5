import { findOwnClaim, listOwnClaims, type OwnClaimRow, ownClaimSteps } from '../../db/self-service.ts';
import { AppError } from '../../errors.ts';
import { maskAccount } from '../../privacy/mask.ts';
import { reasonWords } from '../../rules/klaim/alasan-penolakan.ts';
import type { Actor, Deps } from '../actor.ts';
import { BANKS } from '../claims/catalog.ts';
import { selfParticipantId } from './self.ts';

/**
 * Decided claims show the benefit; the bank by its name and a refusal by its reason in words (the
 * codes mean nothing to a member); the account masked to its last four digits.
 */
export function claimView(c: OwnClaimRow) {
  const decided = ['approved', 'batched', 'paid'].includes(c.status);
  const { bankAccount, ...rest } = c;
  return {
    ...rest,
    refusal: c.refusalCode ? reasonWords(c.refusalCode) : null,
    amountRp: decided ? c.amountRp : null,
    bankName: BANKS[c.bankCode] ?? c.bankCode,
    bankAccountMasked: maskAccount(bankAccount),
  };
}

/**
 * The steps a member sees: one per change of status. Each document upload is an event that leaves
 * the claim 'filed', so without this a claim with three documents read "Diterima" four times.
 */
export function distinctSteps<T extends { toStatus: string }>(events: readonly T[]): T[] {
  return events.filter((e, i) => i === 0 || e.toStatus !== events[i - 1]!.toStatus);
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
  // Staff notes and names stay inside the branch; the participant sees each step and its reason.
  const events = distinctSteps(await ownClaimSteps(deps.db, claimId)).map((e) => ({
    ...e,
    reason: e.reasonCode ? reasonWords(e.reasonCode) : null,
  }));
  return { ...claimView(claim), events };
}
