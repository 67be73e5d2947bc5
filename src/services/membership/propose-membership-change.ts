// The village operator proposes an exit (keluar) or a move (pindah desa) of one of their own
// workers; the district verifies and the branch applies (step-membership-change.ts).
import { recordAudit } from '../../db/audit.ts';
import { findMembershipInScope, findOpenChange, insertProposal } from '../../db/membership-changes.ts';
import { findScopedRegion } from '../../db/scope.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { alasanCocok } from '../../rules/keanggotaan/akhir.ts';
import { requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import type { Clock } from '../clock.ts';
import { requireNotFuture, requireOpenPeriod } from '../time-guards.ts';
import { ProposeChangeInput } from './schemas.ts';

/**
 * A membership may change from a date not after today (the one time guard, DATE_IN_FUTURE) and
 * not before its last status change, so the change is the history's last word.
 */
export function requireChangeDate(clock: Clock, date: string, statusSince: string) {
  requireNotFuture(clock, 'effectiveDate', date);
  if (date < statusSince) throw new AppError('MEMBERSHIP_CHANGE_DATE', { date, since: statusSince });
}

/** The receiving village of a move: another village of the same regency. */
async function receivingVillage(
  tx: Queryable,
  code: string,
  from: { regionCode: string; regencyCode: string },
) {
  const v = await findScopedRegion(tx, code, [from.regencyCode]);
  if (v?.level !== 'village' || v.code === from.regionCode)
    throw new AppError('MEMBERSHIP_MOVE_VILLAGE', { village: code });
  return v.code;
}

export async function proposeMembershipChange(deps: Deps, actor: Actor, raw: ProposeChangeInput) {
  requirePermission(actor, 'membership.propose');
  const input = ProposeChangeInput.parse(raw);
  if (!alasanCocok(input.kind, input.reason))
    throw new AppError('MEMBERSHIP_CHANGE_REASON', { reason: input.reason, kind: input.kind });
  return deps.db.transaction(async (tx) => {
    const m = await findMembershipInScope(tx, input.kpj, actor.regionScopes, true);
    if (!m) throw new AppError('NOT_FOUND');
    if (m.status === 'ended') throw new AppError('MEMBERSHIP_ENDED', { kpj: m.kpj, since: m.statusSince });
    const at = deps.clock.now();
    requireChangeDate(deps.clock, input.effectiveDate, m.statusSince);
    await requireOpenPeriod(tx, m.regencyCode, 'effectiveDate', input.effectiveDate);
    const open = await findOpenChange(tx, m.id);
    if (open) throw new AppError('MEMBERSHIP_CHANGE_OPEN', { kpj: m.kpj, id: open.id });
    const regionAfter =
      input.kind === 'move' ? await receivingVillage(tx, input.toVillageCode!, m) : m.regionCode;
    const id = await insertProposal(tx, {
      participantId: m.id,
      regencyCode: m.regencyCode,
      kind: input.kind,
      reason: input.reason,
      effectiveDate: input.effectiveDate,
      note: input.note,
      statusBefore: m.status,
      regionBefore: m.regionCode,
      regionAfter,
      by: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'membership.propose',
      entity: 'membership_change',
      entityId: String(id),
      regionCode: m.regionCode,
      after: {
        kpj: m.kpj,
        kind: input.kind,
        reason: input.reason,
        effectiveDate: input.effectiveDate,
        regionAfter,
      },
    });
    return { id, state: 'proposed' as const };
  });
}
