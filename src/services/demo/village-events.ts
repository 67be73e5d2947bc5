// The later years' events of a month (June 2023 – November 2026): a few village workers die, a
// few self-paying members retire and take their JHT, and now and then a village operator reports
// a worker who left the programme or moved to another desa. Each goes through its real flow.
import { type Claimant, claimants } from '../../db/demo.ts';
import { approvedUnbatched } from '../../db/demo-years.ts';
import type { Deps } from '../actor.ts';
import {
  applyMembershipChange,
  proposeMembershipChange,
  verifyMembershipChange,
} from '../membership/index.ts';
import { demoUser, villageOperator } from './actors.ts';
import { type ClaimJob, claimFlow } from './claim-flow.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY } from './figures.ts';
import type { PersonFactory } from './people.ts';
import type { Random } from './random.ts';
import type { DemoVillage } from './villages.ts';

/** What month `i` (0 = June 2023) brings: deaths, retirements, exits and moves, in a steady rhythm. */
export function monthPlan(i: number) {
  return {
    deaths: i % 3 === 0 ? 2 : 0,
    retirements: i % 3 === 1 ? 2 : 0,
    exits: i % 4 === 2 ? 1 : 0,
    moves: i % 4 === 3 ? 1 : 0,
  };
}

export interface MonthEvents {
  deaths: number;
  retirements: number;
  exits: number;
  moves: number;
}

const EXIT_NOTES = [
  { reason: 'left_programme' as const, note: 'Berhenti sebagai pekerja rentan desa (menjadi pegawai tetap)' },
  { reason: 'moved_away' as const, note: 'Pindah domisili ke luar Kabupaten Belu' },
];

/**
 * The month's events: deaths and retirements filed from the 11th, decided, batched on the 19th
 * and paid on the 20th (the paid claim ends the membership); exits and moves proposed by the
 * operator on the 11th (effective that day), verified by the district on the 15th and applied by
 * the branch on the 16th.
 */
export async function villageEvents(
  deps: Deps,
  clock: DemoClock,
  a: { period: string; index: number; villages: DemoVillage[]; people: PersonFactory; rnd: Random },
  progress: (msg: string) => void,
): Promise<MonthEvents> {
  const plan = monthPlan(a.index);
  const picked = async (which: 'villageWorker' | 'selfPayingRetired', n: number) =>
    n === 0 ? [] : claimants(deps.db, { regencyCode: DEMO_REGENCY, which, n });
  const workers = await picked('villageWorker', plan.deaths + plan.exits + plan.moves);
  const retirees = await picked('selfPayingRetired', plan.retirements);
  const dying = workers.slice(0, plan.deaths);
  const leaving = workers.slice(plan.deaths, plan.deaths + plan.exits);
  const moving = workers.slice(plan.deaths + plan.exits);

  const proposals = await propose(deps, clock, a, leaving, moving);
  const flow = await claimFlow(deps, clock, a.people, a.rnd, progress);
  const jobs: ClaimJob[] = [
    ...dying.map((who) => ({
      who,
      program: 'JKM' as const,
      kind: 'kematian',
      period: a.period,
      heir: flow.heir(who),
    })),
    ...retirees.map((who) => ({ who, program: 'JHT' as const, kind: 'penuh', period: a.period, heir: null })),
  ];
  // An interrupted month's approved claims are paid with this month's.
  const ids: number[] = await approvedUnbatched(deps.db, DEMO_REGENCY);
  for (const [i, job] of jobs.entries()) ids.push(await flow.file(job, `${a.period}-${11 + i}`));
  await verifyAndApply(deps, clock, a.period, proposals);
  if (ids.length > 0) await flow.payOut(a.period, ids);
  return { deaths: dying.length, retirements: retirees.length, exits: leaving.length, moves: moving.length };
}

/** The operators' proposals of the month, made on the 11th (effective that day). */
async function propose(
  deps: Deps,
  clock: DemoClock,
  a: { period: string; index: number; villages: DemoVillage[] },
  leaving: Claimant[],
  moving: Claimant[],
): Promise<number[]> {
  const day = `${a.period}-11`;
  const village = (code: string) => a.villages.findIndex((v) => v.code === code);
  const proposals: number[] = [];
  for (const [k, who] of [...leaving, ...moving].entries()) {
    const i = village(who.regionCode);
    const v = a.villages[i]!;
    const operator = await villageOperator(deps, v.code, v.name);
    clock.set(day, 9);
    const move = k >= leaving.length;
    const exit = EXIT_NOTES[a.index % EXIT_NOTES.length]!;
    // Into a desa of the same funding (APBDes to APBDes, APBD to APBD): the budgets stay whole.
    const same = a.villages.filter((x) => x.fundingSource === v.fundingSource && x.code !== v.code);
    const to = same[(i + a.index) % same.length]!;
    const p = await proposeMembershipChange(deps, operator, {
      kpj: who.kpj,
      kind: move ? 'move' : 'exit',
      reason: move ? 'moved_away' : exit.reason,
      effectiveDate: day,
      ...(move ? { toVillageCode: to.code } : {}),
      note: move ? `Pindah ke Desa ${to.name} (menikah)` : exit.note,
    });
    proposals.push(p.id);
  }
  return proposals;
}

/** The district verifies on the 15th, the branch applies on the 16th. */
async function verifyAndApply(deps: Deps, clock: DemoClock, period: string, ids: number[]) {
  if (ids.length === 0) return;
  const dinas = await demoUser(deps, 'dinas.belu');
  const cabang = await demoUser(deps, 'cabang.atambua');
  clock.set(`${period}-15`, 10);
  for (const id of ids) await verifyMembershipChange(deps, dinas, id);
  clock.set(`${period}-16`, 10);
  for (const id of ids) await applyMembershipChange(deps, cabang, id);
}
