import { CLAIMANTS, type Claimant, claimants, regencyHasClaims, sumClaimAmounts } from '../../db/demo.ts';
import type { Queryable } from '../../db/types.ts';
import type { Deps } from '../actor.ts';
import { addClaimDocument, decideClaim, fileClaim, requiredDocuments, submitClaim } from '../claims/index.ts';
import { recordJhtOpeningBalance } from '../jht/index.ts';
import {
  approvePayoutBatch,
  createPayoutBatch,
  exportPayoutBatch,
  importBankResult,
} from '../payouts/index.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, FIGURES } from './figures.ts';
import type { PersonFactory } from './people.ts';
import { type Random, splitTotal } from './random.ts';

const JKM_RP = 42_000_000;
const BANK_CODES = ['002', '002', '008', '009', '451'];
const MONTHS = ['01', '02', '03', '04', '05'];

async function pick(q: Queryable, which: keyof typeof CLAIMANTS, n: number): Promise<Claimant[]> {
  const rows = await claimants(q, { regencyCode: DEMO_REGENCY, which, n });
  if (rows.length < n)
    throw new Error(`demo claims: only ${rows.length} of ${n} claimants (${CLAIMANTS[which]})`);
  return rows;
}

interface Job {
  who: Claimant;
  program: 'JKM' | 'JP' | 'JHT';
  kind: string;
  month: string;
  heir: { name: string; nik: string } | null;
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
  const supervisor = await demoUser(deps, 'supervisor.atambua');
  const { JKM: jkmN, JP: jpN, JHT: jhtN } = FIGURES.claims;
  const heir = (c: Claimant) => {
    const h = people.person(c.kecamatan.length === 8 ? c.kecamatan : '53.04.12', 1958, 1995);
    return { name: h.fullName, nik: h.nik };
  };
  const run = async (job: Job, day: string) => {
    clock.set(day, 11);
    const bank = rnd.pick(BANK_CODES);
    const holder = job.heir?.name ?? job.who.fullName;
    const eventDate = job.program === 'JHT' ? day : `2023-${job.month}-0${rnd.int(1, 5)}`;
    const filed = await fileClaim(deps, officer, {
      kpj: job.who.kpj,
      program: job.program,
      kind: job.kind,
      eventDate,
      eventDetail: job.program === 'JHT' ? { reason: 'retirement_age' } : { cause: 'sakit' },
      claimant: job.heir
        ? { relation: 'pasangan', name: job.heir.name, nik: job.heir.nik }
        : { relation: 'peserta', name: job.who.fullName, nik: job.who.nik },
      bank: {
        code: bank,
        account: `${rnd.int(100, 999)}${String(rnd.int(0, 9_999_999_999)).padStart(10, '0')}`,
        holder,
      },
    });
    if (filed.status !== 'filed') throw new Error(`demo claim refused: ${JSON.stringify(filed.refusal)}`);
    const docs = requiredDocuments(
      job.program,
      job.kind,
      job.program === 'JHT' ? 'retirement_age' : undefined,
    );
    for (const docType of docs)
      await addClaimDocument(deps, officer, filed.id, {
        docType,
        fileName: `${docType}.pdf`,
        bytes: Buffer.from(`%PDF-1.4\n% ${docType} ${filed.number}\n%%EOF\n`),
      });
    await submitClaim(deps, officer, filed.id);
    clock.set(day, 14);
    await decideClaim(deps, supervisor, filed.id, { approve: true });
    return filed.id;
  };
  const payOut = async (m: string, claimIds: number[]) => {
    clock.set(`2023-${m}-19`, 10);
    const batch = await createPayoutBatch(deps, officer, { regencyCode: DEMO_REGENCY, claimIds });
    await approvePayoutBatch(deps, supervisor, batch.id, {
      declaredCount: batch.count,
      declaredTotalRp: batch.totalRp,
    });
    const file = await exportPayoutBatch(deps, officer, batch.id);
    const paidOn = `2023-${m}-20`;
    const rows = file.body
      .toString('utf8')
      .split('\r\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split(','));
    const result = [
      'batch_reference,payout_id,status,date,bank_reference,amount_rp',
      ...rows.map((r, i) => `${batch.number},${r[1]},PAID,${paidOn},TRX-${m}-${i + 1},${r[5]}`),
    ].join('\r\n');
    clock.set(paidOn, 15);
    await importBankResult(deps, officer, batch.id, {
      fileName: `hasil-bank-${batch.number}.csv`,
      bytes: Buffer.from(`${result}\r\n`),
    });
    progress(`  claims paid 2023-${m}: ${batch.count}, Rp ${batch.totalRp.toLocaleString('id-ID')}`);
  };
  let jobs: Job[] = [];
  const jpIds: number[] = [];
  let jpRp = 0;
  let jhtTotal = 0;
  return {
    async prepare() {
      const jkm = await pick(deps.db, 'villageWorker', jkmN);
      const jp = await pick(deps.db, 'puWithJp', jpN);
      const jht = await pick(deps.db, 'selfPayingRetired', jhtN);
      jobs = [
        ...jp.map((who) => ({ who, program: 'JP' as const, kind: 'kematian', month: '01', heir: heir(who) })),
        ...jkm.map((who, i) => ({
          who,
          program: 'JKM' as const,
          kind: 'kematian',
          month: MONTHS[i % 5]!,
          heir: heir(who),
        })),
        ...jht.map((who, i) => ({
          who,
          program: 'JHT' as const,
          kind: 'penuh',
          month: MONTHS[i % 5]!,
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
      const m = period.slice(5);
      const ids = m === '01' ? jpIds : [];
      const mine = jobs.filter((j) => j.program !== 'JP' && j.month === m);
      for (const [i, job] of mine.entries())
        ids.push(await run(job, `2023-${m}-${String(10 + (i % 8)).padStart(2, '0')}`));
      await payOut(m, ids);
    },
    summary: () => ({ claims: jobs.length, jpRp, jhtTotal }),
  };
}
