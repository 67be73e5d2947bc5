import { recordAudit } from '../db/audit.ts';
import {
  applyCoverageChanges,
  computeCoverageChanges,
  coverageRanges,
  earliestActiveBpuSince,
} from '../db/coverage.ts';
import { lockKey } from '../db/locks.ts';
import { AppError } from '../errors.ts';
import { addMonthsToPeriod, isValidDate } from '../rules/calendar.ts';
import { Explainer } from '../rules/explanation.ts';
import { jatuhTempoBpu } from '../rules/iuran/jatuh-tempo.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { ruleBook } from './rule-book.ts';
import { requireNotFuture, requireOpenPeriod } from './time-guards.ts';

/**
 * The parameter statusBpu (src/rules/iuran/jatuh-tempo.ts) reads: a BPU participant may pay at
 * most this many months of arrears; more unpaid months in a row end the membership
 * (Perdir 22/PERDIR.02/072022, fact sheet §2.3).
 */
export const BPU_ARREARS_MONTHS_PARAMETER = 'jatuh_tempo.bpu_tunggakan_maks_bulan';

export function bpuArrearsLimit(asOf: string): { months: number; reference: string } {
  const ex = new Explainer(ruleBook().book);
  return {
    months: ex.int(BPU_ARREARS_MONTHS_PARAMETER, asOf),
    reference: ex.entry(BPU_ARREARS_MONTHS_PARAMETER, asOf).reference,
  };
}

/** The first month the BPU due-date rule is encoded for (jatuh_tempo.bpu_hari). */
const FIRST_RULE_PERIOD = '2015-07';

/**
 * Each month of cover from the earliest status date's month to asOf's month, with its due date by
 * the rules (jatuhTempoBpu): what a month never billed is measured against.
 */
function bpuDueDates(since: string | null, asOf: string) {
  const dues = { period: [] as string[], dueDate: [] as string[] };
  if (!since) return dues;
  const ex = new Explainer(ruleBook().book);
  const first = since.slice(0, 7) > FIRST_RULE_PERIOD ? since.slice(0, 7) : FIRST_RULE_PERIOD;
  for (let p = first; p <= asOf.slice(0, 7); p = addMonthsToPeriod(p, 1)) {
    dues.period.push(p);
    dues.dueDate.push(jatuhTempoBpu(ex, p));
  }
  return dues;
}

export interface CoverageInput {
  regencyCode: string;
  asOf: string;
}

/**
 * Brings BPU participants' coverage up to date as of a date, from their invoices and payments:
 * lapse after more than the allowed unpaid months, resume once the payable arrears are paid.
 * One transaction; every change gets a status-history row and an audit row.
 */
export async function updateCoverage(deps: Deps, actor: Actor, input: CoverageInput) {
  requirePermission(actor, 'coverage.update');
  if (!isValidDate(input.asOf)) throw new AppError('VALIDATION_FAILED', { detail: 'asOf: YYYY-MM-DD' });
  await requireInScope(deps.db, actor, 'regency', input.regencyCode);
  requireNotFuture(deps.clock, 'asOf', input.asOf);
  const limit = bpuArrearsLimit(input.asOf);
  return deps.db.transaction(async (tx) => {
    await lockKey(tx, `coverage:${input.regencyCode}`);
    await requireOpenPeriod(tx, input.regencyCode, 'asOf', input.asOf);
    await computeCoverageChanges(tx, {
      regencyCode: input.regencyCode,
      asOf: input.asOf,
      maxMonths: limit.months,
      dues: bpuDueDates(await earliestActiveBpuSince(tx, input.regencyCode), input.asOf),
      lapseReason: `iuran tidak dibayar lebih dari ${limit.months} bulan berturut-turut / unpaid for more than ${limit.months} consecutive months (${limit.reference})`,
      resumeReason: `tunggakan ${limit.months} bulan terakhir dibayar / arrears of the last ${limit.months} months paid (${limit.reference})`,
    });
    const at = deps.clock.now();
    const counts = await applyCoverageChanges(tx, {
      regencyCode: input.regencyCode,
      actor: actor.username,
      at,
    });
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: 'coverage.update',
      entity: 'region',
      entityId: input.regencyCode,
      regionCode: input.regencyCode,
      after: { asOf: input.asOf, ...counts, arrearsMonthsMax: limit.months },
    });
    return {
      regencyCode: input.regencyCode,
      asOf: input.asOf,
      ...counts,
      arrearsMonthsMax: limit.months,
      basis: limit.reference,
    };
  });
}

/** The date ranges a participant was covered (active), from its status history; `to` null = still covered. */
export async function coveragePeriods(deps: Pick<Deps, 'db'>, participantId: number) {
  return coverageRanges(deps.db, participantId);
}
