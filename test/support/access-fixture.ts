import type { FastifyInstance } from 'fastify';
import { issuePasswordReset } from '../../src/services/accounts.ts';
import type { Actor, Deps, Role } from '../../src/services/actor.ts';
import { addUser, createApiToken } from '../../src/services/add-user.ts';
import { registerBpu } from '../../src/services/bpu/register-bpu.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { createAgreement } from '../../src/services/create-agreement.ts';
import { setJhtReturnRate } from '../../src/services/jht/index.ts';
import { proposeCorrection } from '../../src/services/person-corrections/propose-correction.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { registerPmi } from '../../src/services/register-pmi.ts';
import { registerProject } from '../../src/services/register-project.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { issueActivationCode } from '../../src/services/self-service/activation-code.ts';
import { setPasswordWithCode } from '../../src/services/self-service/set-password-with-code.ts';
import { showEnrolmentBatch } from '../../src/services/show-enrolment-batch.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { claimAt, documentedClaim, payoutBatches } from './access-claims.ts';
import { membershipChanges } from './access-membership.ts';
import { demoActor } from './actors.ts';
import { participantsOf } from './approved-claim.ts';
import { enrolActive } from './enrol.ts';
import { nikFor, toCsv, validWorkers } from './enrolment-csv.ts';
import { demoServer, loginAll, loginCookie } from './http.ts';

// One set of records, made through the services, that every role of the access table can name
// in its own scope: Desa Kewar (53.04.01.2001) in Kabupaten Belu, served by KC Atambua; an employer
// and its project; a participant with a self-service account who owns the claims the table names.

export const KEWAR = '53.04.01.2001';
export const BELU = '53.04';
export const EMPLOYER_NPP = '53040011';
export const EMPLOYER_PASSWORD = 'rahasia-pemberi-kerja-1';
export const PARTICIPANT_PASSWORD = 'kata-sandi-peserta-1';
export const FULUR = '53.04.01.2002';
/** Desa Lendola, Kabupaten Alor (53.05): a regency no demo user's scope reaches, served by no branch. */
export const LENDOLA = '53.05.01.2012';
export const ALOR = '53.05';
export const OTHER_NPP = '53040022';
/** A week after enrolment: claims filed "today" fall inside the coverage that started at enrolment. */
export const FIXTURE_NOW = '2026-12-01T02:00:00.000Z';

/** A demo login no role of the table uses: the admin's account cases disable it, reset it, … */
export const SPARE_USER = 'desa.fulur';

/** The login the table uses for each role. */
export const ROLE_LOGIN: Record<Exclude<Role, 'employer' | 'participant'>, string> = {
  admin: 'admin',
  auditor: 'auditor',
  district_officer: 'dinas.belu',
  branch_officer: 'cabang.atambua',
  branch_supervisor: 'supervisor.atambua',
  village_operator: 'desa.kewar',
};

export interface AccessFixture {
  deps: Deps;
  app: FastifyInstance;
  cookies: Record<Role, string>;
  /** Participants of Kewar, oldest first; [0] has the self-service account. */
  participantIds: number[];
  kpjs: string[];
  /** The logged-in participant's own id and KPJ. */
  self: { id: number; kpj: string };
  /** A participant whose activation code the public activate case spends. */
  activation: { kpj: string; code: string };
  batches: {
    activated: number;
    draft: number;
    /** A row of the draft batch, for the correction and removal of rows. */
    draftRowId: number;
    submitted: number;
    submittedToReject: number;
    verified: number;
  };
  invoiceId: number;
  payerId: number;
  paymentId: number;
  agreementId: number;
  project: string;
  /** A migrant worker (PMI) of Kewar, by KPJ. */
  pmi: string;
  /** A self-paying informal worker (BPU mandiri) of Kewar: KPJ and payment code. */
  bpu: { kpj: string; paymentCode: string };
  claims: { filed: number; filedDocId: number; submitted: number; rejected: number };
  payoutBatches: { draft: number; approved: number; exported: number };
  /** The bank's result file for the exported batch. */
  bankResult: Buffer;
  /** Records just outside a role's scope, for the 404 cases. */
  outside: Outside;
  /** An approved claim not yet in a batch, for the create-batch case. */
  unbatchedClaimId: number;
  /** A pending correction of a Kewar member's name, proposed by Kewar's operator. */
  correctionId: number;
  /** Exits of Kewar workers proposed and verified, and a Fulur exit to reject; kpjs[1] is free to propose. */
  membershipChanges: { proposed: number; verified: number; toReject: number };
  /** The account the admin's account cases act on (no role of the table logs in as it). */
  spareUser: { username: string; resetCode: string; tokenId: number };
}

export interface Outside {
  /** Desa Fulur, beside Kewar: outside the Kewar operator's scope. */
  fulur: { batchId: number; invoiceId: number; kpj: string };
  /** Kabupaten Alor: outside every Belu user's scope. */
  alor: { batchId: number; invoiceId: number; payerId: number; participantId: number; kpj: string };
  /** Another employer and its project: outside the employer user's scope. */
  employer: { npp: string; project: string };
  /** Another participant's claim and one of its documents: outside the participant's scope. */
  claim: { id: number; docId: number };
}

async function enrolmentBatches(deps: Deps, actor: Actor) {
  // A village has one open batch at a time: the draft is Kewar's (its operator submits it), the
  // batches the district and the branch act on are in other villages of Belu.
  const upload = async (villageCode: string, serialStart: number) =>
    (
      await uploadEnrolment(deps, actor, {
        villageCode,
        fileName: `${villageCode}-${serialStart}.csv`,
        bytes: toCsv(validWorkers(10, serialStart)),
        fundingSource: 'APBDES',
      })
    ).batch.id;
  const draft = await upload(KEWAR, 200);
  const draftRowId = (await showEnrolmentBatch(deps, actor, draft, 'id')).rows[0]!.rowId;
  const submitted = await upload('53.04.01.2002', 300);
  await submitEnrolmentBatch(deps, actor, submitted);
  const submittedToReject = await upload('53.04.01.2004', 400);
  await submitEnrolmentBatch(deps, actor, submittedToReject);
  const verified = await upload('53.04.01.2005', 500);
  await submitEnrolmentBatch(deps, actor, verified);
  await verifyEnrolmentBatch(deps, actor, verified, { acknowledgeWarnings: true });
  return { draft, draftRowId, submitted, submittedToReject, verified };
}

async function billing(deps: Deps) {
  const run = await runBilling(deps, consoleActor(), { regencyCode: BELU, period: '2026-12' });
  const inv = run.invoices.find((i) => i.payerRegion === KEWAR);
  if (!inv) throw new Error('no Kewar invoice');
  const pay = await postPayment(deps, consoleActor(), {
    payerId: inv.payerId,
    amountRp: 10_000,
    receivedOn: '2026-12-01',
    reference: 'SP2D-0001',
    idempotencyKey: 'access-table-payment-1',
  });
  const fulur = run.invoices.find((i) => i.payerRegion === FULUR);
  const alor = (await runBilling(deps, consoleActor(), { regencyCode: ALOR, period: '2026-12' })).invoices[0];
  if (!fulur || !alor) throw new Error('no Fulur or Alor invoice');
  return {
    bill: { invoiceId: inv.id, payerId: inv.payerId, paymentId: pay.paymentId },
    fulurInvoiceId: fulur.id,
    alor: { invoiceId: alor.id, payerId: alor.payerId },
  };
}

async function employerLogin(deps: Deps, app: FastifyInstance, officer: Actor) {
  await registerEmployer(deps, officer, {
    npp: EMPLOYER_NPP,
    name: 'PT Maju Bersama Belu',
    businessTypeCode: 'perdagangan',
    scale: 'large',
    regionCode: BELU,
  });
  await addUser(deps, consoleActor(), {
    username: 'pt.maju',
    displayName: 'PT Maju Bersama Belu',
    role: 'employer',
    scope: EMPLOYER_NPP,
    password: EMPLOYER_PASSWORD,
  });
  const p = await registerProject(deps, officer, {
    projectNumber: 'SPK-010/2026',
    name: 'Embung Desa Kewar',
    ownerName: 'Pemerintah Desa Kewar',
    contractorNpp: EMPLOYER_NPP,
    contractValueRp: 850_000_000,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    regionCode: KEWAR,
  });
  await registerEmployer(deps, officer, {
    npp: OTHER_NPP,
    name: 'CV Lain',
    businessTypeCode: 'perdagangan',
    scale: 'small',
    regionCode: BELU,
  });
  const other = await registerProject(deps, officer, {
    projectNumber: 'SPK-020/2026',
    name: 'Jembatan Desa Fulur',
    ownerName: 'Pemerintah Desa Fulur',
    contractorNpp: OTHER_NPP,
    contractValueRp: 400_000_000,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    regionCode: FULUR,
  });
  return {
    cookie: await loginCookie(app, 'pt.maju', EMPLOYER_PASSWORD),
    project: p.project.projectNumber,
    other: { npp: OTHER_NPP, project: other.project.projectNumber },
  };
}

async function firstKpj(deps: Deps, villageCode: string): Promise<string> {
  const r = await deps.db.query<{ kpj: string }>(
    'SELECT kpj FROM participant WHERE region_code = $1 ORDER BY id LIMIT 1',
    [villageCode],
  );
  return r.rows[0]!.kpj;
}

export async function accessFixture(prepared: Deps): Promise<AccessFixture> {
  const activated = (await enrolActive(prepared, KEWAR, 10)).batch.id;
  await enrolActive(prepared, FULUR, 10, { serialStart: 100 });
  const alorBatch = (await enrolActive(prepared, LENDOLA, 10, { serialStart: 700, kecamatan: '530501' }))
    .batch.id;
  const deps: Deps = { db: prepared.db, clock: fixedClock(FIXTURE_NOW) };
  const app = await demoServer(deps);
  const officer = await demoActor(deps, 'cabang.atambua');
  const supervisor = await demoActor(deps, 'supervisor.atambua');
  const district = await demoActor(deps, 'dinas.belu');
  const participantIds = await participantsOf(deps.db, KEWAR);
  const kpjs: string[] = [];
  for (const id of participantIds)
    kpjs.push(
      (await deps.db.query<{ kpj: string }>('SELECT kpj FROM participant WHERE id = $1', [id])).rows[0]!.kpj,
    );
  const self = { id: participantIds[0]!, kpj: kpjs[0]! };

  const issued = await issueActivationCode(deps, officer, self.id);
  const session = await setPasswordWithCode(deps, {
    kpj: self.kpj,
    code: issued.code,
    password: PARTICIPANT_PASSWORD,
  });
  const spare = await issueActivationCode(deps, officer, participantIds[9]!);

  const staff = await loginAll(app, Object.values(ROLE_LOGIN));
  const employer = await employerLogin(deps, app, officer);
  const cookies = {
    ...(Object.fromEntries(Object.entries(ROLE_LOGIN).map(([role, u]) => [role, staff[u]!])) as Record<
      Exclude<Role, 'employer' | 'participant'>,
      string
    >),
    employer: employer.cookie,
    participant: `lindung_session=${session.token}`,
  };

  const batches = await enrolmentBatches(deps, consoleActor());
  const { bill, fulurInvoiceId, alor } = await billing(deps);
  const agreement = await createAgreement(deps, district, {
    number: 'PKS/BELU/2026/07',
    title: 'PKS perlindungan pekerja rentan',
    regencyCode: BELU,
    signedOn: '2026-02-02',
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
  });

  const pmi = await registerPmi(deps, officer, {
    nik: nikFor({ birthDate: '1997-02-03', sex: 'P', serial: 950 }),
    fullName: 'Yuliana Abuk',
    birthDate: '1997-02-03',
    sex: 'P',
    regionCode: KEWAR,
    countryCode: 'MY',
    contractStart: '2027-02-05',
    contractMonths: 24,
    departureDate: '2027-02-01',
  });
  const bpu = await registerBpu(deps, officer, {
    nik: nikFor({ birthDate: '1985-06-07', sex: 'L', serial: 951 }),
    fullName: 'Yohanes Bere',
    birthDate: '1985-06-07',
    sex: 'L',
    regionCode: KEWAR,
    declaredIncomeRp: 1_000_000,
    frequencyMonths: 1,
  });

  const a = { officer, supervisor };
  // The participant's own claims: one filed with its documents, one refused (for the appeal).
  const filed = await documentedClaim(deps, officer, self.kpj);
  const rejected = (await claimAt(deps, a, self.kpj, 'rejected')).id;
  const submitted = await claimAt(deps, a, kpjs[2]!, 'submitted');
  const payouts = await payoutBatches(deps, a, kpjs.slice(3, 7));
  await setJhtReturnRate(deps, await demoActor(deps, 'admin'), {
    year: 2025,
    rateBp: 600,
    source: 'RKAT 2025',
  });
  const correction = await proposeCorrection(deps, await demoActor(deps, ROLE_LOGIN.village_operator), {
    participantId: participantIds[8]!,
    changes: { fullName: 'Yuliana Bria Bere' },
    reason: 'Salah ketik',
    evidenceNote: 'KTP diperiksa',
  });
  const changes = await membershipChanges(
    deps,
    { proposed: kpjs[7]!, verified: kpjs[8]! },
    await firstKpj(deps, FULUR),
  );
  const reset = await issuePasswordReset(deps, consoleActor(), SPARE_USER);
  const token = await createApiToken(deps, consoleActor(), SPARE_USER, 'access table');

  return {
    deps,
    app,
    cookies,
    participantIds,
    kpjs,
    self,
    activation: { kpj: kpjs[9]!, code: spare.code },
    batches: { activated, ...batches },
    ...bill,
    agreementId: agreement.agreement.id,
    project: employer.project,
    pmi: pmi.placement.kpj,
    bpu: { kpj: bpu.registration.kpj, paymentCode: bpu.registration.paymentCode },
    claims: { filed: filed.id, filedDocId: filed.docId, submitted: submitted.id, rejected },
    payoutBatches: payouts.batches,
    unbatchedClaimId: payouts.unbatchedClaimId,
    correctionId: correction.correction.id,
    membershipChanges: changes,
    spareUser: { username: SPARE_USER, resetCode: reset.code, tokenId: token.id },
    bankResult: payouts.bankResult,
    outside: {
      fulur: { batchId: batches.submitted, invoiceId: fulurInvoiceId, kpj: await firstKpj(deps, FULUR) },
      alor: {
        batchId: alorBatch,
        ...alor,
        participantId: (await participantsOf(deps.db, LENDOLA))[0]!,
        kpj: await firstKpj(deps, LENDOLA),
      },
      employer: employer.other,
      claim: { id: submitted.id, docId: submitted.docId },
    },
  };
}
