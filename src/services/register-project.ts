import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import { issueProjectInvoice } from '../db/project-invoices.ts';
import { findProject, insertProject } from '../db/projects.ts';
import { AppError } from '../errors.ts';
import { isValidDate } from '../rules/calendar.ts';
import { Explainer } from '../rules/explanation.ts';
import { jatuhTempoJakon } from '../rules/iuran/jatuh-tempo.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { calculateContribution } from './calculate.ts';
import { officeDate } from './clock.ts';
import { fieldErrors, parseInput } from './list-employers.ts';
import { ruleBook } from './rule-book.ts';

const isoDate = z.string().refine(isValidDate, 'DATE_INVALID');

export const ProjectInput = z.strictObject({
  projectNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9./-]{2,39}$/, 'PROJECT_NUMBER_FORMAT'),
  name: z.string().trim().min(1).max(200),
  /** Pemberi kerja: who commissioned the work. */
  ownerName: z.string().trim().min(1).max(200),
  contractorNpp: z.string().trim().toUpperCase(),
  contractValueRp: z.number().int().positive().refine(Number.isSafeInteger, 'too large'),
  startDate: isoDate,
  endDate: isoDate,
  regionCode: z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, 'a region code'),
});
export type ProjectInput = z.input<typeof ProjectInput>;

/**
 * Registers a construction project (branch officer). Wages are not known at registration, so
 * the premium follows the contract-value tiers of the start month (fact sheet §2.4); the rules'
 * lines, parameters and period are stored with it, and the premium is invoiced to the contractor
 * in the same transaction (one line per programme, a balanced ledger entry). Its workers are
 * covered once that invoice is paid (change-project-workers.ts).
 */
export async function registerProject(deps: Deps, actor: Actor, input: ProjectInput) {
  requirePermission(actor, 'employers.manage');
  const p = parseInput(ProjectInput, input);
  if (p.endDate < p.startDate)
    throw fieldErrors([{ field: 'endDate', code: 'DATE_INVALID', message: 'endDate: before startDate' }]);
  const period = p.startDate.slice(0, 7);
  const premium = calculateContribution({ segment: 'JAKON', period, contractValueRp: p.contractValueRp });
  const basis = {
    period,
    contractValueRp: p.contractValueRp,
    lines: premium.lines,
    parameters: premium.explanation.parameters,
    rules: premium.explanation.rules,
  };
  return deps.db.transaction(async (tx) => {
    await requireInScope(tx, actor, 'local_region', p.regionCode);
    const contractor = await requireInScope(tx, actor, 'employer', p.contractorNpp);
    if (await findProject(tx, p.projectNumber, { scopes: ['*'], npp: null })) {
      throw new AppError('DUPLICATE', { detail: `project ${p.projectNumber}` });
    }
    const at = deps.clock.now();
    const id = await insertProject(tx, {
      ...p,
      contractorEmployerId: contractor.id,
      premiumRp: premium.totalRp,
      premiumBasis: basis,
      by: actor.username,
      at,
    });
    // The premium is invoiced to the contractor at once: it is paid up front with the project form
    // (Permenakertrans 44/2015 Pasal 3-4), its due date from the rules (jatuhTempoJakon).
    const dueDate = jatuhTempoJakon(new Explainer(ruleBook().book), p.startDate, officeDate(at));
    const invoiceId = await issueProjectInvoice(tx, {
      projectId: id,
      kind: 'regular',
      period,
      dueDate,
      lines: premium.lines,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'project.register',
      entity: 'construction_project',
      entityId: String(id),
      regionCode: p.regionCode,
      after: {
        projectNumber: p.projectNumber,
        contractorNpp: contractor.npp,
        contractValueRp: p.contractValueRp,
        premiumRp: premium.totalRp,
        period,
        invoiceId,
        dueDate,
      },
    });
    return { project: await requireInScope(tx, actor, 'project', p.projectNumber) };
  });
}
