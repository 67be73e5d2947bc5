// The district's year end (December 2023, 2024, 2025): the next year's PKS and budgets for the
// workers it has, then the renewal of the year's cohort into them, previewed and confirmed. The
// renewal leaves out who died or left, and who is older than the policy's 65 years on 1 January.
import { fundedCohorts, renewalRecorded } from '../../db/demo-years.ts';
import type { Deps } from '../actor.ts';
import { renewBudgetYear } from '../renew-budget-year.ts';
import { demoUser } from './actors.ts';
import { loadYearAgreement } from './agreement.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY } from './figures.ts';

export interface YearRenewal {
  fromYear: number;
  renewed: number;
  agedOut: number;
  ended: number;
}

/** The PKS signed on 21 December, the renewal previewed on the 22nd and confirmed on the 23rd. */
export async function renewDemoYear(
  deps: Deps,
  clock: DemoClock,
  fromYear: number,
  progress: (msg: string) => void,
): Promise<YearRenewal | null> {
  if (await renewalRecorded(deps.db, DEMO_REGENCY, fromYear)) return null;
  const cohorts = await fundedCohorts(deps.db, DEMO_REGENCY, fromYear);
  await loadYearAgreement(deps, clock, {
    year: fromYear + 1,
    signedOn: `${fromYear}-12-21`,
    funding: cohorts.map((c) => ({
      fundingSource: c.fundingSource,
      workers: c.workers,
      ...(c.villageCode ? { villageCode: c.villageCode } : {}),
    })),
  });
  const dinas = await demoUser(deps, 'dinas.belu');
  const input = { regencyCode: DEMO_REGENCY, fromYear };
  clock.set(`${fromYear}-12-22`, 10);
  const preview = await renewBudgetYear(deps, dinas, { ...input, confirm: false });
  progress(`  renewal ${fromYear}→${fromYear + 1} previewed: ${JSON.stringify(preview.totals)}`);
  clock.set(`${fromYear}-12-23`, 10);
  const r = await renewBudgetYear(deps, dinas, { ...input, confirm: true });
  const t = r.totals;
  // The budgets were drawn up for these very workers: anyone over quota or budget is a demo bug.
  if (t.overQuota + t.overBudget + t.noAllocation > 0)
    throw new Error(`demo renewal ${fromYear}: ${JSON.stringify(t)}`);
  progress(
    `  renewal ${fromYear}→${fromYear + 1}: ${t.renewed} carried over; left out ${t.agedOut} aged over 65, ${t.ended} ended`,
  );
  return { fromYear, renewed: t.renewed, agedOut: t.agedOut, ended: t.ended };
}
