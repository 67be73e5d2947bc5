import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ERROR_CATALOG } from '../../src/errors.ts';
import { type Actor, type Deps, PERMISSIONS } from '../../src/services/actor.ts';
import { addClaimDocument, fileClaim, findForIntake } from '../../src/services/claims/index.ts';
import type { FileClaimInput } from '../../src/services/claims/schemas.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { creditJhtContributions } from '../../src/services/jht/index.ts';
import { approvePayoutBatch, createPayoutBatch, importBankResult } from '../../src/services/payouts/index.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { branchDashboard } from '../../src/services/reports/index.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { myClaim, myClaims } from '../../src/services/self-service/my-claims.ts';
import { myJht } from '../../src/services/self-service/my-jht.ts';
import { demoActor } from '../support/actors.ts';
import { insertApprovedClaim } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';
import { sendPayoutBatch } from '../support/pay-claims.ts';

// Issue 15, points 7 and 8: claim intake by NIK, KPJ or name with the earlier claims; a claim the
// rules refused is not filed again; rule refusals outside the branch SLA rate; the self-service
// JHT balance after a full withdrawal and later contributions; one step per claim status.

const KEWAR = '53.04.01.2001';
const NPP = '53049115';
// PP 46/2015 Pasal 16: JHT for a PU worker is 3.7% (employer) + 2% (worker) of the wage.
// Wage 5,000,000 → 185,000 + 100,000 = 285,000 a month.
const WAGE_RP = 5_000_000;
const JHT_MONTH_RP = 185_000 + 100_000;
const HEIR_NIK = '5304015506800001';

describe('claim intake, rule refusals and the self-service JHT balance', () => {
  let t: TestDb;
  let base: Deps;
  let officer: Actor;
  let supervisor: Actor;
  let villageKpj: string;
  let villageNik: string;
  let secondKpj: string;
  let refusedNumber: string;
  let worker: { id: number; kpj: string; nik: string };
  const at = (iso: string): Deps => ({ db: base.db, clock: fixedClock(iso) });
  const claims = async () =>
    (await base.db.query<{ n: number }>('SELECT count(*)::int AS n FROM claim')).rows[0]!.n;
  const self = (p: { id: number; kpj: string }): Actor => ({
    ...officer,
    username: p.kpj,
    role: 'participant',
    scope: { type: 'participant', code: p.kpj, name: p.kpj },
    regionScopes: [],
    permissions: PERMISSIONS.participant,
    participantId: p.id,
  });
  const jkm = (kpj: string, eventDate: string): FileClaimInput => ({
    kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate,
    eventDetail: { cause: 'sakit' },
    claimant: { relation: 'pasangan', name: `Ahli Waris ${serialName(3)}`, nik: HEIR_NIK },
    bank: { code: '130', account: '1234567890', holder: `Ahli Waris ${serialName(3)}` },
  });
  /** Pays the employer's invoice of a period in full on a day (and credits the JHT shares). */
  const payPeriod = async (period: string, day: string, credit = true) => {
    const inv = (
      await base.db.query<{ total: number; payerId: number }>(
        `SELECT i.total_rp AS total, i.payer_id AS "payerId" FROM invoice i JOIN payer p ON p.id = i.payer_id
         WHERE p.kind = 'employer' AND i.period = $1`,
        [period],
      )
    ).rows[0]!;
    const d = at(`${day}T02:00:00Z`);
    await postPayment(d, officer, {
      payerId: inv.payerId,
      amountRp: inv.total,
      receivedOn: day,
      reference: `TRF-${period}`,
      idempotencyKey: `intake-test-${period}`,
    });
    if (credit) await creditJhtContributions(d, officer, { regencyCode: '53.04' });
  };

  beforeAll(async () => {
    ({ deps: base, t } = await preparedDeps());
    officer = await demoActor(base, 'cabang.atambua');
    supervisor = await demoActor(base, 'supervisor.atambua');
    await enrolActive(base, KEWAR, 10);
    const v = (
      await base.db.query<{ kpj: string; nik: string }>(
        `SELECT pa.kpj, p.nik FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.region_code = $1
         ORDER BY pa.id LIMIT 2`,
        [KEWAR],
      )
    ).rows;
    villageKpj = v[0]!.kpj;
    villageNik = v[0]!.nik;
    secondKpj = v[1]!.kpj;
    const d = at('2026-11-02T02:00:00Z');
    await registerEmployer(d, officer, {
      npp: NPP,
      name: `CV Tenun ${serialName(5)}`,
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    const birthDate = '1990-03-01';
    const nik = nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 31 });
    await registerEmployee(d, officer, NPP, {
      nik,
      fullName: `Pekerja Tenun ${serialName(7)}`,
      birthDate,
      sex: 'L',
      startDate: '2026-11-01',
      wageRp: WAGE_RP,
    });
    const w = (
      await base.db.query<{ id: number; kpj: string }>(
        `SELECT pa.id, pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
        [nik],
      )
    ).rows[0]!;
    worker = { ...w, nik };
  });
  afterAll(async () => t.drop());

  it('a claim the rules refused is not filed again while the reason holds (idempotent on retry)', async () => {
    // A death before the village worker's cover began: the rules refuse the claim.
    const d = at('2026-12-01T02:00:00Z');
    const first = await fileClaim(d, officer, jkm(villageKpj, '2025-06-01'));
    expect(first.status).toBe('rejected');
    refusedNumber = first.number;
    const before = await claims();
    for (const retry of [1, 2]) {
      await expect(
        fileClaim(at(`2026-12-0${retry + 1}T02:00:00Z`), officer, jkm(villageKpj, '2025-06-01')),
      ).rejects.toMatchObject({
        code: 'CLAIM_ALREADY_REFUSED',
        params: { number: first.number, reasonCode: 'NOT_COVERED' },
      });
    }
    expect(await claims()).toBe(before);
    expect(ERROR_CATALOG.CLAIM_ALREADY_REFUSED.status).toBe(409);
    // The message names the reason in words, in the reader's language, never as its code.
    const again = await fileClaim(at('2026-12-04T02:00:00Z'), officer, jkm(villageKpj, '2025-06-01')).catch(
      (e: AppError) => e,
    );
    expect(again).toBeInstanceOf(AppError);
    const [id, en] = [(again as AppError).localized('id'), (again as AppError).localized('en')];
    expect(id).toContain(`${first.number} dengan alasan: Peserta tidak terlindungi pada tanggal kejadian.`);
    expect(en).toContain(
      `${first.number} for this reason: The participant was not covered on the event date.`,
    );
    expect(id).not.toContain('NOT_COVERED');
    expect(en).not.toContain('NOT_COVERED');
  });

  it("the member's own claims name the refusal and the refusing step in words, with the code", async () => {
    const id = (
      await base.db.query<{ id: number }>('SELECT id FROM participant WHERE kpj = $1', [villageKpj])
    ).rows[0]!.id;
    const member = self({ id, kpj: villageKpj });
    const notCovered = {
      code: 'NOT_COVERED',
      id: 'Peserta tidak terlindungi pada tanggal kejadian.',
      en: 'The participant was not covered on the event date.',
    };
    const d = at('2026-12-05T02:00:00Z');
    const { claims: own } = await myClaims(d, member);
    expect(own.map((c) => [c.number, c.status, c.refusalCode, c.refusal])).toEqual([
      [refusedNumber, 'rejected', 'NOT_COVERED', notCovered],
    ]);
    const one = await myClaim(d, member, own[0]!.id);
    expect(one.refusal).toEqual(notCovered);
    expect(one.events.map((e) => [e.toStatus, e.reasonCode, e.reason])).toEqual([
      ['rejected', 'NOT_COVERED', notCovered],
    ]);
  });

  it('intake finds the participant by NIK, KPJ or name, with the earlier claims and the refusal that stands', async () => {
    const d = at('2026-12-03T02:00:00Z');
    for (const q of [villageNik, villageKpj]) {
      const r = await findForIntake(d, officer, q);
      expect(r.participants.map((p) => p.kpj)).toEqual([villageKpj]);
      expect(r.participants[0]).toMatchObject({
        openRefusals: 1,
        earlierClaims: [{ number: refusedNumber, status: 'rejected', automatic: true, program: 'JKM' }],
      });
    }
    const byName = await findForIntake(d, officer, `Tenun ${serialName(7)}`);
    expect(byName.participants.map((p) => p.kpj)).toEqual([worker.kpj]);
    expect(byName.participants[0]!.earlierClaims).toEqual([]);
    // A village operator takes no claims; another branch's officer does not find Belu's people.
    await expect(findForIntake(d, await demoActor(base, 'desa.kewar'), villageNik)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(findForIntake(d, officer, 'ab')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('the SLA rate counts decisions people took; rule refusals are counted apart', async () => {
    const r = await branchDashboard(at('2026-12-03T02:00:00Z'), officer, {
      regencyCode: '53.04',
      year: 2026,
    });
    expect(r.sla).toEqual({ decided: 0, withinSla: 0, percent: 0, overdueOpen: 0, automaticRefusals: 1 });
  });

  it('self-service: the JHT balance after a full withdrawal is the contributions paid since', async () => {
    await runBilling(at('2026-12-01T01:00:00Z'), officer, { regencyCode: '53.04', period: '2026-12' });
    await payPeriod('2026-12', '2026-12-10');
    const member = self(worker);
    expect((await myJht(at('2026-12-11T02:00:00Z'), member)).balanceRp).toBe(JHT_MONTH_RP);
    // January is billed before the withdrawal and paid after it.
    await runBilling(at('2027-01-01T01:00:00Z'), officer, { regencyCode: '53.04', period: '2027-01' });
    const claim = await insertApprovedClaim(base.db, worker.id, {
      program: 'JHT',
      kind: 'penuh',
      amountRp: JHT_MONTH_RP,
      bankCode: '002',
    });
    const d = at('2027-01-04T02:00:00Z');
    const batch = await createPayoutBatch(d, officer, { regencyCode: '53.04', claimIds: [claim.id] });
    await approvePayoutBatch(d, supervisor, batch.id, { declaredCount: 1, declaredTotalRp: JHT_MONTH_RP });
    await sendPayoutBatch(d, officer, batch.id);
    const payoutId = (
      await base.db.query<{ id: number }>('SELECT id FROM payout WHERE batch_id = $1', [batch.id])
    ).rows[0]!.id;
    await importBankResult(d, officer, batch.id, {
      fileName: 'hasil.csv',
      bytes: Buffer.from(
        `batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n${batch.number},${payoutId},PAID,2027-01-04,T1,${JHT_MONTH_RP}\r\n`,
      ),
    });
    expect((await myJht(at('2027-01-05T02:00:00Z'), member)).balanceRp).toBe(0);
    // January is paid; the branch's credit run has not run yet: the money counts from the day it
    // was received all the same. 285,000 in (December) − 285,000 withdrawn + 285,000 (January).
    await payPeriod('2027-01', '2027-01-10', false);
    expect(await myJht(at('2027-01-11T02:00:00Z'), member)).toEqual({
      available: true,
      balanceRp: JHT_MONTH_RP,
      notYetCreditedRp: JHT_MONTH_RP,
      asOf: '2027-01-11',
      lastEntryOn: '2027-01-10',
    });
    await creditJhtContributions(at('2027-01-12T02:00:00Z'), officer, { regencyCode: '53.04' });
    expect(await myJht(at('2027-01-12T02:00:00Z'), member)).toMatchObject({
      balanceRp: JHT_MONTH_RP,
      notYetCreditedRp: 0,
      lastEntryOn: '2027-01-10',
    });
    const own = await myClaim(at('2027-01-11T02:00:00Z'), member, claim.id);
    expect(own).toMatchObject({ bankCode: '002', bankName: 'BRI' });
  });

  it('self-service claim steps: one per change of status, not one per document', async () => {
    // A covered village worker's death: the claim is filed, then documents come one by one.
    const d = at('2026-12-01T03:00:00Z');
    const filed = await fileClaim(d, officer, jkm(secondKpj, '2026-11-24'));
    expect(filed.status).toBe('filed');
    const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`);
    for (const docType of ['akta_kematian', 'kartu_keluarga']) {
      await addClaimDocument(d, officer, filed.id, {
        docType,
        fileName: `${docType}.pdf`,
        bytes: pdf(docType),
      });
    }
    const id = (await base.db.query<{ id: number }>('SELECT id FROM participant WHERE kpj = $1', [secondKpj]))
      .rows[0]!.id;
    const own = await myClaim(d, self({ id, kpj: secondKpj }), filed.id);
    expect(own.events.map((e) => [e.toStatus, e.reason])).toEqual([['filed', null]]);
    expect(own).toMatchObject({ bankCode: '130', bankName: 'Bank NTT', refusal: null });
    const all = await base.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM claim_event WHERE claim_id = $1',
      [filed.id],
    );
    expect(all.rows[0]!.n).toBe(3);
  });
});
