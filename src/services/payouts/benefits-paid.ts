import { paidPayoutsByProgram } from '../../db/payout-batches.ts';
import type { Queryable } from '../../db/types.ts';
import type { Deps } from '../actor.ts';

export const BENEFIT_PROGRAMS = ['JHT', 'JKM', 'JKK', 'JP', 'JKP'] as const;
export type BenefitProgram = (typeof BENEFIT_PROGRAMS)[number];

export interface CountAmount {
  count: number;
  amountRp: number;
}

/**
 * Benefits paid in a regency between two dates (inclusive) by the bank's paid date: payouts whose
 * status is 'paid' (a payout the bank later returned no longer counts). Every programme appears,
 * with zeros when nothing was paid. For reports; the caller checks permission and scope.
 */
export async function benefitsPaid(
  from: Deps | Queryable,
  input: { regencyCode: string; from: string; to: string },
): Promise<{ byProgram: Record<BenefitProgram, CountAmount>; total: CountAmount }> {
  const q = 'db' in from ? from.db : from;
  const rows = await paidPayoutsByProgram(q, input);
  const byProgram = Object.fromEntries(BENEFIT_PROGRAMS.map((p) => [p, { count: 0, amountRp: 0 }])) as Record<
    BenefitProgram,
    CountAmount
  >;
  const total = { count: 0, amountRp: 0 };
  for (const row of rows) {
    byProgram[row.program as BenefitProgram] = { count: row.count, amountRp: row.amountRp };
    total.count += row.count;
    total.amountRp += row.amountRp;
  }
  return { byProgram, total };
}
