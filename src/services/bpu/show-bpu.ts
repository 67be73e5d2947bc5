// One BPU mandiri registration (by KPJ or payment code) with the months paid and what the next
// payment at its frequency comes to. NIK and name masked unless the role needs them.
import { invoicedMonths } from '../../db/bpu.ts';
import { maskPerson } from '../../privacy/mask.ts';
import { requireInScope, requirePermission, seesInFull } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { officeDate } from '../clock.ts';
import { auditParticipantsViewed } from '../personal-data-views.ts';
import { nextBpuMonths } from './iuran-months.ts';

export async function showBpu(deps: Deps, actor: Actor, key: string) {
  requirePermission(actor, 'participants.read');
  const reg = await requireInScope(deps.db, actor, 'bpu_registration', key.trim());
  const full = seesInFull(actor, { kind: 'participant', regionCode: reg.regionCode });
  if (full) await auditParticipantsViewed(deps, actor, [reg]);
  const months = await invoicedMonths(deps.db, reg.id);
  const next = nextBpuMonths(reg, months, officeDate(deps.clock.now()), reg.frequencyMonths);
  return {
    registration: full ? reg : maskPerson(reg),
    nextPayment: { from: next.from, to: next.to, amountRp: next.totalRp },
  };
}
