import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { employerExists, findBusinessType, insertEmployer } from '../db/employers.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { fieldErrors, parseInput } from './list-employers.ts';

export const EmployerInput = z.strictObject({
  npp: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{5,20}$/, 'NPP_FORMAT'),
  name: z.string().trim().min(1).max(200),
  businessTypeCode: z.string().trim().min(1).max(48),
  /** Set only to override the business type's group; then riskGroupReason is required. */
  riskGroup: z.number().int().min(1).max(5).optional(),
  riskGroupReason: z.string().trim().min(1).max(500).optional(),
  scale: z.enum(['micro', 'small', 'medium', 'large']),
  /** A regency government employer of Non-ASN workers. */
  isGovernment: z.boolean().default(false),
  /** The regency or village the employer is registered in. */
  regionCode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2}\.\d{4})?$/, 'a regency or village code'),
});
export type EmployerInput = z.input<typeof EmployerInput>;

/**
 * Registers an employer (branch officer): the JKK risk group comes from the business type as of
 * today, unless overridden with a reason; the employer's payer is created with it.
 */
export async function registerEmployer(deps: Deps, actor: Actor, input: EmployerInput) {
  requirePermission(actor, 'employers.manage');
  const e = parseInput(EmployerInput, input);
  return deps.db.transaction(async (tx) => {
    await requireInScope(tx, actor, 'region', e.regionCode);
    const type = await findBusinessType(tx, e.businessTypeCode);
    if (!type) throw fieldErrors([{ field: 'businessTypeCode', code: 'BUSINESS_TYPE_UNKNOWN' }]);
    const overridden = e.riskGroup !== undefined && e.riskGroup !== type.riskGroup;
    if (overridden && !e.riskGroupReason) throw fieldErrors([{ field: 'riskGroupReason', code: 'REQUIRED' }]);
    if (await employerExists(tx, e.npp)) throw new AppError('DUPLICATE', { detail: `NPP ${e.npp}` });
    const at = deps.clock.now();
    const riskGroup = overridden ? e.riskGroup! : type.riskGroup;
    const id = await insertEmployer(tx, {
      npp: e.npp,
      name: e.name,
      businessTypeCode: type.code,
      riskGroup,
      riskGroupReason: overridden ? e.riskGroupReason! : null,
      scale: e.scale,
      isGovernment: e.isGovernment,
      regionCode: e.regionCode,
      by: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'employer.register',
      entity: 'employer',
      entityId: String(id),
      regionCode: e.regionCode,
      after: {
        npp: e.npp,
        employerName: e.name,
        businessType: type.code,
        riskGroup,
        riskGroupSource: overridden ? 'override' : `business_type (${type.status})`,
        scale: e.scale,
        isGovernment: e.isGovernment,
      },
    });
    return { employer: await requireInScope(tx, actor, 'employer', e.npp) };
  });
}
