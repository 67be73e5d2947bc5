import type { Role } from '../../src/services/actor.ts';
import { type AccessFixture, ALOR, FULUR, LENDOLA } from '../support/access-fixture.ts';
import type { AccessRequest } from '../support/access-requests.ts';

// The other half of the contract: a role that HOLDS the permission, naming a record just outside
// its scope, gets 404 (HOUSE_STYLE: "A record outside the caller's scope answers 404, not 403").
// The Kewar operator reaches for Desa Fulur; Belu's district, branch and auditor reach for
// Kabupaten Alor; the employer for another employer; the participant for another's claim.
// Written by hand; `answers` records what the system does today where it breaks the rule (BUG).

export interface OutOfScopeCase {
  op: string;
  roles: readonly Role[];
  /** What lies outside the caller's scope. */
  reaching: string;
  request: (f: AccessFixture) => AccessRequest;
  /** Today's answer where it is not the house rule's 404, with a `// BUG:` comment. */
  answers?: number;
}

const BELU_STAFF = ['auditor', 'district_officer', 'branch_officer', 'branch_supervisor'] as const;
const BRANCH = ['branch_officer', 'branch_supervisor'] as const;
const json = (url: string, payload: object): AccessRequest => ({ url, payload });

export const OUT_OF_SCOPE: OutOfScopeCase[] = [
  // A correction of a person's data for a member of Kabupaten Alor: no Belu user's.
  {
    op: 'POST /api/v1/person-corrections',
    roles: ['village_operator', ...BRANCH],
    reaching: 'Kabupaten Alor',
    request: (f) =>
      json('/api/v1/person-corrections', {
        participantId: f.outside.alor.participantId,
        changes: { fullName: 'Maria Koreksi Luar' },
        reason: 'Salah ketik',
        evidenceNote: 'KTP diperiksa',
      }),
  },
  // The Kewar operator reaching for Fulur.
  {
    op: 'POST /api/v1/membership-changes',
    roles: ['village_operator'],
    reaching: 'a Desa Fulur worker',
    request: (f) =>
      json('/api/v1/membership-changes', {
        kpj: f.outside.fulur.kpj,
        kind: 'exit',
        reason: 'left_programme',
        effectiveDate: '2026-11-30',
        note: 'bukan warga Kewar',
      }),
  },
  {
    op: 'GET /api/v1/regions/{code}',
    roles: ['village_operator'],
    reaching: 'Desa Fulur',
    request: () => ({ url: `/api/v1/regions/${FULUR}` }),
  },
  {
    op: 'POST /api/v1/enrolment/uploads',
    roles: ['village_operator'],
    reaching: 'Desa Fulur',
    request: () => ({
      url: `/api/v1/enrolment/uploads?village=${FULUR}&dryRun=true`,
      payload: Buffer.from('NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Kode Desa\n'),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  ...(
    [
      'GET /api/v1/enrolment/batches/{id}',
      'GET /api/v1/enrolment/batches/{id}/report.xlsx',
      'GET /api/v1/enrolment/batches/{id}/budget-check',
    ] as const
  ).map((op) => ({
    op,
    roles: ['village_operator'] as const,
    reaching: 'a Fulur batch',
    request: (f: AccessFixture) => ({ url: op.replace('{id}', String(f.outside.fulur.batchId)) }),
  })),
  {
    op: 'POST /api/v1/enrolment/batches/{id}/submit',
    roles: ['village_operator'],
    reaching: 'a Fulur batch',
    request: (f) => ({ url: `/api/v1/enrolment/batches/${f.outside.fulur.batchId}/submit` }),
  },
  ...(
    [
      'GET /api/v1/invoices/{id}',
      'GET /api/v1/invoices/{id}/invoice.pdf',
      'GET /api/v1/invoices/{id}/lines.csv',
      'GET /api/v1/invoices/{id}/lines.xlsx',
    ] as const
  ).flatMap((op) => [
    {
      op,
      roles: ['village_operator'] as const,
      reaching: 'a Fulur invoice',
      request: (f: AccessFixture) => ({ url: op.replace('{id}', String(f.outside.fulur.invoiceId)) }),
    },
    {
      op,
      roles: BELU_STAFF,
      reaching: 'an Alor invoice',
      request: (f: AccessFixture) => ({ url: op.replace('{id}', String(f.outside.alor.invoiceId)) }),
    },
  ]),
  {
    op: 'GET /api/v1/participants/{kpj}',
    roles: ['village_operator'],
    reaching: 'a Fulur participant',
    request: (f) => ({ url: `/api/v1/participants/${f.outside.fulur.kpj}` }),
  },
  {
    op: 'GET /api/v1/participants/{kpj}',
    roles: [...BRANCH, 'district_officer'],
    reaching: 'an Alor participant',
    request: (f) => ({ url: `/api/v1/participants/${f.outside.alor.kpj}` }),
  },
  {
    op: 'GET /api/v1/participants/{kpj}/card.pdf',
    roles: ['village_operator'],
    reaching: 'a Fulur participant',
    request: (f) => ({ url: `/api/v1/participants/${f.outside.fulur.kpj}/card.pdf` }),
  },
  {
    op: 'GET /api/v1/participants/{kpj}/card.pdf',
    roles: BRANCH,
    reaching: 'an Alor participant',
    request: (f) => ({ url: `/api/v1/participants/${f.outside.alor.kpj}/card.pdf` }),
  },
  {
    op: 'GET /api/v1/villages/{code}/cards.pdf',
    roles: ['village_operator'],
    reaching: 'Desa Fulur',
    request: () => ({ url: `/api/v1/villages/${FULUR}/cards.pdf` }),
  },
  {
    op: 'GET /api/v1/villages/{code}/cards.pdf',
    roles: BRANCH,
    reaching: 'Desa Lendola (Alor)',
    request: () => ({ url: `/api/v1/villages/${LENDOLA}/cards.pdf` }),
  },

  // Belu's staff reaching for Kabupaten Alor.
  {
    op: 'GET /api/v1/regions/{code}',
    roles: BELU_STAFF,
    reaching: 'Kabupaten Alor',
    request: () => ({ url: `/api/v1/regions/${ALOR}` }),
  },
  {
    op: 'GET /api/v1/enrolment/batches/{id}',
    roles: ['auditor', 'district_officer', 'branch_officer'],
    reaching: 'an Alor batch',
    request: (f) => ({ url: `/api/v1/enrolment/batches/${f.outside.alor.batchId}` }),
  },
  {
    op: 'GET /api/v1/enrolment/batches/{id}/budget-check',
    roles: BELU_STAFF,
    reaching: 'an Alor batch',
    request: (f) => ({ url: `/api/v1/enrolment/batches/${f.outside.alor.batchId}/budget-check` }),
  },
  {
    op: 'GET /api/v1/enrolment-policies/{regency}',
    roles: BELU_STAFF,
    reaching: 'Kabupaten Alor',
    request: () => ({ url: `/api/v1/enrolment-policies/${ALOR}` }),
  },
  {
    op: 'PUT /api/v1/enrolment-policies/{regency}',
    roles: ['district_officer'],
    reaching: 'Kabupaten Alor',
    request: () =>
      json(`/api/v1/enrolment-policies/${ALOR}`, {
        ageMinYears: 17,
        ageMaxYears: 65,
        villageWorkersMin: 1,
        villageWorkersMax: null,
      }),
  },
  {
    op: 'GET /api/v1/regencies/{code}/closed-periods',
    roles: [...BELU_STAFF, 'village_operator'],
    reaching: 'Kabupaten Alor',
    request: () => ({ url: `/api/v1/regencies/${ALOR}/closed-periods` }),
  },
  {
    op: 'POST /api/v1/regencies/{code}/closed-periods',
    roles: ['branch_supervisor'],
    reaching: 'Kabupaten Alor',
    request: () => json(`/api/v1/regencies/${ALOR}/closed-periods`, { period: '2026-10' }),
  },
  {
    op: 'POST /api/v1/billing/runs',
    roles: ['branch_officer'],
    reaching: 'Kabupaten Alor',
    request: () => json('/api/v1/billing/runs', { regencyCode: ALOR, period: '2027-01' }),
  },
  {
    op: 'POST /api/v1/payments',
    roles: ['branch_officer'],
    reaching: 'an Alor payer',
    request: (f) => ({
      url: '/api/v1/payments',
      payload: {
        payerId: f.outside.alor.payerId,
        amountRp: 5_000,
        receivedOn: '2026-12-01',
        reference: 'X-1',
      },
      headers: { 'idempotency-key': 'access-table-alor-payment' },
    }),
  },
  {
    op: 'POST /api/v1/agreements',
    roles: ['district_officer'],
    reaching: 'Kabupaten Alor',
    request: () =>
      json('/api/v1/agreements', {
        number: 'PKS/ALOR/2026/01',
        title: 'PKS Alor',
        regencyCode: ALOR,
        signedOn: '2026-02-02',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        signatories: [
          { name: 'Bupati Alor', position: 'Bupati', office: 'Pemerintah Kabupaten Alor', party: 'regency' },
          { name: 'Kepala Cabang', position: 'Kepala Kantor Cabang', office: 'BPJS TK', party: 'branch' },
        ],
        legalBasis: ['Perbup Alor 1/2026'],
      }),
  },
  {
    op: 'POST /api/v1/budget-renewals',
    roles: ['district_officer'],
    reaching: 'Kabupaten Alor',
    request: () => json('/api/v1/budget-renewals', { regencyCode: ALOR, fromYear: 2026, confirm: false }),
  },
  {
    op: 'GET /api/v1/budget-use',
    roles: [...BELU_STAFF, 'village_operator'],
    reaching: 'Kabupaten Alor',
    request: () => ({ url: `/api/v1/budget-use?regency=${ALOR}&year=2026` }),
  },
  {
    op: 'POST /api/v1/coverage/update',
    roles: BRANCH,
    reaching: 'Kabupaten Alor',
    request: () => json('/api/v1/coverage/update', { regencyCode: ALOR, asOf: '2026-12-01' }),
  },
  {
    op: 'POST /api/v1/payout-batches',
    roles: ['branch_officer'],
    reaching: 'Kabupaten Alor',
    request: () => json('/api/v1/payout-batches', { regencyCode: ALOR }),
  },
  {
    op: 'GET /api/v1/participants/{id}/jht',
    roles: ['auditor', ...BRANCH],
    reaching: 'an Alor participant',
    request: (f) => ({ url: `/api/v1/participants/${f.outside.alor.participantId}/jht?year=2026` }),
  },
  {
    op: 'POST /api/v1/participants/{id}/jht/opening',
    roles: BRANCH,
    reaching: 'an Alor participant',
    request: (f) =>
      json(`/api/v1/participants/${f.outside.alor.participantId}/jht/opening`, {
        amountRp: 1_000,
        asOf: '2026-01-01',
        source: 'Saldo lama',
      }),
  },
  ...(['POST /api/v1/jht/contributions/credit', 'POST /api/v1/jht/returns/apply'] as const).map((op) => ({
    op,
    roles: BRANCH,
    reaching: 'Kabupaten Alor',
    request: () =>
      json(op.slice(5), op.endsWith('credit') ? { regencyCode: ALOR } : { regencyCode: ALOR, year: 2025 }),
  })),
  ...(
    [
      ['GET /api/v1/reports/branch', `/api/v1/reports/branch?regency=${ALOR}&from=2026-01-01&to=2026-12-31`],
      ['GET /api/v1/dashboards/district', `/api/v1/dashboards/district?regency=${ALOR}&asOf=2026-12-01`],
      ['GET /api/v1/dashboards/branch', `/api/v1/dashboards/branch?regency=${ALOR}&year=2026`],
      ['GET /api/v1/workforce', `/api/v1/workforce?regency=${ALOR}`],
    ] as const
  ).map(([op, url]) => ({
    op,
    // The village operator's own regency already answers 404 for the branch report and dashboard.
    roles: op.endsWith('/branch') ? BELU_STAFF : ([...BELU_STAFF, 'village_operator'] as const),
    reaching: 'Kabupaten Alor',
    request: () => ({ url }),
  })),
  {
    op: 'PUT /api/v1/workforce',
    roles: ['district_officer'],
    reaching: 'Kabupaten Alor',
    request: () =>
      json('/api/v1/workforce', {
        regencyCode: ALOR,
        year: 2026,
        workforce: 90_000,
        source: 'BPS Sakernas',
        targetPercent: 30,
      }),
  },
  ...(
    [
      'POST /api/v1/participants/{id}/activation-code',
      'POST /api/v1/participants/{id}/activation-letter',
    ] as const
  ).map((op) => ({
    op,
    roles: ['branch_officer'] as const,
    reaching: 'an Alor participant',
    request: (f: AccessFixture) => ({
      url: op.slice(5).replace('{id}', String(f.outside.alor.participantId)),
    }),
  })),

  // The employer user reaching for another employer.
  ...(['GET /api/v1/employers/{npp}'] as const).map((op) => ({
    op,
    roles: ['employer'] as const,
    reaching: 'another employer',
    request: (f: AccessFixture) => ({ url: `/api/v1/employers/${f.outside.employer.npp}` }),
  })),
  {
    op: 'POST /api/v1/employers/{npp}/employees',
    roles: ['employer'],
    reaching: 'another employer',
    request: (f) =>
      json(`/api/v1/employers/${f.outside.employer.npp}/employees`, {
        nik: '5304014506900021',
        fullName: 'Maria Bere',
        birthDate: '1990-06-05',
        sex: 'P',
        startDate: '2026-10-01',
        wageRp: 3_000_000,
      }),
  },
  {
    op: 'POST /api/v1/employers/{npp}/wage-reports',
    roles: ['employer'],
    reaching: 'another employer',
    request: (f) => ({
      url: `/api/v1/employers/${f.outside.employer.npp}/wage-reports?period=2026-11&dryRun=true`,
      payload: Buffer.from('NIK,Nama,Upah (Rp),Mutasi\n'),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  {
    op: 'GET /api/v1/projects/{number}',
    roles: ['employer'],
    reaching: 'another employer’s project',
    request: (f) => ({ url: `/api/v1/projects/${encodeURIComponent(f.outside.employer.project)}` }),
  },
  {
    op: 'POST /api/v1/projects/{number}/workers',
    roles: ['employer'],
    reaching: 'another employer’s project',
    request: (f) =>
      json(`/api/v1/projects/${encodeURIComponent(f.outside.employer.project)}/workers`, { add: [] }),
  },

  // The participant reaching for another participant's claim.
  ...(['GET /api/v1/claims/{id}', 'GET /api/v1/me/claims/{id}'] as const).map((op) => ({
    op,
    roles: ['participant'] as const,
    reaching: 'another participant’s claim',
    request: (f: AccessFixture) => ({ url: op.slice(4).replace('{id}', String(f.outside.claim.id)) }),
  })),
  {
    op: 'GET /api/v1/claims/{id}/documents/{docId}',
    roles: ['participant'],
    reaching: 'another participant’s claim',
    request: (f) => ({ url: `/api/v1/claims/${f.outside.claim.id}/documents/${f.outside.claim.docId}` }),
  },
  {
    op: 'POST /api/v1/claims/{id}/documents',
    roles: ['participant'],
    reaching: 'another participant’s claim',
    request: (f) => ({
      url: `/api/v1/claims/${f.outside.claim.id}/documents?docType=kartu_kpj`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'),
      headers: { 'content-type': 'application/pdf' },
    }),
  },
  {
    op: 'POST /api/v1/claims/{id}/appeal',
    roles: ['participant'],
    reaching: 'another participant’s claim',
    request: (f) => json(`/api/v1/claims/${f.outside.claim.id}/appeal`, { note: 'banding' }),
  },
  {
    op: 'POST /api/v1/claims',
    roles: ['branch_officer'],
    reaching: 'an Alor participant',
    request: (f) =>
      json('/api/v1/claims', {
        kpj: f.outside.alor.kpj,
        program: 'JKM',
        kind: 'kematian',
        eventDate: '2026-11-28',
        claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
        bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
      }),
  },
  {
    op: 'POST /api/v1/claims',
    roles: ['participant'],
    reaching: 'another participant',
    request: (f) =>
      json('/api/v1/claims', {
        kpj: f.kpjs[3],
        program: 'JKM',
        kind: 'kematian',
        eventDate: '2026-11-28',
        claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
        bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
      }),
  },
];
