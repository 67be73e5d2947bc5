import type { Deps } from '../../src/services/actor.ts';
import { proposeMembershipChange, verifyMembershipChange } from '../../src/services/membership/index.ts';
import { demoActor } from './actors.ts';

/**
 * Membership changes for the access table: two Kewar exits (one proposed, one verified) and a
 * Fulur exit to reject, all dated the day before the fixture's today.
 */
export async function membershipChanges(
  deps: Deps,
  kewar: { proposed: string; verified: string },
  fulurKpj: string,
) {
  const exit = (kpj: string) => ({
    kpj,
    kind: 'exit' as const,
    reason: 'left_programme' as const,
    effectiveDate: '2026-11-30',
    note: 'keluar dari program',
  });
  const kewarOp = await demoActor(deps, 'desa.kewar');
  const proposed = (await proposeMembershipChange(deps, kewarOp, exit(kewar.proposed))).id;
  const verified = (await proposeMembershipChange(deps, kewarOp, exit(kewar.verified))).id;
  await verifyMembershipChange(deps, await demoActor(deps, 'dinas.belu'), verified);
  const toReject = (await proposeMembershipChange(deps, await demoActor(deps, 'desa.fulur'), exit(fulurKpj)))
    .id;
  return { proposed, verified, toReject };
}
