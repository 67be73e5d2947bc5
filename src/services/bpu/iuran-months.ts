// The contribution of a BPU member for a run of iuran months, each month priced by the rules in
// force for it (PP 44/2015 Lampiran II and Pasal 18; PP 46/2015 for JHT; relief windows of
// PP 49/2020 and PP 50/2025 apply month by month).
import type { PremiumLine } from '../../db/pmi.ts';
import { addMonthsToPeriod } from '../../rules/calendar.ts';
import { calculateContribution } from '../calculate.ts';

export interface BpuTerms {
  declaredIncomeRp: number;
  programs: readonly string[];
}

/** One line per programme and month, from `first` for `months` months, with the total. */
export function iuranForMonths(terms: BpuTerms, first: string, months: number) {
  const lines: PremiumLine[] = [];
  for (let i = 0; i < months; i++) {
    const period = addMonthsToPeriod(first, i);
    const r = calculateContribution({
      segment: 'BPU',
      period,
      wageRp: terms.declaredIncomeRp,
      programs: terms.programs,
      fundingSource: 'SELF',
    });
    for (const l of r.lines) lines.push({ ...l, payerRole: l.payer, period });
  }
  return {
    from: first,
    to: addMonthsToPeriod(first, months - 1),
    lines,
    totalRp: lines.reduce((s, l) => s + l.amountRp, 0),
  };
}

/**
 * The first month a payment made on `day` covers: a lapsed member restarts from that month; an
 * active one pays the month after the last paid one (arrears first), or from the registration month.
 */
export function firstUnpaidMonth(
  reg: { status: string; paidMonths: readonly string[]; registeredOn: string },
  day: string,
): string {
  if (reg.status === 'lapsed') return day.slice(0, 7);
  const last = reg.paidMonths.at(-1);
  return last ? addMonthsToPeriod(last, 1) : reg.registeredOn.slice(0, 7);
}
