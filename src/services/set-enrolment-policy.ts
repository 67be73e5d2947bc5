import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { upsertEnrolmentPolicy } from '../db/enrolment-policy.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { type EnrolmentPolicy, enrolmentPolicy } from './enrolment-policy.ts';

export const EnrolmentPolicyInput = z
  .object({
    ageMinYears: z.number().int().min(0).max(100),
    ageMaxYears: z.number().int().min(0).max(120),
    villageWorkersMin: z.number().int().min(0).max(100_000),
    villageWorkersMax: z.number().int().positive().max(1_000_000).nullable(),
  })
  .refine((p) => p.ageMinYears <= p.ageMaxYears, {
    message: 'ageMinYears must not exceed ageMaxYears',
    path: ['ageMinYears'],
  });

export async function showEnrolmentPolicy(deps: Deps, actor: Actor, regencyCode: string) {
  await requireInScope(deps.db, actor, 'regency', regencyCode);
  return enrolmentPolicy(deps.db, regencyCode);
}

/** The district sets its enrolment rules (age limits, workers per village batch, village quota). */
export async function setEnrolmentPolicy(
  deps: Deps,
  actor: Actor,
  regencyCode: string,
  input: EnrolmentPolicy,
) {
  requirePermission(actor, 'enrolment.verify');
  await requireInScope(deps.db, actor, 'regency', regencyCode);
  const parsed = EnrolmentPolicyInput.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail });
  }
  const p = parsed.data;
  return deps.db.transaction(async (tx) => {
    const before = await enrolmentPolicy(tx, regencyCode);
    const at = deps.clock.now();
    await upsertEnrolmentPolicy(tx, { regencyCode, ...p, at, by: actor.username });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'enrolment_policy.set',
      entity: 'enrolment_policy',
      entityId: regencyCode,
      regionCode: regencyCode,
      before: { ...before },
      after: { ...p },
    });
    return p;
  });
}
