import { recordAudit } from '../db/audit.ts';
import { regencyKeepsBudget } from '../db/budget-year.ts';
import { dropUnbilledPayers, endExpiredMemberships, unfundedPayers } from '../db/budget-year-end.ts';
import type { Queryable } from '../db/types.ts';

// Village-funded cover belongs to a budget year (DESIGN "A membership over the years"): once a
// regency keeps its budget in lindung (any allocation recorded), a membership not renewed ends
// with its year, and a budget-funded payer is billed only in months an allocation of its own is
// in force. A regency that never recorded a budget bills as before (nothing to check against).

/**
 * Ends the memberships whose last budget year is `throughYear` or earlier (from 1 January of the
 * year after), with one audit row for the regency; returns how many ended.
 */
export async function expireBudgetYears(
  tx: Queryable,
  a: { regencyCode: string; throughYear: number; actor: string; at: string },
): Promise<number> {
  if (!(await regencyKeepsBudget(tx, a.regencyCode))) return 0;
  const ended = await endExpiredMemberships(tx, a);
  if (ended > 0)
    await recordAudit(tx, {
      at: a.at,
      actor: a.actor,
      action: 'membership.budget_year_end',
      entity: 'region',
      entityId: a.regencyCode,
      regionCode: a.regencyCode,
      after: {
        throughYear: a.throughYear,
        ended,
        reason: 'left the programme: budget year ended without renewal',
      },
    });
  return ended;
}

/** A payer the run did not bill, and why. */
export interface NotBilled {
  payerId: number;
  payerName: string;
  payerKind: string;
  period: string;
  participants: number;
  reason: 'NO_ALLOCATION';
}

/**
 * The billing run's gate, once its billable set is read: the budget-funded payers without an
 * allocation in force in the period are taken out, and named.
 */
export async function gateUnfundedPayers(
  tx: Queryable,
  a: { regencyCode: string; period: string; periodEnd: string },
): Promise<NotBilled[]> {
  if (!(await regencyKeepsBudget(tx, a.regencyCode))) return [];
  const unfunded = await unfundedPayers(tx, a);
  if (unfunded.length === 0) return [];
  await dropUnbilledPayers(
    tx,
    unfunded.map((p) => p.payerId),
  );
  return unfunded.map((p) => ({ ...p, period: a.period, reason: 'NO_ALLOCATION' as const }));
}
