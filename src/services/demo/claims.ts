import { CLAIMANTS, type Claimant, claimants, regencyHasClaims, sumClaimAmounts } from '../../db/demo.ts';
import type { Queryable } from '../../db/types.ts';
import type { Deps } from '../actor.ts';
import { recordJhtOpeningBalance } from '../jht/index.ts';
import { demoUser } from './actors.ts';
import { type ClaimJob, claimFlow } from './claim-flow.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, FIGURES, PERIODS } from './figures.ts';
import type { PersonFactory } from './people.ts';
import { type Random, splitTotal } from './random.ts';

const JKM_RP = 42_000_000;

async function pick(q: Queryable, which: keyof typeof CLAIMANTS, n: number): Promise<Claimant[]> {
  const rows = await claimants(q, { regencyCode: DEMO_REGENCY, which, n });
  if (rows.length < n)
    throw new Error(`demo claims: only ${rows.length} of ${n} claimants (${CLAIMANTS[which]})`);
  return rows;
}

export interface DemoClaims {
  /** January: the claimants chosen, JP decided on the 9th, the JHT balances carried over. */
  prepare(): Promise<void>;
  /** The month's JKM and JHT claims filed from the 10th, batched on the 19th, paid on the 20th. */
  month(period: string): Promise<void>;
  summary(): { claims: number; jpRp: number; jhtTotal: number };
}

/**
 * The branch's 1,545 paid claims of January–May 2023 through the claims and payout services:
 * filed and documented by the officer, decided by the supervisor, batched monthly, approved,
 * exported and reconciled paid from the bank's result file, which ends the memberships the claims
 * end (a death every membership of the person, a full JHT the member's own). JHT balances are
 * carried over from the previous system (opening balances) so that the grand total is
 * Rp 28,700,000,000. Null when the regency has claims already (an earlier load made them).
 */
export async function demoClaims(
  deps: Deps,
  clock: DemoClock,
  people: PersonFactory,
  rnd: Random,
  progress: (msg: string) => void,
): Promise<DemoClaims | null> {
  if (await regencyHasClaims(deps.db, DEMO_REGENCY)) return null;
  const officer = await demoUser(deps, 'cabang.atambua');
  const flow = await claimFlow(deps, clock, people, rnd, progress);
  const { JKM: jkmN, JP: jpN, JHT: jhtN } = FIGURES.claims;
  const heir = flow.heir;
  const run = flow.file;
  let jobs: ClaimJob[] = [];
  const jpIds: number[] = [];
  let jpRp = 0;
  let jhtTotal = 0;
  return {
    async prepare() {
      const jkm = await pick(deps.db, 'villageWorker', jkmN);
      const jp = await pick(deps.db, 'puWithJp', jpN);
      const jht = await pick(deps.db, 'selfPayingRetired', jhtN);
      jobs = [
        ...jp.map((who) => ({
          who,
          program: 'JP' as const,
          kind: 'kematian',
          period: PERIODS[0],
          heir: heir(who),
        })),
        ...jkm.map((who, i) => ({
          who,
          program: 'JKM' as const,
          kind: 'kematian',
          period: PERIODS[i % 5]!,
          heir: heir(who),
        })),
        ...jht.map((who, i) => ({
          who,
          program: 'JHT' as const,
          kind: 'penuh',
          period: PERIODS[i % 5]!,
          heir: null,
        })),
      ];
      // JP first: its lump sums fix how much of the total is left for the JHT balances.
      for (const job of jobs.filter((j) => j.program === 'JP')) jpIds.push(await run(job, '2023-01-09'));
      jpRp = await sumClaimAmounts(deps.db, jpIds);
      jhtTotal = FIGURES.claimsTotalRp - jkmN * JKM_RP - jpRp;
      const balances = splitTotal(
        jhtTotal,
        jht.map(() => rnd.int(5, 60)),
      );
      clock.set('2023-01-09', 16);
      for (const [i, who] of jht.entries())
        await recordJhtOpeningBalance(deps, officer, {
          participantId: who.id,
          amountRp: balances[i]!,
          asOf: '2022-12-31',
          source: 'Saldo JHT per 31-12-2022 dari sistem lama cabang (demo)',
        });
      progress(`  JHT opening balances: ${jht.length}, Rp ${jhtTotal.toLocaleString('id-ID')}`);
    },
    async month(period) {
      const ids = period === PERIODS[0] ? jpIds : [];
      const mine = jobs.filter((j) => j.program !== 'JP' && j.period === period);
      for (const [i, job] of mine.entries())
        ids.push(await run(job, `${period}-${String(10 + (i % 8)).padStart(2, '0')}`));
      await flow.payOut(period, ids);
    },
    summary: () => ({ claims: jobs.length, jpRp, jhtTotal }),
  };
}
