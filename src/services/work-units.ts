// Work units (OPD) of a government employer (issue 13 point 4): the regency government employs its
// Non-ASN workers in its units, and the reports count them per unit. The branch or the government
// employer itself registers the units.
import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import type { EmployerRow } from '../db/employers.ts';
import { findWorkUnit, insertWorkUnit, listWorkUnits } from '../db/work-units.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { fieldErrors, parseInput } from './list-employers.ts';

export const WorkUnitInput = z.strictObject({
  /** The unit's short code as the regency writes it, e.g. DINKES. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9.-]{0,19}$/, 'a short code: letters, digits, dot or dash, up to 20'),
  name: z.string().trim().min(1).max(200),
});
export type WorkUnitInput = z.input<typeof WorkUnitInput>;

/** Work units belong to government employers only (WORK_UNIT_NOT_GOVERNMENT otherwise). */
export function requireGovernment(employer: Pick<EmployerRow, 'isGovernment'>, field: string): void {
  if (!employer.isGovernment) throw fieldErrors([{ field, code: 'WORK_UNIT_NOT_GOVERNMENT' }]);
}

export async function registerWorkUnit(deps: Deps, actor: Actor, npp: string, input: WorkUnitInput) {
  requirePermission(actor, 'employees.manage');
  const u = parseInput(WorkUnitInput, input);
  return deps.db.transaction(async (tx) => {
    const employer = await requireInScope(tx, actor, 'employer', npp, { lock: true });
    requireGovernment(employer, 'npp');
    if (await findWorkUnit(tx, employer.id, u.code))
      throw new AppError('DUPLICATE', { detail: `OPD ${u.code}` });
    const at = deps.clock.now();
    const id = await insertWorkUnit(tx, { employerId: employer.id, ...u, by: actor.username, at });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'work_unit.register',
      entity: 'work_unit',
      entityId: String(id),
      regionCode: employer.regionCode,
      after: { npp: employer.npp, code: u.code, name: u.name },
    });
    return { workUnit: { id, code: u.code, name: u.name, activeEmployees: 0 } };
  });
}

export async function listEmployerWorkUnits(deps: Deps, actor: Actor, npp: string) {
  requirePermission(actor, 'employers.read');
  const employer = await requireInScope(deps.db, actor, 'employer', npp);
  return { workUnits: employer.isGovernment ? await listWorkUnits(deps.db, employer.id) : [] };
}
