import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import {
  ageOn,
  type EmployerRow,
  findEmployment,
  hasOpenEmployment,
  insertEmployment,
} from '../db/employers.ts';
import { endTakenOverMemberships } from '../db/memberships.ts';
import type { Queryable } from '../db/types.ts';
import { findWorkUnit } from '../db/work-units.ts';
import { AppError } from '../errors.ts';
import { PersonName } from '../hygiene.ts';
import { isValidDate } from '../rules/calendar.ts';
import { puPackage } from '../rules/keanggotaan/paket-pu.ts';
import { precedenceTable } from '../rules/kepesertaan.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { admitPerson, heldAllowing } from './admit-person.ts';
import { officeDate } from './clock.ts';
import { fieldErrors, parseInput } from './list-employers.ts';
import { auditMembershipTakeOver } from './membership-takeover.ts';
import { requireNotFuture } from './time-guards.ts';
import { requireGovernment } from './work-units.ts';

const isoDate = z.string().refine(isValidDate, 'DATE_INVALID');

export const EmployeeInput = z.strictObject({
  nik: z.string().trim(),
  /** Needed only when the NIK is not yet in the registry. */
  fullName: PersonName.optional(),
  birthDate: isoDate.optional(),
  sex: z.enum(['L', 'P']).optional(),
  startDate: isoDate,
  wageRp: z.number().int().positive().refine(Number.isSafeInteger, 'WAGE_INVALID'),
  /** JP may be left out by a micro or small employer (fact sheet §1.2) and for Non-ASN workers (§5). */
  jp: z.boolean().default(true),
  /** JHT may be left out only for a Non-ASN worker of a government employer (src/rules/keanggotaan/paket-pu.ts). */
  jht: z.boolean().default(true),
  /** The work unit (OPD) of a Non-ASN worker, by its code; government employers only. */
  workUnitCode: z.string().trim().toUpperCase().min(1).max(20).optional(),
  /** JKP: registered before age 54 (PP 37/2021 Pasal 4); the employer declares the JKN condition. */
  jkp: z.boolean().default(false),
});
export type EmployeeInput = z.input<typeof EmployeeInput>;

/** The id of the named work unit (OPD) of a government employer; none named: null. */
async function workUnitOf(q: Queryable, employer: EmployerRow, code: string | undefined) {
  if (code === undefined) return null;
  requireGovernment(employer, 'workUnitCode');
  const unit = await findWorkUnit(q, employer.id, code);
  if (!unit) throw fieldErrors([{ field: 'workUnitCode', code: 'WORK_UNIT_UNKNOWN' }]);
  return unit.id;
}

/** JKP needs the worker under 54 at registration (fact sheet §1.3). */
const JKP_AGE_MAX_YEARS = 53;

/**
 * Registers one worker of an employer (the form): the person by NIK, created when new with the
 * enrolment's NIK rules; a PU participant with a KPJ, active from the start date; the employment.
 */
export async function registerEmployee(deps: Deps, actor: Actor, npp: string, input: EmployeeInput) {
  requirePermission(actor, 'employees.manage');
  const e = parseInput(EmployeeInput, input);
  return deps.db.transaction(async (tx) => {
    const employer = await requireInScope(tx, actor, 'employer', npp, { lock: true });
    requireNotFuture(deps.clock, 'startDate', e.startDate);
    const pkg = puPackage({ isGovernment: employer.isGovernment, scale: employer.scale, ...e });
    if (pkg.kind === 'refused') throw fieldErrors([{ field: pkg.field, code: pkg.code }]);
    const workUnitId = await workUnitOf(tx, employer, e.workUnitCode);
    const person = {
      nik: e.nik,
      fullName: e.fullName ?? null,
      birthDate: e.birthDate ?? null,
      sex: e.sex ?? null,
    };
    const at = deps.clock.now();
    await admitPerson(tx, person, at);
    if (e.jkp && (await ageOn(tx, e.nik, officeDate(at)))! > JKP_AGE_MAX_YEARS) {
      throw fieldErrors([
        { field: 'jkp', code: 'AGE_OUT_OF_RANGE', message: 'JKP: age at registration must be under 54' },
      ]);
    }
    if (await hasOpenEmployment(tx, employer.id, e.nik)) {
      throw new AppError('DUPLICATE', { detail: `employment NPP ${employer.npp}` });
    }
    const programs = pkg.programs;
    const candidate = { segment: 'PU' as const, fundingSource: 'EMPLOYER' as const, programs };
    // One active membership per programme (src/rules/kepesertaan.ts): a migrant worker's cover is
    // refused with its code; a BPU membership (self-paid or village-funded) gives way to PU.
    const held = await heldAllowing(tx, e.nik, candidate);
    const endedOthers = await endTakenOverMemberships(tx, {
      personIds: [...new Set(held.map((h) => h.personId))],
      takesOver: precedenceTable(candidate).takesOver,
      programs,
      onDate: e.startDate,
      reason: `double coverage: PU registered by NPP ${employer.npp}`,
      actor: actor.username,
      at,
    });
    const id = await insertEmployment(tx, {
      employerId: employer.id,
      nik: e.nik,
      startDate: e.startDate,
      wageRp: e.wageRp,
      programs,
      actor: actor.username,
      at,
      kpjYear: Number(officeDate(at).slice(0, 4)),
      workUnitId,
    });
    const employment = (await findEmployment(tx, id))!;
    for (const m of endedOthers) await auditMembershipTakeOver(tx, actor, at, m, `PU ${employment.kpj}`);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'employee.register',
      entity: 'employment',
      entityId: String(id),
      regionCode: employer.regionCode,
      after: {
        npp: employer.npp,
        kpj: employment.kpj,
        nik: e.nik,
        startDate: e.startDate,
        wageRp: e.wageRp,
        programs,
        ...(e.workUnitCode ? { workUnit: e.workUnitCode } : {}),
      },
    });
    // The employer learns only that another (non-wage) membership ended, not whose or where.
    return { employment, endedMemberships: endedOthers.length };
  });
}
