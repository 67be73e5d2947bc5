import type { Role } from '../../src/services/actor.ts';
import { DEMO_PASSWORD } from '../../src/services/load-demo.ts';
import { type AccessFixture, BELU, EMPLOYER_NPP, KEWAR } from './access-fixture.ts';
import { nikFor, toCsv, validWorkers } from './enrolment-csv.ts';

// For every operation of the access table: the request, with path parameters naming records of
// the fixture in the caller's scope and a valid body, so that what answers is the access check
// (and, once access is granted, the business rules), never the schema validator.

export interface AccessRequest {
  url: string;
  payload?: string | Buffer | object;
  headers?: Record<string, string>;
}

type Build = (f: AccessFixture, role: Role | null) => AccessRequest;

const json = (url: string, payload: object): AccessRequest => ({ url, payload });
const raw = (url: string, payload: Buffer, contentType: string): AccessRequest => ({
  url,
  payload,
  headers: { 'content-type': contentType, 'x-file-name': 'berkas' },
});
const pdfBytes = Buffer.from('%PDF-1.4\n% access table\n%%EOF\n');
const workerNik = nikFor({ birthDate: '1990-06-05', sex: 'P', serial: 21 });
const wages = Buffer.from(`NIK,Nama,Upah (Rp),Mutasi\n${workerNik},Maria Bere,3000000,tetap\n`);
const fileClaim = (kpj: string) => ({
  kpj,
  program: 'JKM',
  kind: 'kematian',
  eventDate: '2026-11-28',
  claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
  bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
});

export const ACCESS_REQUESTS: Record<string, Build> = {
  'GET /api/v1/health': () => ({ url: '/api/v1/health' }),
  'POST /api/v1/auth/login': () =>
    json('/api/v1/auth/login', { username: 'auditor', password: DEMO_PASSWORD }),
  'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout' }),
  'GET /api/v1/auth/me': () => ({ url: '/api/v1/auth/me' }),
  'GET /api/v1/home': () => ({ url: '/api/v1/home' }),
  'GET /api/v1/regions/{code}': () => ({ url: `/api/v1/regions/${KEWAR}` }),
  'POST /api/v1/users': () =>
    json('/api/v1/users', {
      username: 'op.baru',
      displayName: 'Operator Baru',
      role: 'village_operator',
      scope: '53.04.01.2004',
      password: 'kata-sandi-panjang',
    }),
  'GET /api/v1/audit': () => ({ url: '/api/v1/audit' }),
  // A new password the policy refuses: access is proven (400), and no role's session ends.
  'POST /api/v1/auth/password': () =>
    json('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'password1234' }),
  'POST /api/v1/auth/password-reset': (f) =>
    json('/api/v1/auth/password-reset', {
      username: f.spareUser.username,
      code: f.spareUser.resetCode,
      newPassword: 'kopi tubruk pagi hari 99',
    }),
  'POST /api/v1/users/{username}/password-reset': () => ({ url: '/api/v1/users/auditor/password-reset' }),
  'POST /api/v1/users/{username}/disable': (f) => ({ url: `/api/v1/users/${f.spareUser.username}/disable` }),
  'POST /api/v1/users/{username}/enable': (f) => ({ url: `/api/v1/users/${f.spareUser.username}/enable` }),
  'POST /api/v1/users/{username}/unlock': () => ({ url: '/api/v1/users/auditor/unlock' }),
  'GET /api/v1/users/{username}/sessions': () => ({ url: '/api/v1/users/auditor/sessions' }),
  'POST /api/v1/users/{username}/sessions/revoke': (f) => ({
    url: `/api/v1/users/${f.spareUser.username}/sessions/revoke`,
  }),
  'POST /api/v1/users/{username}/tokens': (f) =>
    json(`/api/v1/users/${f.spareUser.username}/tokens`, { name: 'access table', days: 30 }),
  'POST /api/v1/users/{username}/tokens/{id}/revoke': (f) => ({
    url: `/api/v1/users/${f.spareUser.username}/tokens/${f.spareUser.tokenId}/revoke`,
  }),

  'GET /api/v1/enrolment/template.{format}': () => ({ url: '/api/v1/enrolment/template.csv' }),
  'POST /api/v1/enrolment/uploads': () =>
    raw(`/api/v1/enrolment/uploads?village=${KEWAR}&dryRun=true`, toCsv(validWorkers(10, 600)), 'text/csv'),
  'GET /api/v1/enrolment/batches': () => ({ url: '/api/v1/enrolment/batches' }),
  'GET /api/v1/enrolment/batches/{id}': (f) => ({ url: `/api/v1/enrolment/batches/${f.batches.activated}` }),
  'GET /api/v1/enrolment/batches/{id}/report.xlsx': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.activated}/report.xlsx`,
  }),
  'GET /api/v1/enrolment/batches/{id}/rows/{rowId}': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.draft}/rows/${f.batches.draftRowId}`,
  }),
  'PUT /api/v1/enrolment/batches/{id}/rows/{rowId}': (f) =>
    json(`/api/v1/enrolment/batches/${f.batches.draft}/rows/${f.batches.draftRowId}`, {
      nik: workerNik,
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      occupation: 'Petani',
      phone: '',
      address: '',
      villageCode: '',
      income: '',
    }),
  'DELETE /api/v1/enrolment/batches/{id}/rows/{rowId}': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.draft}/rows/${f.batches.draftRowId}`,
  }),
  'POST /api/v1/enrolment/batches/{id}/submit': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.draft}/submit`,
  }),
  'GET /api/v1/enrolment/batches/{id}/budget-check': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.activated}/budget-check`,
  }),
  'POST /api/v1/enrolment/batches/{id}/verify': (f) =>
    json(`/api/v1/enrolment/batches/${f.batches.submitted}/verify`, { acknowledgeWarnings: true }),
  'POST /api/v1/enrolment/batches/{id}/activate': (f) => ({
    url: `/api/v1/enrolment/batches/${f.batches.verified}/activate`,
  }),
  'POST /api/v1/enrolment/batches/{id}/reject': (f) =>
    json(`/api/v1/enrolment/batches/${f.batches.submittedToReject}/reject`, { reason: 'NIK ganda' }),
  'GET /api/v1/enrolment-policies/{regency}': () => ({ url: `/api/v1/enrolment-policies/${BELU}` }),
  'PUT /api/v1/enrolment-policies/{regency}': () =>
    json(`/api/v1/enrolment-policies/${BELU}`, {
      ageMinYears: 17,
      ageMaxYears: 65,
      villageWorkersMin: 1,
      villageWorkersMax: null,
    }),
  'GET /api/v1/participants': () => ({ url: '/api/v1/participants' }),
  'GET /api/v1/participants/{kpj}': (f) => ({ url: `/api/v1/participants/${f.kpjs[1]}` }),
  'GET /api/v1/person-corrections': () => ({ url: '/api/v1/person-corrections' }),
  // The first role allowed proposes (201); the next finds the name pending (409): access shown.
  'POST /api/v1/person-corrections': (f) =>
    json('/api/v1/person-corrections', {
      participantId: f.participantIds[7],
      changes: { fullName: 'Theresia Koreksi Bere' },
      reason: 'Salah ketik',
      evidenceNote: 'KTP diperiksa',
    }),
  'POST /api/v1/person-corrections/{id}/decision': (f) =>
    json(`/api/v1/person-corrections/${f.correctionId}/decision`, { approve: true }),
  'GET /api/v1/membership-changes': () => ({ url: '/api/v1/membership-changes' }),
  'POST /api/v1/membership-changes': (f) =>
    json('/api/v1/membership-changes', {
      kpj: f.kpjs[1],
      kind: 'exit',
      reason: 'left_programme',
      effectiveDate: '2026-11-30',
      note: 'keluar dari program',
    }),
  'POST /api/v1/membership-changes/{id}/verify': (f) => ({
    url: `/api/v1/membership-changes/${f.membershipChanges.proposed}/verify`,
  }),
  'POST /api/v1/membership-changes/{id}/apply': (f) => ({
    url: `/api/v1/membership-changes/${f.membershipChanges.verified}/apply`,
  }),
  'POST /api/v1/membership-changes/{id}/reject': (f) =>
    json(`/api/v1/membership-changes/${f.membershipChanges.toReject}/reject`, { reason: 'data benar' }),
  'GET /api/v1/membership-conflicts': () => ({ url: '/api/v1/membership-conflicts' }),

  'POST /api/v1/calculations/contribution': () =>
    json('/api/v1/calculations/contribution', {
      segment: 'BPU',
      period: '2026-05',
      wageRp: 1_000_000,
      fundingSource: 'APBDES',
    }),
  'POST /api/v1/calculations/benefit': () =>
    json('/api/v1/calculations/benefit', { program: 'JKM', eventDate: '2024-03-16', contributionMonths: 10 }),

  'POST /api/v1/employers': () =>
    json('/api/v1/employers', {
      npp: '53040099',
      name: 'PT Baru',
      businessTypeCode: 'perdagangan',
      scale: 'small',
      regionCode: BELU,
    }),
  'GET /api/v1/employers': () => ({ url: '/api/v1/employers' }),
  'GET /api/v1/employers/{npp}': () => ({ url: `/api/v1/employers/${EMPLOYER_NPP}` }),
  'POST /api/v1/employers/{npp}/employees': () =>
    json(`/api/v1/employers/${EMPLOYER_NPP}/employees`, {
      nik: workerNik,
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      startDate: '2026-10-01',
      wageRp: 3_000_000,
    }),
  'GET /api/v1/employers/{npp}/work-units': () => ({ url: `/api/v1/employers/${EMPLOYER_NPP}/work-units` }),
  // A private employer: an allowed role gets 422 WORK_UNIT_NOT_GOVERNMENT, which still proves access.
  'POST /api/v1/employers/{npp}/work-units': () =>
    json(`/api/v1/employers/${EMPLOYER_NPP}/work-units`, { code: 'DINKES', name: 'Dinas Kesehatan' }),
  'POST /api/v1/employers/{npp}/wage-reports': () =>
    raw(`/api/v1/employers/${EMPLOYER_NPP}/wage-reports?period=2026-11&dryRun=true`, wages, 'text/csv'),
  'GET /api/v1/business-types': () => ({ url: '/api/v1/business-types' }),
  'PUT /api/v1/business-types/{code}': () =>
    json('/api/v1/business-types/salon', {
      name: 'Salon',
      riskGroup: 1,
      source: 'PP 44/2015 Lampiran I (diperiksa)',
      status: 'confirmed',
    }),
  'POST /api/v1/projects': () =>
    json('/api/v1/projects', {
      projectNumber: 'SPK-011/2026',
      name: 'Jalan Desa Kewar',
      ownerName: 'Pemerintah Desa Kewar',
      contractorNpp: EMPLOYER_NPP,
      contractValueRp: 500_000_000,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      regionCode: KEWAR,
    }),
  'GET /api/v1/projects': () => ({ url: '/api/v1/projects' }),
  'GET /api/v1/projects/{number}': (f) => ({ url: `/api/v1/projects/${encodeURIComponent(f.project)}` }),
  'POST /api/v1/projects/{number}/workers': (f) =>
    json(`/api/v1/projects/${encodeURIComponent(f.project)}/workers`, { add: [{ nik: workerNik }] }),
  // No new value or date: the change is recorded, nothing invoiced, the fixture stays as it was.
  'POST /api/v1/projects/{number}/contract': (f) =>
    json(`/api/v1/projects/${encodeURIComponent(f.project)}/contract`, { reason: 'Adendum uji akses' }),

  'POST /api/v1/pmi': () =>
    json('/api/v1/pmi', {
      nik: nikFor({ birthDate: '1996-04-07', sex: 'L', serial: 951 }),
      fullName: 'Dominikus Seran',
      birthDate: '1996-04-07',
      sex: 'L',
      regionCode: KEWAR,
      agency: { licenseNumber: 'KEP-777/2025', name: 'PT Migran Sejahtera' },
      countryCode: 'TW',
      contractStart: '2027-01-10',
      contractMonths: 12,
      departureDate: '2027-01-05',
    }),
  'GET /api/v1/pmi': () => ({ url: '/api/v1/pmi' }),
  'GET /api/v1/pmi/{kpj}': (f) => ({ url: `/api/v1/pmi/${f.pmi}` }),

  // A new NIK per role, so each allowed role registers its own worker.
  'POST /api/v1/bpu': (_f, role) =>
    json('/api/v1/bpu', {
      nik: nikFor({ birthDate: '1988-08-09', sex: 'L', serial: 960 + (role?.length ?? 0) }),
      fullName: 'Agustinus Mali',
      birthDate: '1988-08-09',
      sex: 'L',
      regionCode: KEWAR,
      declaredIncomeRp: 1_000_000,
      frequencyMonths: 3,
    }),
  'POST /api/v1/bpu/files': (_f, role) =>
    json('/api/v1/bpu/files', {
      regionCode: KEWAR,
      csv: `nik,nama,tanggal_lahir,jenis_kelamin,kode_desa,penghasilan,frekuensi\n${nikFor({ birthDate: '1989-09-10', sex: 'P', serial: 970 + (role?.length ?? 0) })},Maria Luruk,1989-09-10,P,${KEWAR},1000000,1\n`,
    }),
  'POST /api/v1/bpu/payments': (f, role) =>
    json('/api/v1/bpu/payments', {
      paymentCode: f.bpu.paymentCode,
      amountRp: 8_400,
      receivedOn: '2026-11-24',
      reference: 'TRF-AKSES',
      idempotencyKey: `access-bpu-${role ?? 'anonymous'}`,
    }),
  'GET /api/v1/bpu': () => ({ url: '/api/v1/bpu' }),
  'GET /api/v1/bpu/{key}': (f) => ({ url: `/api/v1/bpu/${f.bpu.paymentCode}` }),

  'POST /api/v1/billing/runs': () => json('/api/v1/billing/runs', { regencyCode: BELU, period: '2026-12' }),
  'GET /api/v1/invoices': () => ({ url: '/api/v1/invoices' }),
  'GET /api/v1/invoices/{id}': (f) => ({ url: `/api/v1/invoices/${f.invoiceId}` }),
  'GET /api/v1/payers': () => ({ url: '/api/v1/payers' }),
  'POST /api/v1/payments': (f, role) => ({
    url: '/api/v1/payments',
    payload: { payerId: f.payerId, amountRp: 5_000, receivedOn: '2026-12-01', reference: 'SP2D-0002' },
    headers: { 'idempotency-key': `access-table-${role ?? 'anonymous'}` },
  }),
  'POST /api/v1/payments/{id}/reverse': (f) =>
    json(`/api/v1/payments/${f.paymentId}/reverse`, { reason: 'salah rekening' }),
  'POST /api/v1/agreements': () =>
    json('/api/v1/agreements', {
      number: 'PKS/BELU/2026/08',
      title: 'Adendum PKS',
      regencyCode: BELU,
      signedOn: '2026-03-02',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      signatories: [
        { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' },
        {
          name: 'Kepala Cabang',
          position: 'Kepala Kantor Cabang',
          office: 'BPJS TK Belu Atambua',
          party: 'branch',
        },
      ],
      legalBasis: ['Perbup Belu 12/2025'],
    }),
  'GET /api/v1/agreements': () => ({ url: '/api/v1/agreements' }),
  'GET /api/v1/agreements/{id}': (f) => ({ url: `/api/v1/agreements/${f.agreementId}` }),
  'POST /api/v1/agreements/{id}/allocations': (f) =>
    json(`/api/v1/agreements/${f.agreementId}/allocations`, {
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 300_000,
      villageCode: KEWAR,
    }),
  'POST /api/v1/budget-renewals': () =>
    json('/api/v1/budget-renewals', { regencyCode: BELU, fromYear: 2026, confirm: false }),
  'GET /api/v1/budget-use': () => ({ url: `/api/v1/budget-use?regency=${BELU}&year=2026` }),
  'GET /api/v1/arrears': () => ({ url: '/api/v1/arrears?asOf=2026-12-20' }),
  'GET /api/v1/regencies/{code}/closed-periods': () => ({ url: `/api/v1/regencies/${BELU}/closed-periods` }),
  // October 2026 lies before every record of the fixture: closing it moves nothing.
  'POST /api/v1/regencies/{code}/closed-periods': () =>
    json(`/api/v1/regencies/${BELU}/closed-periods`, { period: '2026-10' }),
  'POST /api/v1/coverage/update': () =>
    json('/api/v1/coverage/update', { regencyCode: BELU, asOf: '2026-12-01' }),
  'GET /api/v1/invoices/{id}/invoice.pdf': (f) => ({ url: `/api/v1/invoices/${f.invoiceId}/invoice.pdf` }),
  'GET /api/v1/invoices.csv': () => ({ url: '/api/v1/invoices.csv' }),
  'GET /api/v1/payers.csv': () => ({ url: '/api/v1/payers.csv' }),
  'GET /api/v1/invoices/{id}/lines.csv': (f) => ({ url: `/api/v1/invoices/${f.invoiceId}/lines.csv` }),
  'GET /api/v1/invoices.xlsx': () => ({ url: '/api/v1/invoices.xlsx' }),
  'GET /api/v1/payers.xlsx': () => ({ url: '/api/v1/payers.xlsx' }),
  'GET /api/v1/invoices/{id}/lines.xlsx': (f) => ({ url: `/api/v1/invoices/${f.invoiceId}/lines.xlsx` }),

  'GET /api/v1/participants/{kpj}/card.pdf': (f) => ({ url: `/api/v1/participants/${f.kpjs[1]}/card.pdf` }),
  'GET /api/v1/villages/{code}/cards.pdf': () => ({ url: `/api/v1/villages/${KEWAR}/cards.pdf` }),
  'GET /api/v1/system/public-url': () => ({ url: '/api/v1/system/public-url' }),

  'GET /api/v1/claim-reasons': () => ({ url: '/api/v1/claim-reasons' }),
  'GET /api/v1/claim-kinds': () => ({ url: '/api/v1/claim-kinds' }),
  'GET /api/v1/catalogs/claims': () => ({ url: '/api/v1/catalogs/claims' }),
  'GET /api/v1/catalogs/membership': () => ({ url: '/api/v1/catalogs/membership' }),
  'POST /api/v1/claims': (f) => json('/api/v1/claims', fileClaim(f.self.kpj)),
  'GET /api/v1/claims': () => ({ url: '/api/v1/claims' }),
  'GET /api/v1/claim-intake': (f) => ({ url: `/api/v1/claim-intake?q=${f.kpjs[1]}` }),
  'GET /api/v1/claims/{id}': (f) => ({ url: `/api/v1/claims/${f.claims.filed}` }),
  'POST /api/v1/claims/{id}/documents': (f) =>
    raw(`/api/v1/claims/${f.claims.filed}/documents?docType=kartu_kpj`, pdfBytes, 'application/pdf'),
  'GET /api/v1/claims/{id}/documents/{docId}': (f) => ({
    url: `/api/v1/claims/${f.claims.filed}/documents/${f.claims.filedDocId}`,
  }),
  'POST /api/v1/claims/{id}/submit': (f) => ({ url: `/api/v1/claims/${f.claims.filed}/submit` }),
  'POST /api/v1/claims/{id}/decision': (f) =>
    json(`/api/v1/claims/${f.claims.submitted}/decision`, { approve: true }),
  // The participant's other death claim is still open, so the appeal may end in 409 DUPLICATE
  // (claim_one_death): access was granted, the rule of one death claim answered.
  'POST /api/v1/claims/{id}/appeal': (f) =>
    json(`/api/v1/claims/${f.claims.rejected}/appeal`, { note: 'Dokumen sudah dilengkapi' }),

  'POST /api/v1/payout-batches': (f) =>
    json('/api/v1/payout-batches', { regencyCode: BELU, claimIds: [f.unbatchedClaimId] }),
  'GET /api/v1/payout-batches': () => ({ url: '/api/v1/payout-batches' }),
  'GET /api/v1/payout-batches/{id}': (f) => ({ url: `/api/v1/payout-batches/${f.payoutBatches.draft}` }),
  'POST /api/v1/payout-batches/{id}/approve': (f) =>
    json(`/api/v1/payout-batches/${f.payoutBatches.draft}/approve`, {
      declaredCount: 1,
      declaredTotalRp: 42_000_000,
    }),
  'GET /api/v1/payout-batches/{id}/export': (f) => ({
    url: `/api/v1/payout-batches/${f.payoutBatches.approved}/export`,
  }),
  // A hash that names no file: the allowed role gets past the access check to 409, the batch stays approved.
  'POST /api/v1/payout-batches/{id}/sent': (f) =>
    json(`/api/v1/payout-batches/${f.payoutBatches.approved}/sent`, {
      format: 'csv',
      sha256: '0'.repeat(64),
    }),
  'POST /api/v1/payout-batches/{id}/result': (f) =>
    raw(`/api/v1/payout-batches/${f.payoutBatches.exported}/result`, f.bankResult, 'text/csv'),

  'GET /api/v1/participants/{id}/jht': (f) => ({ url: `/api/v1/participants/${f.self.id}/jht?year=2026` }),
  'POST /api/v1/participants/{id}/jht/opening': (f) =>
    json(`/api/v1/participants/${f.self.id}/jht/opening`, {
      amountRp: 1_250_000,
      asOf: '2026-01-01',
      source: 'Saldo sistem lama',
    }),
  'GET /api/v1/jht/return-rates': () => ({ url: '/api/v1/jht/return-rates' }),
  'PUT /api/v1/jht/return-rates/{year}': () =>
    json('/api/v1/jht/return-rates/2024', { rateBp: 550, source: 'RKAT 2024' }),
  'POST /api/v1/jht/contributions/credit': () =>
    json('/api/v1/jht/contributions/credit', { regencyCode: BELU, upTo: '2026-12' }),
  'POST /api/v1/jht/returns/apply': () =>
    json('/api/v1/jht/returns/apply', { regencyCode: BELU, year: 2025 }),

  'GET /api/v1/reports/branch': () => ({
    url: `/api/v1/reports/branch?regency=${BELU}&from=2026-01-01&to=2026-12-31`,
  }),
  'GET /api/v1/dashboards/district': () => ({
    url: `/api/v1/dashboards/district?regency=${BELU}&asOf=2026-12-01`,
  }),
  'GET /api/v1/dashboards/branch': () => ({ url: `/api/v1/dashboards/branch?regency=${BELU}&year=2026` }),
  'GET /api/v1/workforce': () => ({ url: `/api/v1/workforce?regency=${BELU}` }),
  'GET /api/v1/national/summary': () => ({ url: '/api/v1/national/summary?asOf=2026-12-01' }),
  'PUT /api/v1/workforce': () =>
    json('/api/v1/workforce', {
      regencyCode: BELU,
      year: 2026,
      workforce: 120_000,
      source: 'BPS Sakernas Agustus 2025',
      targetPercent: 40,
    }),

  'POST /api/v1/auth/activate': (f) =>
    json('/api/v1/auth/activate', { ...f.activation, password: 'kata-sandi-baru-9' }),
  'POST /api/v1/participants/{id}/activation-code': (f) => ({
    url: `/api/v1/participants/${f.participantIds[8]}/activation-code`,
  }),
  'POST /api/v1/participants/{id}/activation-letter': (f) => ({
    url: `/api/v1/participants/${f.participantIds[8]}/activation-letter`,
  }),
  'GET /api/v1/me/membership': () => ({ url: '/api/v1/me/membership' }),
  'GET /api/v1/me/card.pdf': () => ({ url: '/api/v1/me/card.pdf' }),
  'GET /api/v1/me/coverage': () => ({ url: '/api/v1/me/coverage' }),
  'GET /api/v1/me/contributions': () => ({ url: '/api/v1/me/contributions' }),
  'GET /api/v1/me/jht': () => ({ url: '/api/v1/me/jht' }),
  'GET /api/v1/me/claims': () => ({ url: '/api/v1/me/claims' }),
  'GET /api/v1/me/claims/{id}': (f) => ({ url: `/api/v1/me/claims/${f.claims.filed}` }),
  'GET /api/v1/public/verify/{kpj}': (f) => ({ url: `/api/v1/public/verify/${f.kpjs[1]}` }),
};
