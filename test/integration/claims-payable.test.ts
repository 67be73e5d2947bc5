// Issue 13 (7): claims that could not be paid. The end of employment before full JHT for a
// resignation and before JKP; the JP survivor claim filed and decided from the cover the system
// knows; a decision of Rp 0 never approved silently, and never vanishing from the payouts; the JP
// disability pension claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import {
  addClaimDocument,
  decideClaim,
  fileClaim,
  getClaim,
  submitClaim,
} from '../../src/services/claims/index.ts';
import type { FileClaimInput } from '../../src/services/claims/schemas.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { importWageReport } from '../../src/services/import-wage-report.ts';
import { recordJhtOpeningBalance } from '../../src/services/jht/index.ts';
import { createPayoutBatch } from '../../src/services/payouts/index.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

const NPP = '53049301';
const RESIGNING = nikFor({ kecamatan: '530412', birthDate: '1984-04-04', sex: 'L', serial: 301 });
const DIED_BILLED = nikFor({ kecamatan: '530412', birthDate: '1980-02-02', sex: 'L', serial: 302 });
const DIED_UNBILLED = nikFor({ kecamatan: '530412', birthDate: '1982-03-03', sex: 'L', serial: 303 });
const INJURED = nikFor({ kecamatan: '530412', birthDate: '1990-06-06', sex: 'L', serial: 305 });
const SPOUSE_NIK = nikFor({ kecamatan: '530412', birthDate: '1983-05-05', sex: 'P', serial: 304 });
const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`);

describe('claims that must be payable (issue 13, 7)', () => {
  let t: TestDb;
  let base: Deps;
  let officer: Actor;
  let supervisor: Actor;
  const at = (iso: string): Deps => ({ db: base.db, clock: fixedClock(iso) });
  const names = new Map<string, string>();
  const kpjOf = async (nik: string) =>
    (
      await base.db.query<{ kpj: string }>(
        `SELECT pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
        [nik],
      )
    ).rows[0]!.kpj;
  const complete = async (d: Deps, id: number) => {
    for (const { docType } of (await getClaim(d, officer, id)).checklist)
      await addClaimDocument(d, officer, id, { docType, fileName: 'x.pdf', bytes: pdf(`${docType}-${id}`) });
  };
  const jpDeath = async (nik: string, eventDate: string): Promise<FileClaimInput> => ({
    kpj: await kpjOf(nik),
    program: 'JP',
    kind: 'kematian',
    eventDate,
    eventDetail: { cause: 'sakit' },
    claimant: { relation: 'pasangan', name: 'Maria Seran', nik: SPOUSE_NIK },
    bank: { code: '002', account: '0012345678901', holder: 'Maria Seran' },
  });

  beforeAll(async () => {
    ({ deps: base, t } = await preparedDeps());
    officer = await demoActor(base, 'cabang.atambua');
    supervisor = await demoActor(base, 'supervisor.atambua');
    const d = at('2026-09-01T02:00:00Z');
    await registerEmployer(d, officer, {
      npp: NPP,
      name: 'CV Klaim Bayar',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    for (const [nik, birthDate, startDate, wageRp] of [
      [RESIGNING, '1984-04-04', '2026-09-01', 3_000_000],
      [DIED_BILLED, '1980-02-02', '2026-09-01', 4_000_000],
      [DIED_UNBILLED, '1982-03-03', '2026-11-01', 4_000_000],
      [INJURED, '1990-06-06', '2026-09-01', 3_000_000],
    ] as const) {
      names.set(nik, serialName(names.size + 301));
      await registerEmployee(at(`${startDate}T02:00:00Z`), officer, NPP, {
        nik,
        fullName: names.get(nik)!,
        birthDate,
        sex: 'L' as const,
        startDate,
        wageRp,
        jkp: true,
      });
    }
    for (const period of ['2026-09', '2026-10'])
      await runBilling(at(`${period}-20T02:00:00Z`), officer, { regencyCode: '53.04', period });
  });
  afterAll(async () => t.drop());

  const resignation = async (): Promise<FileClaimInput> => ({
    kpj: await kpjOf(RESIGNING),
    program: 'JHT',
    kind: 'penuh',
    eventDate: '2026-10-01',
    eventDetail: { reason: 'resignation', terminationDate: '2026-10-01' },
    claimant: { relation: 'peserta', name: names.get(RESIGNING)!, nik: RESIGNING },
    bank: { code: '009', account: '987654321', holder: names.get(RESIGNING)! },
  });

  it('full JHT for a resignation while the employer still reports the worker is refused STILL_EMPLOYED', async () => {
    // Permenaker 4/2022: JHT in full after resigning, once the 1-month wait from the letter has passed
    // (2026-10-01 → 2026-11-01); the worker is still employed and billed, so it is refused.
    const r = await fileClaim(at('2026-11-10T02:00:00Z'), officer, await resignation());
    expect(r.status).toBe('rejected');
    expect(r.refusal).toMatchObject({ code: 'STILL_EMPLOYED', detail: { employmentEndDate: null } });
  });

  it('JKP names the PHK evidence at intake (the employment check itself: test/cases/klaim.yaml)', async () => {
    const kpj = await kpjOf(RESIGNING);
    const jkp: FileClaimInput = {
      ...(await resignation()),
      kpj,
      program: 'JKP',
      kind: 'uang_tunai',
      eventDetail: { reason: 'termination' },
    };
    await expect(fileClaim(at('2026-11-10T02:00:00Z'), officer, jkp)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      params: { detail: expect.stringContaining('phkEvidence') },
    });
    const r = await fileClaim(at('2026-11-10T02:00:00Z'), officer, {
      ...jkp,
      eventDetail: { reason: 'termination', phkEvidence: 'perjanjian_bersama' },
    });
    expect(r.status).toBe('rejected');
    // PP 37/2021: 12 months of contributions in 24 are not there either; that reason comes first.
    expect(r.refusal?.code).toBe('JKP_NOT_ELIGIBLE');
  });

  it('after the employer reports the leave, full JHT is filed and decided at the JHT balance', async () => {
    const header = 'NIK,Nama,Upah (Rp),Mutasi,Tanggal Lahir,Jenis Kelamin';
    const rows = [
      `${RESIGNING},${names.get(RESIGNING)},3000000,keluar,,`,
      `${DIED_BILLED},${names.get(DIED_BILLED)},4000000,tetap,,`,
    ];
    await importWageReport(at('2026-11-05T02:00:00Z'), officer, {
      npp: NPP,
      period: '2026-10',
      fileName: 'upah-2026-10.csv',
      bytes: Buffer.from(`${[header, ...rows].join('\n')}\n`),
    });
    const p = (
      await base.db.query<{ id: number; endDate: string }>(
        `SELECT e.participant_id AS id, e.end_date::text AS "endDate" FROM employment e
         JOIN person p ON p.id = e.person_id WHERE p.nik = $1`,
        [RESIGNING],
      )
    ).rows[0]!;
    // a leave in the October report ends the employment on the period's last day
    expect(p.endDate).toBe('2026-10-31');
    await recordJhtOpeningBalance(at('2026-11-05T02:00:00Z'), consoleActor(), {
      participantId: p.id,
      amountRp: 2_345_678,
      asOf: '2026-08-31',
      source: 'saldo sistem lama (uji)',
    });
    const d = at('2026-11-10T02:00:00Z');
    const f = await fileClaim(d, officer, await resignation());
    expect(f.status).toBe('filed');
    await complete(d, f.id);
    const s = await submitClaim(d, officer, f.id);
    // The JHT book credits contributions when they are paid; Sep and Oct 2026 are billed, not paid,
    // so the balance on the claim date is the opening Rp 2,345,678 (PP 46/2015: contributions + returns).
    expect(s).toMatchObject({ status: 'submitted', amountRp: 2_345_678 });
  });

  it('JP survivor: a spouse files, the lump sum is the billed JP contributions (masa iur < 15 years)', async () => {
    const d = at('2026-11-10T02:00:00Z');
    const f = await fileClaim(d, officer, await jpDeath(DIED_BILLED, '2026-11-03'));
    expect(f.status).toBe('filed');
    await complete(d, f.id);
    const s = await submitClaim(d, officer, f.id);
    // PP 45/2015 Pasal 28: JP 3 % (2 % employer + 1 % worker) × Rp 4,000,000 = Rp 120,000 a month,
    // billed for Sep and Oct 2026 = Rp 240,000. Membership 2 months < 12 (Permenaker 29/2015
    // Pasal 26), so no survivor pension: the lump sum of contributions (PP 45/2015).
    expect(s).toMatchObject({ status: 'submitted', amountRp: 240_000 });
    const view = await getClaim(d, officer, f.id);
    expect(JSON.stringify(view.explanation)).toContain('Permenaker 29/2015 Pasal 26');
  });

  it('a JP lump sum of Rp 0 is never approved silently, and stays in sight of the payouts', async () => {
    const d = at('2026-11-12T02:00:00Z');
    const f = await fileClaim(d, officer, await jpDeath(DIED_UNBILLED, '2026-11-06'));
    expect(f.status).toBe('filed');
    await complete(d, f.id);
    // started 2026-11-01, died before any JP contribution was billed: nothing accumulated
    expect(await submitClaim(d, officer, f.id)).toMatchObject({ status: 'submitted', amountRp: 0 });
    const err = await decideClaim(d, supervisor, f.id, { approve: true }).catch((e) => e);
    expect(err).toMatchObject({ code: 'CLAIM_ZERO_AMOUNT' });
    expect(err.message).toContain('Rp 0');
    expect((await getClaim(d, officer, f.id)).status).toBe('submitted');
    const ok = await decideClaim(d, supervisor, f.id, {
      approve: true,
      zeroAmountReason: 'Belum ada iuran JP yang ditagih; ahli waris diberi tahu',
    });
    expect(ok.status).toBe('approved');
    const events = (await getClaim(d, officer, f.id)).events.map((e) => e.note ?? '');
    expect(events.some((n) => n.startsWith('Rp 0: Belum ada iuran JP'))).toBe(true);
    // the Rp 240,000 claim is batched; the Rp 0 claim is named beside the batch, not dropped
    const jp240 = await base.db.query<{ id: number }>(
      `SELECT id FROM claim WHERE program = 'JP' AND amount_rp = 240000`,
    );
    await decideClaim(d, supervisor, jp240.rows[0]!.id, { approve: true });
    const batch = await createPayoutBatch(d, officer, { regencyCode: '53.04' });
    expect(batch).toMatchObject({ count: 1, totalRp: 240_000 });
    expect(batch.approvedWithoutAmount).toEqual([f.number]);
  });

  it('JKK medical care: treatment as billed, home care capped at Rp 20,000,000', async () => {
    const d = at('2026-11-20T02:00:00Z');
    const name = names.get(INJURED)!;
    const f = await fileClaim(d, officer, {
      kpj: await kpjOf(INJURED),
      program: 'JKK',
      kind: 'perawatan',
      eventDate: '2026-11-02',
      eventDetail: {
        cause: 'jatuh dari tangga gudang',
        accidentAt: '2026-11-02T09:00:00+08:00',
        reportedAt: '2026-11-02T15:00:00+08:00',
        reportedBy: 'CV Klaim Bayar',
        medicalCostRp: 12_500_000,
        homeCareRp: 22_000_000,
        homeCareMonths: 6,
        transportRp: { land: 750_000 },
      },
      claimant: { relation: 'peserta', name, nik: INJURED },
      bank: { code: '002', account: '0098765432101', holder: name },
    });
    expect(f.status).toBe('filed');
    const view = await getClaim(d, officer, f.id);
    expect(view.checklist.map((c) => c.docType)).toContain('kuitansi_perawatan');
    await complete(d, f.id);
    // PP 44/2015 jo PP 82/2019 (fact sheet §3.3): treatment by medical need, no ceiling: 12,500,000;
    // home care at most 1 year and Rp 20,000,000: min(22,000,000; 20,000,000) = 20,000,000;
    // land transport at most Rp 5,000,000: 750,000. Total 12,500,000 + 20,000,000 + 750,000 = 33,250,000.
    expect(await submitClaim(d, officer, f.id)).toMatchObject({ status: 'submitted', amountRp: 33_250_000 });
  });

  it('JP disability (pensiun cacat): filed by the participant, a short membership takes the lump sum', async () => {
    const d = at('2026-11-25T02:00:00Z');
    const name = names.get(INJURED)!;
    const f = await fileClaim(d, officer, {
      kpj: await kpjOf(INJURED),
      program: 'JP',
      kind: 'cacat',
      eventDate: '2026-11-16',
      eventDetail: { cause: 'cacat total tetap karena stroke (bukan kecelakaan kerja)' },
      claimant: { relation: 'peserta', name, nik: INJURED },
      bank: { code: '002', account: '0098765432101', holder: name },
    });
    expect(f.status).toBe('filed');
    expect((await getClaim(d, officer, f.id)).checklist.map((c) => c.docType)).toContain('surat_dokter');
    await complete(d, f.id);
    // PP 45/2015 Pasal 16 huruf b: disabled at 36, before the usia pensiun. Member since 2026-09-01,
    // 2 months < 12 (jp.cacat_kepesertaan_minimum_bulan, Permenaker 29/2015, pasal belum tercatat),
    // so no monthly pension: the lump sum of billed JP contributions, 3 % (PP 45/2015 Pasal 28)
    // × Rp 3,000,000 = Rp 90,000 for Sep and Oct 2026 = Rp 180,000.
    expect(await submitClaim(d, officer, f.id)).toMatchObject({ status: 'submitted', amountRp: 180_000 });
    const view = await getClaim(d, officer, f.id);
    expect(JSON.stringify(view.explanation)).toContain('PP 45/2015 Pasal 16 huruf b');
  });
});
