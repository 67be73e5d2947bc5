import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Deps, PERMISSIONS } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import {
  addClaimDocument,
  appealClaim,
  decideClaim,
  fileClaim,
  getClaim,
  listClaims,
  submitClaim,
} from '../../src/services/claims/index.ts';
import type { FileClaimInput } from '../../src/services/claims/schemas.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { importWageReport } from '../../src/services/import-wage-report.ts';
import { recordJhtOpeningBalance } from '../../src/services/jht/index.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { insertBulkParticipants } from '../support/bulk-participants.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const JKM_DOCS = [
  'kartu_kpj',
  'ktp_peserta',
  'ktp_ahli_waris',
  'akta_kematian',
  'kartu_keluarga',
  'surat_ahli_waris',
  'buku_rekening',
];
const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`);
const HEIR_NIK = '5304015506800001';
const JHT_NIK = nikFor({ kecamatan: '530412', birthDate: '1985-03-01', sex: 'L', serial: 77 });

describe('claims: intake, documents, eligibility, maker/checker', () => {
  let t: TestDb;
  let base: Deps;
  let officer: Actor;
  let supervisor: Actor;
  let supervisor2: Actor;
  const at = (iso: string): Deps => ({ db: base.db, clock: fixedClock(iso) });
  const kpjs = async (village: string) =>
    (
      await base.db.query<{ kpj: string }>(`SELECT kpj FROM participant WHERE region_code = $1 ORDER BY id`, [
        village,
      ])
    ).rows.map((r) => r.kpj);
  const count = async (table: string) =>
    (await base.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const jkm = (kpj: string, eventDate: string, over: Partial<FileClaimInput> = {}): FileClaimInput => ({
    kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate,
    eventDetail: { cause: 'sakit' },
    claimant: { relation: 'pasangan', name: 'Maria Bete', nik: HEIR_NIK },
    bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
    ...over,
  });

  beforeAll(async () => {
    ({ deps: base, t } = await preparedDeps());
    await enrolActive(base, KEWAR, 10);
    await enrolActive(base, FULUR, 10, { serialStart: 100 });
    officer = await demoActor(base, 'cabang.atambua');
    supervisor = await demoActor(base, 'supervisor.atambua');
    await addUser(base, consoleActor(), {
      username: 'supervisor2.atambua',
      displayName: 'Pengawas Kedua',
      role: 'branch_supervisor',
      scope: 'KC-ATAMBUA',
      password: 'rahasia-panjang-sekali-123',
    });
    supervisor2 = await demoActor(base, 'supervisor2.atambua');
  });
  afterAll(async () => t.drop());

  let jkmClaimId = 0;
  let jkmNumber = '';

  it('files a JKM claim for a deceased active village worker: number KLM/5304/2026/…, status filed', async () => {
    const [kpj] = await kpjs(KEWAR);
    const r = await fileClaim(at('2026-12-01T02:00:00Z'), officer, jkm(kpj!, '2026-11-28'));
    expect(r).toMatchObject({ status: 'filed', number: 'KLM/5304/2026/000001' });
    expect(r.refusal).toBeUndefined();
    jkmClaimId = r.id;
    jkmNumber = r.number;
    const view = await getClaim(at('2026-12-01T02:00:00Z'), officer, r.id);
    expect(view.bank.account).toBe('*********8901');
    expect(view.checklist.map((c) => c.docType)).toEqual(JKM_DOCS);
    expect(view.checklist.every((c) => !c.present)).toBe(true);
  });

  it('the maker cannot submit with documents missing', async () => {
    await expect(submitClaim(at('2026-12-01T02:00:00Z'), officer, jkmClaimId)).rejects.toMatchObject({
      code: 'DOCUMENTS_INCOMPLETE',
    });
  });

  it('the last required document completes the file and sets the JKM SLA: 3 working days (WITA)', async () => {
    const d = at('2026-12-01T02:00:00Z'); // Tuesday 1 Dec 2026, 10:00 WITA
    for (const [i, docType] of JKM_DOCS.entries()) {
      const r = await addClaimDocument(d, officer, jkmClaimId, {
        docType,
        fileName: `${docType}.pdf`,
        bytes: pdf(docType),
      });
      expect(r.missing).toHaveLength(JKM_DOCS.length - i - 1);
    }
    const view = await getClaim(d, officer, jkmClaimId);
    expect(view.documentsCompleteAt).toBe('2026-12-01T02:00:00.000Z');
    expect(view.slaDueDate).toBe('2026-12-04');
    expect(view.overdue).toBe(false);
    // Monday 7 Dec the claim is still open past Friday's due date
    const late = await listClaims(at('2026-12-07T01:00:00Z'), supervisor, { overdue: true });
    expect(late.claims.map((c) => c.number)).toEqual([jkmNumber]);
  });

  it('an executable renamed .pdf is refused and writes nothing', async () => {
    const [docs, blobs, events, audit] = [
      await count('claim_document'),
      await count('document_blob'),
      await count('claim_event'),
      await count('audit_log'),
    ];
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'binary'), Buffer.alloc(200, 1)]);
    await expect(
      addClaimDocument(base, officer, jkmClaimId, { docType: 'kartu_kpj', fileName: 'kpj.pdf', bytes: exe }),
    ).rejects.toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED' });
    expect([
      await count('claim_document'),
      await count('document_blob'),
      await count('claim_event'),
      await count('audit_log'),
    ]).toEqual([docs, blobs, events, audit]);
  });

  it('the maker submits: the rules decide Rp 42,000,000 with the explanation and rules version', async () => {
    const r = await submitClaim(at('2026-12-02T02:00:00Z'), officer, jkmClaimId);
    expect(r).toMatchObject({ status: 'submitted', amountRp: 42_000_000 });
    const view = await getClaim(base, supervisor, jkmClaimId);
    expect(view.rulesVersion).toMatch(/^params-[0-9a-f]{16}$/);
    const ex = view.explanation as {
      summary: { id: string; en: string };
      benefit: { components: { name: string; amountRp: number; basisEn: string }[] };
    };
    expect(ex.summary).toEqual({
      id: 'Manfaat Rp 42.000.000: Santunan sekaligus Rp 20.000.000 + Santunan berkala Rp 12.000.000 + Biaya pemakaman Rp 10.000.000.',
      en: 'Benefit Rp 42.000.000: Lump-sum death benefit Rp 20.000.000 + Periodic benefit Rp 12.000.000 + Funeral costs Rp 10.000.000.',
    });
    expect(ex.benefit.components[0]!.basisEn).toBe('Rp 20.000.000 — PP 82/2019');
    expect(ex.benefit.components.map((c) => [c.name, c.amountRp])).toEqual([
      ['santunan_sekaligus', 20_000_000],
      ['santunan_berkala', 12_000_000],
      ['biaya_pemakaman', 10_000_000],
    ]);
  });

  it('the maker cannot approve their own claim', async () => {
    await expect(decideClaim(base, officer, jkmClaimId, { approve: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // even holding the checker's role, the same person is refused
    const sameUser = { ...supervisor, username: officer.username };
    await expect(decideClaim(base, sameUser, jkmClaimId, { approve: true })).rejects.toMatchObject({
      code: 'SAME_PERSON',
    });
  });

  it('a second person approves; the events tell the whole story and every step is audited', async () => {
    const r = await decideClaim(at('2026-12-03T02:00:00Z'), supervisor, jkmClaimId, { approve: true });
    expect(r).toMatchObject({ status: 'approved', amountRp: 42_000_000 });
    const view = await getClaim(base, officer, jkmClaimId);
    expect(view.events.map((e) => [e.action, e.toStatus, e.actor])).toEqual([
      ['file', 'filed', 'cabang.atambua'],
      ...JKM_DOCS.map(() => ['document', 'filed', 'cabang.atambua']),
      ['submit', 'submitted', 'cabang.atambua'],
      ['approve', 'approved', 'supervisor.atambua'],
    ]);
    const audit = await base.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'claim' AND entity_id = $1 ORDER BY chain_seq`,
      [String(jkmClaimId)],
    );
    expect(audit.rows.map((a) => a.action)).toEqual([
      'claim.file',
      ...JKM_DOCS.map(() => 'claim.document'),
      'claim.submit',
      'claim.approve',
    ]);
  });

  it('a second JKM claim for the same death is stored refused DUPLICATE_CLAIM', async () => {
    const [kpj] = await kpjs(KEWAR);
    const r = await fileClaim(
      at('2026-12-04T02:00:00Z'),
      officer,
      jkm(kpj!, '2026-11-28', {
        claimant: { relation: 'anak', name: 'Yosef Bere', nik: '5304011203050002' },
      }),
    );
    expect(r.status).toBe('rejected');
    expect(r.refusal).toMatchObject({ code: 'DUPLICATE_CLAIM', detail: { existing: jkmNumber } });
    const view = await getClaim(base, officer, r.id);
    expect(view.refusal?.code).toBe('DUPLICATE_CLAIM');
  });

  it('a later-rank heir is refused when the family declares a spouse', async () => {
    const [, kpj] = await kpjs(KEWAR);
    const r = await fileClaim(
      at('2026-12-04T02:00:00Z'),
      officer,
      jkm(kpj!, '2026-11-30', {
        claimant: { relation: 'saudara', name: 'Agustinus Bere', nik: '5304011203700003' },
        heirs: ['pasangan', 'saudara'],
      }),
    );
    expect(r.refusal).toMatchObject({ code: 'HEIR_NOT_FIRST_RANK', detail: { earlierHeirs: ['pasangan'] } });
  });

  it('appeal: a rejected claim goes to a second checker, who must differ from the first', async () => {
    const [, , kpj] = await kpjs(KEWAR);
    const d = at('2026-12-05T02:00:00Z');
    const f = await fileClaim(d, officer, jkm(kpj!, '2026-12-01'));
    for (const docType of JKM_DOCS) {
      await addClaimDocument(d, officer, f.id, { docType, fileName: 'x.pdf', bytes: pdf(`${docType}-3`) });
    }
    await submitClaim(d, officer, f.id);
    await expect(decideClaim(d, supervisor, f.id, { approve: false })).rejects.toMatchObject({
      code: 'REASON_REQUIRED',
    });
    await expect(
      decideClaim(d, supervisor, f.id, { approve: false, reasonCode: 'NOPE' }),
    ).rejects.toMatchObject({
      code: 'CLAIM_REASON_UNKNOWN',
    });
    const rej = await decideClaim(d, supervisor, f.id, { approve: false, reasonCode: 'DOCUMENTS_INVALID' });
    expect(rej).toMatchObject({ status: 'rejected', refusalCode: 'DOCUMENTS_INVALID' });
    const ap = await appealClaim(d, officer, f.id, { note: 'akta kematian asli sudah dibawa' });
    expect(ap.status).toBe('appealed');
    await expect(decideClaim(d, supervisor, f.id, { approve: true })).rejects.toMatchObject({
      code: 'SAME_PERSON',
    });
    const ok = await decideClaim(d, supervisor2, f.id, { approve: true, note: 'dokumen asli diperiksa' });
    expect(ok).toMatchObject({ status: 'approved', refusalCode: null, amountRp: 42_000_000 });
  });

  it('a participant outside the officer’s branch is not found, and nothing is written', async () => {
    await insertBulkParticipants(base.db, {
      regencyCode: '53.01',
      count: 1,
      effectiveDate: '2026-11-01',
      at: '2026-11-01T00:00:00Z',
      nikPrefix: '530101',
    });
    const other = (
      await base.db.query<{ kpj: string }>(
        `SELECT kpj FROM participant WHERE regency_code <> '53.04' LIMIT 1`,
      )
    ).rows[0];
    expect(other).toBeDefined();
    const before = [await count('claim'), await count('claim_event'), await count('audit_log')];
    await expect(fileClaim(base, officer, jkm(other!.kpj, '2026-11-24'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(fileClaim(base, officer, jkm('99999999999', '2026-11-24'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const [kpj] = await kpjs(FULUR);
    const badAccount = jkm(kpj!, '2026-11-24', { bank: { code: '002', account: '12-34', holder: 'X' } });
    await expect(fileClaim(base, officer, badAccount)).rejects.toMatchObject({
      code: 'BANK_ACCOUNT_INVALID',
    });
    expect([await count('claim'), await count('claim_event'), await count('audit_log')]).toEqual(before);
  });

  it('JKK reported after 2×24 hours: filed, with the employer’s liability in the explanation', async () => {
    const kpj = (await kpjs(KEWAR))[3]!;
    const d = at('2026-12-08T02:00:00Z');
    const r = await fileClaim(d, officer, {
      kpj,
      program: 'JKK',
      kind: 'kematian',
      eventDate: '2026-12-01',
      eventDetail: {
        cause: 'jatuh dari pohon saat memanen',
        accidentAt: '2026-12-01T08:00:00+08:00',
        reportedAt: '2026-12-04T09:00:00+08:00',
        reportedBy: 'Kepala Desa Kewar',
      },
      claimant: { relation: 'anak', name: 'Yosef Mau', nik: '5304011203050009' },
      bank: { code: '002', account: '555666777', holder: 'Yosef Mau' },
    });
    expect(r.status).toBe('filed');
    for (const docType of [...JKM_DOCS, 'laporan_kecelakaan'])
      await addClaimDocument(d, officer, r.id, { docType, fileName: 'x.pdf', bytes: pdf(`${docType}-jkk`) });
    const s = await submitClaim(d, officer, r.id);
    // village worker without declared income: wage base = BPU minimum income Rp1,000,000;
    // 60% × 80 × 1,000,000 = 48,000,000 + funeral 10,000,000 + periodic 12,000,000
    expect(s).toMatchObject({ status: 'submitted', amountRp: 70_000_000 });
    const ex = (await getClaim(d, officer, r.id)).explanation as {
      liability: string;
      notes: { code: string; id: string }[];
      summary: { id: string };
    };
    expect(ex.liability).toBe('employer');
    expect(ex.notes[0]).toMatchObject({ code: 'jkk_laporan_terlambat' });
    expect(ex.notes[0]!.id).toContain('73 jam');
    expect(ex.notes[0]!.id).toContain('Permenaker 1/2025');
    expect(ex.summary.id).toContain('ditanggung pemberi kerja');
  });

  it('a JKM scholarship after less than 3 years of contributions is refused BEASISWA_MASA_IUR', async () => {
    const kpj = (await kpjs(KEWAR))[4]!;
    const r = await fileClaim(
      at('2026-12-08T02:00:00Z'),
      officer,
      jkm(kpj, '2026-12-05', {
        kind: 'beasiswa',
        eventDetail: { children: [{ birthDate: '2015-06-01', level: 'SD' }] },
      }),
    );
    expect(r.refusal).toMatchObject({ code: 'BEASISWA_MASA_IUR', detail: { minimumMonths: 36 } });
  });

  it('JHT partial before 10 years of membership is refused JHT_PARTIAL_TOO_EARLY', async () => {
    await registerEmployer(base, officer, {
      npp: '53049101',
      name: 'CV Klaim Belu',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    const nik = JHT_NIK;
    await registerEmployee(base, officer, '53049101', {
      nik,
      fullName: 'Pekerja Klaim',
      birthDate: '1985-03-01',
      sex: 'L',
      startDate: '2026-11-01',
      wageRp: 4_000_000,
    });
    const kpj = (
      await base.db.query<{ kpj: string }>(
        `SELECT pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
        [nik],
      )
    ).rows[0]!.kpj;
    const r = await fileClaim(at('2026-12-10T02:00:00Z'), officer, {
      kpj,
      program: 'JHT',
      kind: 'sebagian_30',
      eventDate: '2026-12-10',
      claimant: { relation: 'peserta', name: 'Pekerja Klaim', nik },
      bank: { code: '009', account: '987654321', holder: 'Pekerja Klaim' },
    });
    expect(r.status).toBe('rejected');
    expect(r.refusal?.code).toBe('JHT_PARTIAL_TOO_EARLY');
    expect(r.refusal?.id).toContain('120 bulan');
    const participantId = (
      await base.db.query<{ id: number }>(`SELECT id FROM participant WHERE kpj = $1`, [kpj])
    ).rows[0]!.id;
    // the participant files for themself (self-service); the JHT 1-month wait after resigning applies
    const self: Actor = {
      ...officer,
      username: 'peserta.klaim',
      role: 'participant',
      scope: { type: 'participant', code: kpj, name: kpj },
      regionScopes: [],
      permissions: PERMISSIONS.participant,
      participantId,
    };
    const own = await fileClaim(at('2026-12-10T02:00:00Z'), self, {
      kpj,
      program: 'JHT',
      kind: 'penuh',
      eventDate: '2026-12-01',
      eventDetail: { reason: 'resignation', terminationDate: '2026-12-01' },
      claimant: { relation: 'peserta', name: 'Pekerja Klaim', nik },
      bank: { code: '009', account: '987654321', holder: 'Pekerja Klaim' },
    });
    expect(own.refusal).toMatchObject({ code: 'JHT_WAITING_PERIOD' });
    expect(own.refusal?.id).toContain('2027-01-01');
    expect((await getClaim(base, self, own.id)).channel).toBe('self_service');
    // someone else's KPJ does not exist for this participant
    const [otherKpj] = await kpjs(KEWAR);
    await expect(
      fileClaim(at('2026-12-10T02:00:00Z'), self, {
        ...jkm(otherKpj!, '2026-11-28'),
        participantId: participantId + 1000,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      fileClaim(at('2026-12-10T02:00:00Z'), self, jkm(otherKpj!, '2026-11-28')),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getClaim(base, self, jkmClaimId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('JHT in full after the 1-month wait: the decided amount is the JHT balance on the claim date', async () => {
    const p = (
      await base.db.query<{ id: number; kpj: string }>(
        `SELECT pa.id, pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
        [JHT_NIK],
      )
    ).rows[0]!;
    await recordJhtOpeningBalance(base, consoleActor(), {
      participantId: p.id,
      amountRp: 7_654_321,
      asOf: '2026-11-01',
      source: 'saldo sistem lama (uji)',
    });
    // Full JHT for a resignation needs the employment ended (issue 13, 7): the employer reports the leave.
    await importWageReport(at('2027-01-04T02:00:00Z'), officer, {
      npp: '53049101',
      period: '2026-12',
      fileName: 'upah-2026-12.csv',
      bytes: Buffer.from(
        `NIK,Nama,Upah (Rp),Mutasi,Tanggal Lahir,Jenis Kelamin\n${JHT_NIK},Pekerja Klaim,4000000,keluar,,\n`,
      ),
    });
    const d = at('2027-01-05T02:00:00Z');
    const f = await fileClaim(d, officer, {
      kpj: p.kpj,
      program: 'JHT',
      kind: 'penuh',
      eventDate: '2026-12-01',
      eventDetail: { reason: 'resignation', terminationDate: '2026-12-01' },
      claimant: { relation: 'peserta', name: 'Pekerja Klaim', nik: JHT_NIK },
      bank: { code: '009', account: '987654321', holder: 'Pekerja Klaim' },
    });
    expect(f.status).toBe('filed');
    const view = await getClaim(d, officer, f.id);
    expect(view.checklist.map((x) => x.docType)).toEqual([
      'kartu_kpj',
      'ktp_peserta',
      'buku_rekening',
      'surat_pengunduran_diri',
    ]);
    for (const { docType } of view.checklist)
      await addClaimDocument(d, officer, f.id, { docType, fileName: 'x.pdf', bytes: pdf(`${docType}-jht`) });
    // Tuesday 5 Jan 2027 + 5 working days
    expect((await getClaim(d, officer, f.id)).slaDueDate).toBe('2027-01-12');
    expect(await submitClaim(d, officer, f.id)).toMatchObject({ status: 'submitted', amountRp: 7_654_321 });
  });

  it('a BPU worker whose cover lapsed before death is refused COVER_LAPSED with the lapse date', async () => {
    for (const period of ['2026-12', '2027-01', '2027-02', '2027-03', '2027-04'])
      await runBilling(notBefore(base, `${period}-01`), officer, { regencyCode: '53.04', period });
    expect(
      await updateCoverage(notBefore(base, '2027-03-16'), officer, {
        regencyCode: '53.04',
        asOf: '2027-03-16',
      }),
    ).toMatchObject({
      lapsed: expect.any(Number),
    });
    const [kpj] = await kpjs(FULUR);
    const r = await fileClaim(at('2027-04-10T02:00:00Z'), officer, jkm(kpj!, '2027-04-01'));
    expect(r.status).toBe('rejected');
    expect(r.refusal).toMatchObject({ code: 'COVER_LAPSED', detail: { lapseDate: '2027-03-16' } });
    expect(r.refusal?.id).toMatch(
      /Kepesertaan berakhir pada 2027-03-16: iuran tidak dibayar lebih dari 3 bulan/,
    );
    const view = await getClaim(base, officer, r.id);
    expect(view.status).toBe('rejected');
    expect((view.explanation as { summary: { id: string } }).summary.id).toMatch(/^Klaim ditolak: /);
  });
});
