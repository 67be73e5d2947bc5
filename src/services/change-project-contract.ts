import { z } from 'zod';
import { recordAudit } from '../db/audit.ts';
import {
  issueProjectInvoice,
  projectInvoicedByProgram,
  recordProjectChange,
} from '../db/project-invoices.ts';
import { extendProjectWorkers, listProjectWorkers, removeProjectWorkers } from '../db/projects.ts';
import { isValidDate } from '../rules/calendar.ts';
import { Explainer } from '../rules/explanation.ts';
import { formatRp } from '../rules/format.ts';
import { jatuhTempoJakon } from '../rules/iuran/jatuh-tempo.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { calculateContribution } from './calculate.ts';
import { officeDate } from './clock.ts';
import { fieldErrors, parseInput } from './list-employers.ts';
import { ruleBook } from './rule-book.ts';

export const ProjectContractChange = z.strictObject({
  /** The new contract value (addendum); the premium follows its tiers (fact sheet §2.4). */
  contractValueRp: z.number().int().positive().refine(Number.isSafeInteger, 'too large').optional(),
  /** The new end date (extension or early end); workers' cover follows it. */
  endDate: z.string().refine(isValidDate, 'DATE_INVALID').optional(),
  /** Why (the addendum's number, say). */
  reason: z.string().trim().min(1).max(500),
});
export type ProjectContractChange = z.input<typeof ProjectContractChange>;

/**
 * A change of a project's contract value or duration (branch officer). The premium is computed
 * again on the start month's tiers; what it exceeds what was invoiced so far is invoiced to the
 * contractor as an adjustment, per programme, due like the registration (jatuhTempoJakon).
 *
 * A lower premium is not refunded: regulations.md §2.4 (PP 44/2015 Pasal 16-18; Permenakertrans
 * 44/2015 Pasal 3-4) says nothing about refunding a project premium, so nothing is credited; the
 * amount not refunded is recorded on the change (not_refunded_rp) and shown with it.
 */
export async function changeProjectContract(
  deps: Deps,
  actor: Actor,
  projectNumber: string,
  input: ProjectContractChange,
) {
  requirePermission(actor, 'employers.manage');
  const c = parseInput(ProjectContractChange, input);
  return deps.db.transaction(async (tx) => {
    // Locked: two changes of one project one after the other, each seeing the other's invoice.
    const project = await requireInScope(tx, actor, 'project', projectNumber.toUpperCase(), { lock: true });
    const contractValueRp = c.contractValueRp ?? project.contractValueRp;
    const endDate = c.endDate ?? project.endDate;
    if (endDate < project.startDate)
      throw fieldErrors([{ field: 'endDate', code: 'DATE_INVALID', message: 'endDate: before startDate' }]);
    const at = deps.clock.now();
    const today = officeDate(at);
    const period = project.startDate.slice(0, 7);
    const premium = calculateContribution({ segment: 'JAKON', period, contractValueRp });
    const invoiced = await projectInvoicedByProgram(tx, project.id);
    const diffs = premium.lines.map((l) => ({
      line: l,
      diffRp: l.amountRp - (invoiced.get(l.program) ?? 0),
    }));
    const more = diffs.filter((d) => d.diffRp > 0);
    // No refund: the regulations are silent on it (see above); the shortfall is only recorded.
    const notRefundedRp = diffs.reduce((s, d) => s + (d.diffRp < 0 ? -d.diffRp : 0), 0);
    let invoiceId: number | null = null;
    let dueDate: string | null = null;
    if (more.length > 0) {
      dueDate = jatuhTempoJakon(new Explainer(ruleBook().book), project.startDate, today);
      invoiceId = await issueProjectInvoice(tx, {
        projectId: project.id,
        kind: 'adjustment',
        period: today.slice(0, 7),
        dueDate,
        lines: more.map((d) => ({
          program: d.line.program,
          amountRp: d.diffRp,
          basis: `penyesuaian nilai kontrak ${formatRp(project.contractValueRp)} → ${formatRp(contractValueRp)}: ${d.line.basis} dikurangi ${formatRp(invoiced.get(d.line.program) ?? 0)} yang sudah ditagih`,
        })),
        at,
      });
    }
    const base = { projectId: project.id, today, actor: actor.username, at };
    let workersMoved = 0;
    if (endDate < project.endDate) {
      const ending = (await listProjectWorkers(tx, project.id)).filter((w) => w.leftOn > endDate);
      workersMoved = await removeProjectWorkers(tx, {
        ...base,
        niks: ending.map((w) => w.nik),
        leftOn: ending.map(() => endDate),
        reason: 'JAKON project ends earlier (contract changed)',
      });
    } else if (endDate > project.endDate) {
      workersMoved = await extendProjectWorkers(tx, { ...base, oldEnd: project.endDate, newEnd: endDate });
    }
    await recordProjectChange(tx, {
      projectId: project.id,
      contractValueRp,
      endDate,
      premiumRp: premium.totalRp,
      premiumBasis: {
        period,
        contractValueRp,
        lines: premium.lines,
        parameters: premium.explanation.parameters,
        rules: premium.explanation.rules,
      },
      invoiceId,
      notRefundedRp,
      reason: c.reason,
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'project.change',
      entity: 'construction_project',
      entityId: String(project.id),
      regionCode: project.regionCode,
      before: {
        contractValueRp: project.contractValueRp,
        endDate: project.endDate,
        premiumRp: project.premiumRp,
      },
      after: {
        contractValueRp,
        endDate,
        premiumRp: premium.totalRp,
        invoiceId,
        dueDate,
        notRefundedRp,
        workersMoved,
      },
    });
    return {
      project: await requireInScope(tx, actor, 'project', project.projectNumber),
      adjustment: {
        invoiceId,
        dueDate,
        invoicedRp: more.reduce((s, d) => s + d.diffRp, 0),
        notRefundedRp,
        workersMoved,
      },
    };
  });
}
