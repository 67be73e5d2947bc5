import { ensurePayer, findRegion, insertAllocation } from '../db/agreements.ts';
import { recordAudit } from '../db/audit.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';

export interface AllocationInput {
  /** APBD: the regency treasury; APBDES: a village (villageCode); CSR: a donor (csrName). */
  fundingSource: 'APBD' | 'APBDES' | 'CSR';
  fiscalYear: number;
  amountRp: number;
  quotaWorkers?: number | null;
  villageCode?: string | null;
  csrName?: string | null;
}

function validate(a: AllocationInput): void {
  const bad = (detail: string) => new AppError('VALIDATION_FAILED', { detail });
  if (!['APBD', 'APBDES', 'CSR'].includes(a.fundingSource)) throw bad('fundingSource: APBD, APBDES or CSR');
  if (!Number.isInteger(a.fiscalYear)) throw bad('fiscalYear: a year');
  if (!Number.isSafeInteger(a.amountRp) || a.amountRp < 0) throw bad('amountRp: whole rupiah, 0 or more');
  if (a.quotaWorkers != null && (!Number.isInteger(a.quotaWorkers) || a.quotaWorkers < 0))
    throw bad('quotaWorkers: a whole number, 0 or more');
  if (a.fundingSource === 'APBDES' && !a.villageCode) throw bad('villageCode: required for APBDES');
  if (a.fundingSource !== 'APBDES' && a.villageCode) throw bad('villageCode: only for APBDES');
  if (a.fundingSource === 'CSR' && !a.csrName?.trim()) throw bad('csrName: required for CSR');
}

/** Which payer funds the allocation; village and regency payers are created here when missing. */
async function payerFor(q: Queryable, regencyCode: string, input: AllocationInput, at: string) {
  if (input.fundingSource === 'APBD') {
    return ensurePayer(q, { kind: 'regency', regionCode: regencyCode, name: null, at });
  }
  if (input.fundingSource === 'CSR') {
    return ensurePayer(q, { kind: 'csr', regionCode: regencyCode, name: input.csrName!.trim(), at });
  }
  const village = await findRegion(q, input.villageCode!);
  if (village?.level !== 'village' || village.regencyCode !== regencyCode)
    throw new AppError('REGION_NOT_FOUND', { code: input.villageCode! });
  return ensurePayer(q, { kind: 'village', regionCode: village.code, name: null, at });
}

/** A funding party's budget in an agreement for one fiscal year (district officer). */
export async function addBudgetAllocation(
  deps: Deps,
  actor: Actor,
  agreementId: number,
  input: AllocationInput,
) {
  requirePermission(actor, 'agreements.manage');
  validate(input);
  const agreement = await requireInScope(deps.db, actor, 'agreement', agreementId);
  const from = Number(agreement.validFrom.slice(0, 4));
  const to = Number(agreement.validTo.slice(0, 4));
  if (input.fiscalYear < from || input.fiscalYear > to) {
    throw new AppError('FISCAL_YEAR_OUTSIDE_AGREEMENT', {
      year: input.fiscalYear,
      from: agreement.validFrom,
      to: agreement.validTo,
    });
  }
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const payerId = await payerFor(tx, agreement.regencyCode, input, at);
    const allocation = await insertAllocation(tx, {
      agreementId,
      payerId,
      fundingSource: input.fundingSource,
      fiscalYear: input.fiscalYear,
      amountRp: input.amountRp,
      quotaWorkers: input.quotaWorkers ?? null,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'agreement.allocate',
      entity: 'budget_allocation',
      entityId: String(allocation.id),
      regionCode: allocation.payerRegion,
      after: { ...allocation },
    });
    return { allocation };
  });
}
