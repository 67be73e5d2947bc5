// The Belu demo after the published window: June 2023 – December 2026, month by month through the
// same flows as the window (billing, payments, deaths, retirements, exits and moves), the books
// closed month by month, and a budget year renewed each December into the next year's PKS.
import { recordAudit } from '../../db/audit.ts';
import { analyzeChanged, auditActionRecorded } from '../../db/demo.ts';
import { auditEntityRecorded } from '../../db/demo-years.ts';
import { closedThrough } from '../../db/period-close.ts';
import type { Deps } from '../actor.ts';
import { closePeriod } from '../close-period.ts';
import { creditJhtContributions } from '../jht/index.ts';
import { demoUser } from './actors.ts';
import { demoBilling, previousPeriod } from './billing.ts';
import { renewDemoYear, type YearRenewal } from './budget-years.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, DEMO_SEED } from './figures.ts';
import { PersonFactory } from './people.ts';
import { seededRandom } from './random.ts';
import { type MonthEvents, villageEvents } from './village-events.ts';
import type { DemoVillage } from './villages.ts';

export const YEARS_DONE_ACTION = 'demo.belu_years';
const MONTH_ACTION = 'demo.belu_month';
export const YEARS_FIRST = '2023-06';
export const YEARS_LAST = '2026-12';
/**
 * The demo's last day: the day before lindung's "today" (6 December 2026); nothing is dated after
 * it. December 2026 is billed on the 1st and paid on the 4th, and November is closed on the 5th.
 */
export const LAST_DAY = '2026-12-05';

/** The periods from `from` to `to`, inclusive. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let p = from; p <= to; p = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(p);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export interface YearsResult {
  months: number;
  runs: number;
  payments: number;
  events: MonthEvents;
  renewals: YearRenewal[];
  closedThrough: string | null;
}

/**
 * Loads the later years once. A finished month leaves an audit row (`demo.belu_month`, the
 * period) and a re-run skips it; every draw of a month is seeded by the month, so a resumed load
 * makes the same people as an uninterrupted one. Needs the 2023 window loaded first.
 */
export async function loadBeluYears(
  deps: Deps,
  clock: DemoClock,
  villages: DemoVillage[],
  progress: (msg: string) => void,
): Promise<YearsResult | null> {
  if (await auditActionRecorded(deps.db, YEARS_DONE_ACTION)) return null;
  const supervisor = await demoUser(deps, 'supervisor.atambua');
  const cabang = await demoUser(deps, 'cabang.atambua');
  const billing = await demoBilling(deps, clock, progress);
  const events: MonthEvents = { deaths: 0, retirements: 0, exits: 0, moves: 0 };
  const renewals: YearRenewal[] = [];
  const months = periodsBetween(YEARS_FIRST, YEARS_LAST);
  const close = async (period: string, day: string) => {
    const through = await closedThrough(deps.db, DEMO_REGENCY);
    if (through !== null && through >= period) return;
    clock.set(day, 17);
    await closePeriod(deps, supervisor, { regencyCode: DEMO_REGENCY, period });
  };
  for (const [index, period] of months.entries()) {
    if (await auditEntityRecorded(deps.db, MONTH_ACTION, period)) continue;
    const t0 = Date.now();
    // Where a month's time goes, printed with it (a first start on a laptop waits for these).
    const steps: string[] = [];
    let lap = t0;
    const step = (name: string) => {
      steps.push(`${name} ${((Date.now() - lap) / 1000).toFixed(1)}`);
      lap = Date.now();
    };
    const last = period === YEARS_LAST;
    await billing.bill(period);
    step('billing');
    const payDay = last ? '2026-12-04' : `${period}-10`;
    await billing.pay(period, payDay);
    step('payments');
    // The previous month is paid in full: its JHT shares go to the members' accounts (what the
    // later retirements draw; the window's retirees drew balances carried over from 2022).
    clock.set(payDay, 15);
    await creditJhtContributions(deps, cabang, { regencyCode: DEMO_REGENCY, upTo: previousPeriod(period) });
    step('JHT');
    // The previous month's payments are all in (employers pay it on this day): its books close.
    await close(previousPeriod(period), last ? LAST_DAY : payDay);
    step('close');
    if (!last) {
      const seed = DEMO_SEED + 1_000 + index;
      const e = await villageEvents(
        deps,
        clock,
        {
          period,
          index,
          villages,
          people: new PersonFactory(seededRandom(seed), 5_000 + index * 10),
          rnd: seededRandom(seed + 500),
        },
        progress,
      );
      for (const k of Object.keys(events) as (keyof MonthEvents)[]) events[k] += e[k];
      step('events');
    }
    const year = Number(period.slice(0, 4));
    if (period.endsWith('-12') && !last) {
      const r = await renewDemoYear(deps, clock, year, progress);
      if (r) renewals.push(r);
      step('renewal');
    }
    if (period.endsWith('-12')) {
      const n = await analyzeChanged(deps.db);
      step(`statistics (${n} tables)`);
    }
    clock.set(last ? LAST_DAY : `${period}-28`, 18);
    await deps.db.transaction((tx) =>
      recordAudit(tx, {
        at: clock.now(),
        actor: 'demo',
        action: MONTH_ACTION,
        entity: 'period',
        entityId: period,
        regionCode: DEMO_REGENCY,
        after: { ms: Date.now() - t0 },
      }),
    );
    progress(`  ${period} done (${((Date.now() - t0) / 1000).toFixed(1)} s: ${steps.join(', ')})`);
  }
  clock.set(LAST_DAY, 18);
  const through = await closedThrough(deps.db, DEMO_REGENCY);
  await deps.db.transaction((tx) =>
    recordAudit(tx, {
      at: clock.now(),
      actor: 'demo',
      action: YEARS_DONE_ACTION,
      entity: 'region',
      entityId: DEMO_REGENCY,
      regionCode: DEMO_REGENCY,
      after: { months: months.length, closedThrough: through, renewals },
    }),
  );
  return { months: months.length, ...billing.summary(), events, renewals, closedThrough: through };
}
