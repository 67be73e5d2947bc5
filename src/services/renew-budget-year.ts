import { recordAudit } from '../db/audit.ts';
import { projectionKeys } from '../db/budget.ts';
import {
  applyRenewal,
  leftOutOf,
  previewRenewal,
  type RenewalCount,
  type RenewalScope,
  reinstateRenewed,
} from '../db/budget-renewal.ts';
import { lockKey } from '../db/locks.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { maskName } from '../privacy/mask.ts';
import { requireInScope, requirePermission } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { expireBudgetYears } from './budget-year-end.ts';
import { calculateContribution } from './calculate.ts';
import { officeDate } from './clock.ts';
import { enrolmentPolicy } from './enrolment-policy.ts';

export interface RenewalInput {
  regencyCode: string;
  /** One village's cohort; null or absent: the whole regency's. */
  villageCode?: string | null;
  /** The fiscal year the cohort is funded for; it is renewed into the next. */
  fromYear: number;
  /** false: only count who would carry over and who would be left out. */
  confirm: boolean;
}

/** How many of the listed left-out members an answer names (the counts cover all of them). */
const LEFT_OUT_LISTED = 500;

/**
 * Each distinct contribution input of the regency's active budget-funded workers (the running
 * counts of 0012, a few rows) priced once by the rules for January of the new year. A lapsed
 * member's input is the same as an active one's in practice; one missing would count as Rp 0.
 */
async function renewalTariff(
  q: Queryable,
  regencyCode: string,
  fromYear: number,
): Promise<RenewalScope['tariff']> {
  const t = {
    incomeRp: [] as number[],
    fundingSource: [] as string[],
    programs: [] as string[],
    monthlyRp: [] as number[],
  };
  for (const k of await projectionKeys(q, regencyCode)) {
    const monthly = calculateContribution({
      segment: 'BPU',
      period: `${fromYear + 1}-01`,
      wageRp: k.incomeRp,
      programs: k.programs.filter((p) => p !== 'JKP'),
      fundingSource: k.fundingSource,
    }).totalRp;
    t.incomeRp.push(k.incomeRp);
    t.fundingSource.push(k.fundingSource);
    t.programs.push(k.programs.join(','));
    t.monthlyRp.push(monthly);
  }
  return t;
}

function totals(villages: RenewalCount[]) {
  const sum = (f: (v: RenewalCount) => number) => villages.reduce((n, v) => n + f(v), 0);
  return {
    renewed: sum((v) => v.renewed),
    agedOut: sum((v) => v.agedOut),
    ended: sum((v) => v.ended),
    overQuota: sum((v) => v.overQuota),
    overBudget: sum((v) => v.overBudget),
    noAllocation: sum((v) => v.noAllocation),
  };
}

function validate(input: RenewalInput): void {
  if (!Number.isInteger(input.fromYear) || input.fromYear < 2015 || input.fromYear > 2099)
    throw new AppError('VALIDATION_FAILED', { detail: 'fromYear: a year' });
}

/**
 * The district renews a village's (or the whole regency's) village-funded cohort of a fiscal year
 * into the next year's allocations in one set-based step, re-checking the age limit, the quota and
 * the amount (pagu); those left out are listed with the reason, and their cover ends with the year.
 * Without `confirm` only the counts are answered. District officer, own regency (404 outside).
 */
export async function renewBudgetYear(deps: Deps, actor: Actor, input: RenewalInput) {
  requirePermission(actor, 'agreements.manage');
  validate(input);
  const regency = await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  const villageCode = input.villageCode ?? null;
  if (villageCode) {
    const village = await requireInScope(deps.db, actor, 'village', villageCode);
    if (!village.code.startsWith(`${regency.code}.`))
      throw new AppError('REGION_NOT_FOUND', { code: villageCode });
  }
  return deps.db.transaction(async (tx) => {
    // One renewal of a regency's year at a time: the quota ranks count what is already renewed.
    await lockKey(tx, `renewal:${regency.code}:${input.fromYear}`);
    const scope: RenewalScope = {
      regencyCode: regency.code,
      villageCode,
      fromYear: input.fromYear,
      ageMaxYears: (await enrolmentPolicy(tx, regency.code)).ageMaxYears,
      tariff: await renewalTariff(tx, regency.code, input.fromYear),
    };
    const base = (villages: RenewalCount[]) => ({
      regencyCode: regency.code,
      villageCode,
      fromYear: input.fromYear,
      toYear: input.fromYear + 1,
      ageMaxYears: scope.ageMaxYears,
      villages,
      totals: totals(villages),
    });
    if (!input.confirm)
      return {
        ...base(await previewRenewal(tx, scope)),
        renewal: null,
        leftOut: [],
        reinstated: 0,
        membershipsEnded: 0,
      };
    const at = deps.clock.now();
    const who = { actor: actor.username, at };
    const { renewal, villages, toReinstate } = await applyRenewal(tx, scope, who);
    const answer = base(villages);
    const reinstated = toReinstate > 0 ? await reinstateRenewed(tx, renewal.id, who) : 0;
    // Renewed after the year ended: who was not carried over ends now (from 1 January).
    const membershipsEnded =
      Number(officeDate(at).slice(0, 4)) > input.fromYear
        ? await expireBudgetYears(tx, { regencyCode: regency.code, throughYear: input.fromYear, ...who })
        : 0;
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'budget.renew',
      entity: 'budget_renewal',
      entityId: String(renewal.id),
      regionCode: villageCode ?? regency.code,
      after: {
        fromYear: input.fromYear,
        toYear: input.fromYear + 1,
        ...answer.totals,
        reinstated,
        membershipsEnded,
      },
    });
    const unmasked = SEES_PERSONAL_DATA.includes(actor.role);
    const leftOut = (await leftOutOf(tx, renewal.id, LEFT_OUT_LISTED)).map((r) => ({
      kpj: r.kpj,
      fullName: unmasked ? r.fullName : maskName(r.fullName),
      regionCode: r.regionCode,
      reason: r.reason,
    }));
    return { ...answer, renewal, leftOut, reinstated, membershipsEnded };
  });
}
