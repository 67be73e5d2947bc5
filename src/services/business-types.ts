// The business-type table (PP 44/2015 Lampiran I → JKK risk group). Only the fact sheet's
// examples are seeded (status 'partial'); the full Lampiran I must be transcribed from the PDF
// by an administrator through updateBusinessType, each row marked 'confirmed' once checked.
import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { findBusinessType, listBusinessTypes as listRows, upsertBusinessType } from '../db/employers.ts';
import { AppError } from '../errors.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { parseInput } from './list-employers.ts';

export const BusinessTypeInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  riskGroup: z.number().int().min(1).max(5),
  source: z.string().trim().min(1).max(500),
  status: z.enum(['partial', 'confirmed']),
});
export type BusinessTypeInput = z.infer<typeof BusinessTypeInput>;

const CODE = /^[a-z0-9][a-z0-9_]{1,47}$/;

/** Reference data: every logged-in user may read it. */
export async function listBusinessTypes(deps: Deps, _actor: Actor) {
  return { businessTypes: await listRows(deps.db) };
}

/** Creates or changes one business type. Employers keep the risk group they were registered with. */
export async function updateBusinessType(deps: Deps, actor: Actor, code: string, input: BusinessTypeInput) {
  requirePermission(actor, 'business_types.manage');
  if (!CODE.test(code)) throw new AppError('VALIDATION_FAILED', { detail: 'code: a-z, 0-9 and _ (2–48)' });
  const b = parseInput(BusinessTypeInput, input);
  return deps.db.transaction(async (tx) => {
    const before = await findBusinessType(tx, code, true);
    const at = deps.clock.now();
    await upsertBusinessType(tx, { code, ...b, by: actor.username, at });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: before ? 'business_type.update' : 'business_type.create',
      entity: 'business_type',
      entityId: code,
      before: before ? { title: before.name, riskGroup: before.riskGroup, status: before.status } : null,
      after: { title: b.name, riskGroup: b.riskGroup, status: b.status, source: b.source },
    });
    return { businessType: (await findBusinessType(tx, code))! };
  });
}
