import { billingRunExists, type OpenInvoice, unpaidByDemo } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { postPayment } from '../post-payment.ts';
import { runBilling } from '../run-billing.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, PERIODS } from './figures.ts';

const seconds = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const unpaid = (deps: Deps, period: string, payerKinds: string[]) =>
  unpaidByDemo(deps.db, { regencyCode: DEMO_REGENCY, period, payerKinds });

/**
 * January–May 2023: the branch runs each month's billing on its first day; villages, the regency
 * and the Perisai collectors pay that month's invoice by the 10th, employers pay the previous
 * month's by the 10th (before the 15th due date). May's employer invoices, due 15 June, are
 * still open on 22 May 2023.
 */
export async function loadBilling(deps: Deps, clock: DemoClock, progress: (msg: string) => void) {
  const cabang = await demoUser(deps, 'cabang.atambua');
  let runs = 0;
  let payments = 0;
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
  for (const [i, period] of PERIODS.entries()) {
    if (!(await billingRunExists(deps.db, DEMO_REGENCY, period))) {
      clock.set(`${period}-01`, 8);
      const t0 = Date.now();
      const r = await runBilling(deps, cabang, { regencyCode: DEMO_REGENCY, period });
      progress(
        `  billing ${period}: ${r.invoices.length} invoices, Rp ${r.totalRp.toLocaleString('id-ID')} (${seconds(t0)})`,
      );
      runs++;
    }
    const day = `${period}-10`;
    clock.set(day, 10);
    const t1 = Date.now();
    const before = payments;
    for (const inv of await unpaid(deps, period, ['village', 'regency', 'self'])) await pay(inv, day);
    if (i > 0) for (const inv of await unpaid(deps, PERIODS[i - 1]!, ['employer'])) await pay(inv, day);
    progress(`  payments received ${day}: ${payments - before} (${seconds(t1)})`);
  }
  return { runs, payments };
}
