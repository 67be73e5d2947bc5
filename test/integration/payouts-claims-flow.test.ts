import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import {
  addClaimDocument,
  decideClaim,
  fileClaim,
  getClaim,
  submitClaim,
} from '../../src/services/claims/index.ts';
import { fixedClock } from '../../src/services/clock.ts';
import {
  approvePayoutBatch,
  benefitsPaid,
  createPayoutBatch,
  importBankResult,
} from '../../src/services/payouts/index.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { sendPayoutBatch } from '../support/pay-claims.ts';

const JKM_DOCS = [
  'kartu_kpj',
  'ktp_peserta',
  'ktp_ahli_waris',
  'akta_kematian',
  'kartu_keluarga',
  'surat_ahli_waris',
  'buku_rekening',
];

// The whole way from intake to the bank: a claim filed, documented, submitted and decided by the
// claims services, then batched, approved, exported and reported paid.
describe('a JKM claim from intake to the bank’s paid report', () => {
  let deps: Deps;
  let t: TestDb;
  let officer: Actor;
  let supervisor: Actor;
  let claimId: number;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, '53.04.01.2001', 10);
    // A week after enrolment (the test clock's day), the worker dies.
    deps = { db: deps.db, clock: fixedClock('2026-12-01T02:00:00.000Z') };
    officer = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    const kpj = (
      await deps.db.query<{ kpj: string }>(
        `SELECT kpj FROM participant WHERE region_code = '53.04.01.2001' LIMIT 1`,
      )
    ).rows[0]!.kpj;
    const filed = await fileClaim(deps, officer, {
      kpj,
      program: 'JKM',
      kind: 'kematian',
      eventDate: '2026-11-28',
      eventDetail: { cause: 'sakit' },
      claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
      bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
    });
    claimId = filed.id;
    for (const docType of JKM_DOCS)
      await addClaimDocument(deps, officer, claimId, {
        docType,
        fileName: `${docType}.pdf`,
        bytes: Buffer.from(`%PDF-1.4\n% ${docType}\n%%EOF\n`),
      });
    await submitClaim(deps, officer, claimId);
    await decideClaim(deps, supervisor, claimId, { approve: true });
  });
  afterAll(async () => t.drop());

  it('is batched, approved, exported and paid; the claim shows the batch and pay events', async () => {
    const batch = await createPayoutBatch(deps, officer, { regencyCode: '53.04' });
    expect(batch).toMatchObject({ count: 1, totalRp: 42_000_000 });
    await approvePayoutBatch(deps, supervisor, batch.id, { declaredCount: 1, declaredTotalRp: 42_000_000 });
    const file = await sendPayoutBatch(deps, officer, batch.id);
    const row = file.body.toString('utf8').split('\r\n')[1]!.split(',');
    expect(row.slice(2, 6)).toEqual(['002', '0012345678901', 'Maria Bete', '42000000']);
    const result = Buffer.from(
      `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${batch.number},${row[1]},PAID,2026-12-02,TRX-9,42000000\r\n`,
    );
    expect(
      await importBankResult(deps, officer, batch.id, { fileName: 'r.csv', bytes: result }),
    ).toMatchObject({
      paid: 1,
      batchStatus: 'reconciled',
    });
    const view = await getClaim(deps, officer, claimId);
    expect(view.status).toBe('paid');
    expect(view.events.slice(-2).map((e) => [e.action, e.toStatus])).toEqual([
      ['batch', 'batched'],
      ['pay', 'paid'],
    ]);
    const paid = await benefitsPaid(deps, { regencyCode: '53.04', from: '2026-12-01', to: '2026-12-31' });
    expect(paid.byProgram.JKM).toEqual({ count: 1, amountRp: 42_000_000 });
  });
});
