import { billingRunExists, type OpenInvoice, unpaidByDemo } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { postPayment } from '../post-payment.ts';
import { runBilling } from '../run-billing.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, PERIODS } from './figures.ts';

const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** The month before a YYYY-MM period. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export interface DemoBilling {
  /** The branch runs the month's billing on its first day (skipped when a run exists). */
  bill(period: string): Promise<void>;
  /**
   * The 10th (or `day`): villages, the regency and the collectors pay the month; employers the
   * month before (none before the demo's first month).
   */
  pay(period: string, day?: string): Promise<void>;
  summary(): { runs: number; payments: number };
}

/**
 * The branch's billing and payments, month by month (the claims of each month come between, so
 * a death paid in March is billed for March and left out from April). Employers pay the previous
 * month's invoice by the 10th (before the 15th due date); May 2023's employer invoices, due
 * 15 June, are still open on 22 May 2023.
 */
export async function demoBilling(deps: Deps, clock: DemoClock, progress: (msg: string) => void) {
  const cabang = await demoUser(deps, 'cabang.atambua');
  let runs = 0;
  let payments = 0;
  const unpaid = (period: string, payerKinds: string[]) =>
    unpaidByDemo(deps.db, { regencyCode: DEMO_REGENCY, period, payerKinds });
  const pay = async (inv: OpenInvoice, receivedOn: string) => {
    await postPayment(deps, cabang, {
      payerId: inv.payerId,
      amountRp: inv.totalRp,
      receivedOn,
      reference: `${inv.kind === 'village' ? 'SP2D APBDes' : inv.kind === 'regency' ? 'SP2D APBD' : 'Transfer'} ${inv.number}`,
      idempotencyKey: `demo.${inv.number.replace(/\//g, '.')}`,
    });
    payments++;
  };
  const billing: DemoBilling = {
    async bill(period) {
      if (await billingRunExists(deps.db, DEMO_REGENCY, period)) return;
      clock.set(`${period}-01`, 8);
      const t0 = Date.now();
      const r = await runBilling(deps, cabang, { regencyCode: DEMO_REGENCY, period });
      progress(
        `  billing ${period}: ${r.invoices.length} invoices, Rp ${r.totalRp.toLocaleString('id-ID')} (${seconds(t0)})`,
      );
      runs++;
    },
    async pay(period, day = `${period}-10`) {
      clock.set(day, 10);
      const t1 = Date.now();
      const before = payments;
      for (const inv of await unpaid(period, ['village', 'regency', 'self'])) await pay(inv, day);
      if (period !== PERIODS[0])
        for (const inv of await unpaid(previousPeriod(period), ['employer'])) await pay(inv, day);
      progress(`  payments received ${day}: ${payments - before} (${seconds(t1)})`);
    },
    summary: () => ({ runs, payments }),
  };
  return billing;
}
