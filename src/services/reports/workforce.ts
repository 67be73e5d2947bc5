// The workforce of a regency per year — the denominator of Universal Coverage Jamsostek — with
// its published source (e.g. BPS Sakernas) and the district's coverage target for that year.
import { z } from 'zod';
import { RegencyCode } from '../../contracts/fields.ts';
import { recordAudit } from '../../db/audit.ts';
import { upsertWorkforce, workforceOf, workforceYears } from '../../db/workforce.ts';
import { AppError } from '../../errors.ts';
import { requireInScope, requirePermission } from '../access.ts';
import type { Actor, Deps } from '../actor.ts';

export const WorkforceInput = z.object({
  regencyCode: RegencyCode,
  year: z.number().int().min(2000).max(2100),
  workforce: z.number().int().positive().max(2_000_000_000),
  source: z.string().trim().min(3).max(300),
  /** Percent of the workforce, at most two decimals (75.5 = 75,5%). */
  targetPercent: z
    .number()
    .min(0)
    .max(100)
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, {
      message: 'at most two decimals',
    }),
});
export type WorkforceInput = z.infer<typeof WorkforceInput>;

export async function listWorkforce(deps: Deps, actor: Actor, regencyCode: string) {
  requirePermission(actor, 'reports.read');
  const regency = await requireInScope(deps.db, actor, 'regency_part', regencyCode);
  const years = await workforceYears(deps.db, regency.code);
  return { regencyCode: regency.code, regencyName: regency.name, years };
}

/** Enters or corrects a year's workforce and target (district officer or admin), audited. */
export async function setWorkforce(deps: Deps, actor: Actor, input: WorkforceInput) {
  requirePermission(actor, 'workforce.manage');
  const parsed = WorkforceInput.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', { detail });
  }
  const w = parsed.data;
  await requireInScope(deps.db, actor, 'regency', w.regencyCode);
  const targetBp = Math.round(w.targetPercent * 100);
  return deps.db.transaction(async (tx) => {
    const before = await workforceOf(tx, w.regencyCode, w.year);
    const at = deps.clock.now();
    await upsertWorkforce(tx, {
      regencyCode: w.regencyCode,
      year: w.year,
      workforce: w.workforce,
      source: w.source,
      targetBp,
      by: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'workforce.set',
      entity: 'workforce',
      entityId: `${w.regencyCode}/${w.year}`,
      regionCode: w.regencyCode,
      before: before ? { ...before } : null,
      after: { ...w },
    });
    return (await workforceOf(tx, w.regencyCode, w.year))!;
  });
}
