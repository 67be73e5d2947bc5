import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { AppError } from '../errors.ts';
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

async function regencyInScope(deps: Deps, actor: Actor, regencyCode: string): Promise<void> {
  const r = await deps.db.query(
    `SELECT 1 FROM region WHERE code = $1 AND level = 'regency' AND region_in_scope(code, $2::text[])`,
    [regencyCode, actor.regionScopes],
  );
  if (r.rowCount === 0) throw new AppError('REGION_NOT_FOUND', { code: regencyCode });
}

export async function showEnrolmentPolicy(deps: Deps, actor: Actor, regencyCode: string) {
  await regencyInScope(deps, actor, regencyCode);
  return enrolmentPolicy(deps.db, regencyCode);
}

/** The district sets its enrolment rules (age limits, workers per village batch, village quota). */
export async function setEnrolmentPolicy(
  deps: Deps,
  actor: Actor,
  regencyCode: string,
  input: EnrolmentPolicy,
) {
  if (!actor.permissions.includes('enrolment.verify')) throw new AppError('FORBIDDEN');
  await regencyInScope(deps, actor, regencyCode);
  const parsed = EnrolmentPolicyInput.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail });
  }
  const p = parsed.data;
  return deps.db.transaction(async (tx) => {
    const before = await enrolmentPolicy(tx, regencyCode);
    const at = deps.clock.now();
    await tx.query(
      `INSERT INTO enrolment_policy (regency_code, age_min_years, age_max_years, village_workers_min, village_workers_max,
         updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (regency_code) DO UPDATE SET age_min_years = $2, age_max_years = $3, village_workers_min = $4,
         village_workers_max = $5, updated_at = $6, updated_by = $7`,
      [
        regencyCode,
        p.ageMinYears,
        p.ageMaxYears,
        p.villageWorkersMin,
        p.villageWorkersMax,
        at,
        actor.username,
      ],
    );
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
