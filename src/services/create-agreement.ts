import {
  allocationsOf,
  branchesServing,
  findAgreementInScope,
  insertAgreement,
  listAgreementsInScope,
  type Signatory,
} from '../db/agreements.ts';
import { recordAudit } from '../db/audit.ts';
import { AppError } from '../errors.ts';
import { isValidDate } from '../rules/calendar.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { budgetUse } from './budget-use.ts';

export interface AgreementInput {
  number: string;
  title: string;
  regencyCode: string;
  /** The branch office that signs; defaults to the one branch serving the regency. */
  officeCode?: string | null;
  signedOn: string;
  validFrom: string;
  validTo: string;
  signatories: Signatory[];
  /** e.g. 'Perbup Belu 12/2025', 'Inpres 2/2021', 'Inpres 4/2022'. */
  legalBasis: string[];
}

function validate(a: AgreementInput): void {
  const bad = (detail: string) => new AppError('VALIDATION_FAILED', { detail });
  if (!a.number.trim()) throw bad('number: required');
  if (!a.title.trim()) throw bad('title: required');
  for (const f of ['signedOn', 'validFrom', 'validTo'] as const)
    if (!isValidDate(a[f])) throw bad(`${f}: YYYY-MM-DD`);
  if (a.validTo < a.validFrom) throw bad('validTo: on or after validFrom');
  if (a.signedOn > a.validTo) throw bad('signedOn: on or before validTo');
  for (const party of ['regency', 'branch'] as const)
    if (!a.signatories.some((s) => s.party === party)) throw bad(`signatories: one for the ${party}`);
  if (a.signatories.some((s) => !s.name.trim() || !s.position.trim() || !s.office.trim()))
    throw bad('signatories: name, position and office of each');
  if (a.legalBasis.length === 0 || a.legalBasis.some((b) => !b.trim())) throw bad('legalBasis: at least one');
}

export function requireAgreementRead(actor: Actor): void {
  requirePermission(actor, 'agreements.read');
}

/** The district records the PKS/MoU it signed with the branch (district officer, own regency only). */
export async function createAgreement(deps: Deps, actor: Actor, input: AgreementInput) {
  requirePermission(actor, 'agreements.manage');
  validate(input);
  const regency = await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  const branches = await branchesServing(deps.db, regency.code);
  const officeCode = input.officeCode ?? (branches.length === 1 ? branches[0]! : null);
  if (!officeCode || !branches.includes(officeCode))
    throw new AppError('OFFICE_NOT_FOUND', { code: input.officeCode ?? '(branch)' });
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const row = {
      number: input.number.trim(),
      title: input.title.trim(),
      regencyCode: regency.code,
      officeCode,
      signedOn: input.signedOn,
      validFrom: input.validFrom,
      validTo: input.validTo,
      signatories: input.signatories,
      legalBasis: input.legalBasis.map((b) => b.trim()),
      createdAt: at,
      createdBy: actor.username,
    };
    const id = await insertAgreement(tx, row);
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'agreement.create',
      entity: 'agreement',
      entityId: String(id),
      regionCode: regency.code,
      after: {
        ...row,
        signatories: row.signatories.map((s) => ({ position: s.position, office: s.office })),
      },
    });
    return { agreement: (await findAgreementInScope(tx, id, ['*']))! };
  });
}

export async function listAgreements(deps: Deps, actor: Actor, regencyCode: string | null = null) {
  requireAgreementRead(actor);
  return { agreements: await listAgreementsInScope(deps.db, actor.regionScopes, regencyCode) };
}

/** An agreement with its allocations and, per fiscal year it funds, the budget use of its payers. */
export async function showAgreement(deps: Deps, actor: Actor, id: number) {
  requireAgreementRead(actor);
  const agreement = await requireInScope(deps.db, actor, 'agreement', id);
  const allocations = await allocationsOf(deps.db, id);
  const years = [...new Set(allocations.map((a) => a.fiscalYear))].sort();
  const budget = [];
  for (const year of years) {
    const use = await budgetUse(deps, actor, { regencyCode: agreement.regencyCode, fiscalYear: year });
    const payers = new Set(allocations.filter((a) => a.fiscalYear === year).map((a) => a.payerId));
    budget.push({ fiscalYear: year, payers: use.payers.filter((p) => payers.has(p.payerId)) });
  }
  return { agreement, allocations, budgetUse: budget };
}
