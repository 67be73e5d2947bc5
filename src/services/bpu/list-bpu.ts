// The BPU mandiri screens' reads (issue 13 point 8): the registrations of the caller's scope a page
// at a time — a village operator sees only their village's — and one member with their payments.
// NIK and names masked unless the role needs them (access.ts seesInFull); views in full audited,
// as the participants list does.
import { bpuPaymentsOf, listBpuInScope } from '../../db/bpu-views.ts';
import { findRegionName } from '../../db/regions.ts';
import { maskPerson } from '../../privacy/mask.ts';
import { requirePermission, seesInFull } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';
import { countedKeysetPage } from '../keyset-page.ts';
import { auditParticipantsViewed } from '../personal-data-views.ts';
import { showBpu } from './show-bpu.ts';

/** The payments a member page shows: enough for years of monthly payments. */
export const BPU_PAYMENTS_SHOWN = 60;

export interface BpuQuery {
  /** Digits: an exact KPJ, NIK or payment code; otherwise part of a name. */
  search?: string | null;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

export async function listBpu(deps: Deps, actor: Actor, q: BpuQuery = {}) {
  requirePermission(actor, 'participants.read');
  const page = await countedKeysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterId) =>
      listBpuInScope(deps.db, {
        scopes: actor.regionScopes,
        search: q.search?.trim() || null,
        limit,
        afterId,
      }),
    (r) => r.id,
  );
  const full = page.rows.filter((r) => seesInFull(actor, { kind: 'participant', regionCode: r.regionCode }));
  await auditParticipantsViewed(deps, actor, full);
  const shown = new Set(full);
  return {
    total: page.total,
    registrations: page.rows.map((r) => (shown.has(r) ? r : maskPerson(r))),
    nextCursor: page.nextCursor,
    personalDataInFull: full.length > 0,
  };
}

/** One member (showBpu) with their village's name and the payments that settled their iuran, newest first. */
export async function showBpuWithPayments(deps: Deps, actor: Actor, key: string) {
  const shown = await showBpu(deps, actor, key);
  return {
    ...shown,
    villageName:
      (await findRegionName(deps.db, shown.registration.regionCode)) ?? shown.registration.regionCode,
    payments: await bpuPaymentsOf(deps.db, shown.registration.id, BPU_PAYMENTS_SHOWN),
  };
}
