// The checker steps of a village operator's proposal: the district verifies, the branch applies
// (or either rejects). Permission, scope (404 outside it), allowed state, the step's writes and
// the audit row, in one transaction (the shape of enrolment-step.ts).
import { recordAudit } from '../../db/audit.ts';
import {
  endMembership,
  findChangeInScope,
  findMembershipInScope,
  type MembershipChangeRow,
  markChangeApplied,
  moveMembership,
  setChangeState,
} from '../../db/membership-changes.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps, Permission } from '../actor.ts';
import { requireOpenPeriod } from '../time-guards.ts';
import { requireChangeDate } from './propose-membership-change.ts';

type State = MembershipChangeRow['state'];

async function step(
  deps: Deps,
  actor: Actor,
  id: number,
  spec: { permission: Permission; from: State[]; action: string },
  body: (tx: Queryable, c: MembershipChangeRow, at: string) => Promise<void>,
) {
  requirePermission(actor, spec.permission);
  return deps.db.transaction(async (tx) => {
    const c = await findChangeInScope(tx, id, actor.regionScopes, true);
    if (!c) throw new AppError('NOT_FOUND');
    if (!spec.from.includes(c.state))
      throw new AppError('MEMBERSHIP_CHANGE_STATE', { id, state: c.state, needed: spec.from.join(' / ') });
    const at = deps.clock.now();
    await body(tx, c, at);
    const after = (await findChangeInScope(tx, id, actor.regionScopes))!;
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: spec.action,
      entity: 'membership_change',
      entityId: String(id),
      regionCode: c.regionBefore,
      before: { kpj: c.kpj, state: c.state, status: c.statusBefore, region: c.regionBefore },
      after: { kpj: c.kpj, state: after.state, status: after.statusAfter, region: after.regionAfter },
    });
    return after;
  });
}

/** The district checks the proposal (maker ≠ checker by role: the operator cannot verify). */
export function verifyMembershipChange(deps: Deps, actor: Actor, id: number) {
  return step(
    deps,
    actor,
    id,
    { permission: 'membership.verify', from: ['proposed'], action: 'membership.verify' },
    (tx, c, at) => setChangeState(tx, { id: c.id, state: 'verified', by: actor.username, at }),
  );
}

/** The district (proposed) or the branch (verified) turns a proposal down with a reason. */
export function rejectMembershipChange(deps: Deps, actor: Actor, id: number, reason: string) {
  const branch = actor.permissions.includes('membership.apply');
  return step(
    deps,
    actor,
    id,
    {
      permission: branch ? 'membership.apply' : 'membership.verify',
      from: branch ? ['verified'] : ['proposed'],
      action: 'membership.reject',
    },
    (tx, c, at) =>
      setChangeState(tx, { id: c.id, state: 'rejected', by: actor.username, at, rejectReason: reason }),
  );
}

/**
 * The branch applies a verified change: an exit ends the membership from its date, a move carries
 * it to the receiving village (counts, payer, region history) — with the change row and the audit.
 */
export function applyMembershipChange(deps: Deps, actor: Actor, id: number) {
  return step(
    deps,
    actor,
    id,
    { permission: 'membership.apply', from: ['verified'], action: 'membership.apply' },
    async (tx, c, at) => {
      const m = (await findMembershipInScope(tx, c.kpj, [c.regencyCode], true))!;
      if (m.status === 'ended') throw new AppError('MEMBERSHIP_ENDED', { kpj: m.kpj, since: m.statusSince });
      requireChangeDate(deps.clock, c.effectiveDate, m.statusSince);
      // A move writes the counts on its own date: a closed month's counts never move (periods.md).
      await requireOpenPeriod(tx, c.regencyCode, 'effectiveDate', c.effectiveDate);
      if (c.kind === 'exit')
        await endMembership(tx, {
          participantId: m.id,
          effectiveDate: c.effectiveDate,
          reason: `membership change ${c.id}: ${c.reason}`,
          actor: actor.username,
          at,
        });
      else
        await moveMembership(tx, {
          participantId: m.id,
          toVillage: c.regionAfter,
          effectiveDate: c.effectiveDate,
          at,
        });
      await markChangeApplied(tx, { id: c.id, statusBefore: m.status, by: actor.username, at });
    },
  );
}
