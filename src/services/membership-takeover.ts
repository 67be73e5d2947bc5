import { recordAudit } from '../db/audit.ts';
import type { EndedMembership } from '../db/memberships.ts';
import type { Queryable } from '../db/types.ts';
import type { Actor } from './actor.ts';

/**
 * The audit row of a membership an employer's PU registration ended (one person, one membership
 * per programme; src/rules/kepesertaan.ts), in the ended membership's own region, so the village
 * or district that paid for it sees its worker leave. `by` names the registration.
 */
export async function auditMembershipTakeOver(
  tx: Queryable,
  actor: Actor,
  at: string,
  m: EndedMembership,
  by: string,
) {
  await recordAudit(tx, {
    at,
    actor: actor.username,
    action: 'membership.end',
    entity: 'participant',
    entityId: String(m.id),
    regionCode: m.regionCode,
    before: { kpj: m.kpj, status: 'active' },
    after: { kpj: m.kpj, status: 'ended', endedOn: m.endedOn, reason: 'DOUBLE_COVERAGE', takenOverBy: by },
  });
}
