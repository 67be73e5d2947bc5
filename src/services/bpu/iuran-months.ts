// The contribution of a BPU member for a run of iuran months, each month priced by the rules in
// force for it (PP 44/2015 Lampiran II and Pasal 18; PP 46/2015 for JHT; relief windows of
// PP 49/2020 and PP 50/2025 apply month by month).
import type { InvoicedMonth } from '../../db/bpu.ts';
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
 * What a payment of `months` months made on `day` covers, earliest unpaid month first: the months
 * still owed on the member's own invoices (a reversed payment's, at what is still open of each, as
 * priced by its month's rules when invoiced), then new months — for a lapsed member from the month
 * of payment (the restart), otherwise after the last month invoiced, or from the registration month.
 * `lines` and `newRp` are the new months' only: they get an invoice of their own.
 */
export function nextBpuMonths(
  reg: BpuTerms & { status: string; registeredOn: string },
  invoiced: readonly InvoicedMonth[],
  day: string,
  months: number,
) {
  const owed = invoiced
    .filter((m) => m.invoiceKind === 'bpu' && !m.paid)
    .slice(0, months)
    .map((m) => ({ period: m.period, openRp: m.amountRp - m.coveredRp }));
  const owedRp = owed.reduce((s, m) => s + m.openRp, 0);
  const fresh = months - owed.length;
  const last = invoiced
    .map((m) => m.period)
    .sort()
    .at(-1);
  const next = last ? addMonthsToPeriod(last, 1) : reg.registeredOn.slice(0, 7);
  const restart = day.slice(0, 7);
  const first = reg.status === 'lapsed' && restart > next ? restart : next;
  const added = fresh > 0 ? iuranForMonths(reg, first, fresh) : null;
  return {
    from: owed[0]?.period ?? first,
    to: added?.to ?? owed.at(-1)!.period,
    owed,
    newFrom: added ? first : null,
    lines: added?.lines ?? [],
    newRp: added?.totalRp ?? 0,
    totalRp: owedRp + (added?.totalRp ?? 0),
  };
}
