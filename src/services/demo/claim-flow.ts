// One paid claim through the claims and payout services, as the branch does it: filed and
// documented by the officer, decided by the supervisor, batched monthly, approved, exported and
// reconciled paid from the bank's result file (which ends the memberships the claims end).
import type { Claimant } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { addClaimDocument, decideClaim, fileClaim, requiredDocuments, submitClaim } from '../claims/index.ts';
import {
  approvePayoutBatch,
  createPayoutBatch,
  exportPayoutBatch,
  importBankResult,
  markPayoutBatchSent,
} from '../payouts/index.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY } from './figures.ts';
import type { PersonFactory } from './people.ts';
import type { Random } from './random.ts';

const BANK_CODES = ['002', '002', '008', '009', '451'];

export interface ClaimJob {
  who: Claimant;
  program: 'JKM' | 'JP' | 'JHT';
  kind: string;
  /** YYYY-MM: deaths happen in its first days; a JHT at retirement age is the filing day. */
  period: string;
  heir: { name: string; nik: string } | null;
}

export interface ClaimFlow {
  /** A survivor (spouse) of the claimant's kecamatan, for a death claim. */
  heir(c: Claimant): { name: string; nik: string };
  /** Filed, documented and submitted by the officer on `day`, approved by the supervisor. */
  file(job: ClaimJob, day: string): Promise<number>;
  /** The month's batch: created on the 19th, approved, exported; the bank pays on the 20th. */
  payOut(period: string, claimIds: number[]): Promise<void>;
}

export async function claimFlow(
  deps: Deps,
  clock: DemoClock,
  people: PersonFactory,
  rnd: Random,
  progress: (msg: string) => void,
): Promise<ClaimFlow> {
  const officer = await demoUser(deps, 'cabang.atambua');
  const supervisor = await demoUser(deps, 'supervisor.atambua');
  return {
    heir(c) {
      const h = people.person(c.kecamatan.length === 8 ? c.kecamatan : '53.04.12', 1958, 1995);
      return { name: h.fullName, nik: h.nik };
    },
    async file(job, day) {
      clock.set(day, 11);
      const bank = rnd.pick(BANK_CODES);
      const holder = job.heir?.name ?? job.who.fullName;
      const eventDate = job.program === 'JHT' ? day : `${job.period}-0${rnd.int(1, 5)}`;
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
    },
    async payOut(period, claimIds) {
      clock.set(`${period}-19`, 10);
      const batch = await createPayoutBatch(deps, officer, { regencyCode: DEMO_REGENCY, claimIds });
      await approvePayoutBatch(deps, supervisor, batch.id, {
        declaredCount: batch.count,
        declaredTotalRp: batch.totalRp,
      });
      const file = await exportPayoutBatch(deps, officer, batch.id);
      await markPayoutBatchSent(deps, officer, batch.id, { format: 'csv', sha256: file.sha256 });
      const paidOn = `${period}-20`;
      const m = period.slice(2).replace('-', '');
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
      progress(`  claims paid ${period}: ${batch.count}, Rp ${batch.totalRp.toLocaleString('id-ID')}`);
    },
  };
}
