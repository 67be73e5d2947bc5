// Steps of the village-years scenario (test/integration/village-years.test.ts), each taken through
// the services by the role that takes it in real life, on the day it happens (onDay), so no step
// ever writes a date after its own today.

import type { Queryable } from '../../src/db/types.ts';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { addBudgetAllocation } from '../../src/services/add-budget-allocation.ts';
import {
  addClaimDocument,
  decideClaim,
  fileClaim,
  requiredDocuments,
  submitClaim,
} from '../../src/services/claims/index.ts';
import { createAgreement } from '../../src/services/create-agreement.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { onDay } from './db.ts';
import { toCsv, type WorkerRow } from './enrolment-csv.ts';
import { payApprovedClaims } from './pay-claims.ts';

export interface Cast {
  village: Actor;
  district: Actor;
  branch: Actor;
  supervisor: Actor;
}

const signatories = [
  { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' as const },
  {
    name: 'Kepala Kantor Cabang',
    position: 'Kepala Kantor Cabang',
    office: 'BPJS Ketenagakerjaan Cabang Belu Atambua',
    party: 'branch' as const,
  },
];

/** The year's agreement (PKS), signed the November before, with one APBDes allocation per village. */
export async function fundYear(
  deps: Deps,
  district: Actor,
  year: number,
  perVillage: { villageCode: string; workers: number; monthRp: number }[],
) {
  const d = onDay(deps, `${year - 1}-11-28`);
  const { agreement } = await createAgreement(d, district, {
    number: `PKS/BELU/${year}`,
    title: `Perlindungan pekerja rentan ${year}`,
    regencyCode: '53.04',
    signedOn: `${year - 1}-11-28`,
    validFrom: `${year}-01-01`,
    validTo: `${year}-12-31`,
    signatories,
    legalBasis: ['Inpres 2/2021'],
  });
  for (const v of perVillage)
    await addBudgetAllocation(d, district, agreement.id, {
      fundingSource: 'APBDES',
      fiscalYear: year,
      amountRp: v.workers * v.monthRp * 12, // the pagu: the quota's twelve months
      quotaWorkers: v.workers,
      villageCode: v.villageCode,
    });
}

/** The village operator uploads and submits, the district verifies, the branch activates: all on `day`. */
export async function enrolVillage(
  deps: Deps,
  cast: Cast,
  villageCode: string,
  rows: WorkerRow[],
  day: string,
) {
  const d = onDay(deps, day);
  const up = await uploadEnrolment(d, cast.village, {
    villageCode,
    fileName: `${villageCode}-${day}.csv`,
    bytes: toCsv(rows),
    fundingSource: 'APBDES',
  });
  if (up.upload.valid !== rows.length)
    throw new Error(`expected ${rows.length} valid rows: ${JSON.stringify(up.problems.slice(0, 3))}`);
  await submitEnrolmentBatch(d, cast.village, up.batch.id);
  await verifyEnrolmentBatch(d, cast.district, up.batch.id, { acknowledgeWarnings: false });
  return activateEnrolmentBatch(d, cast.branch, up.batch.id);
}

/**
 * A worker's death: the heir's JKM claim filed at the branch with every required document,
 * submitted (maker), approved (checker), batched, exported and reported PAID by the bank.
 */
export async function payDeathClaim(
  deps: Deps,
  cast: Cast,
  c: { kpj: string; diedOn: string; filedOn: string; paidOn: string },
) {
  const filedOn = onDay(deps, c.filedOn);
  const claim = await fileClaim(filedOn, cast.branch, {
    kpj: c.kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate: c.diedOn,
    eventDetail: { cause: 'sakit' },
    claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
    bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
  });
  for (const docType of requiredDocuments('JKM', 'kematian'))
    await addClaimDocument(filedOn, cast.branch, claim.id, {
      docType,
      fileName: `${docType}.pdf`,
      bytes: Buffer.from(`%PDF-1.4\n% ${docType}\n%%EOF\n`),
    });
  await submitClaim(filedOn, cast.branch, claim.id);
  await decideClaim(filedOn, cast.supervisor, claim.id, { approve: true });
  return payApprovedClaims(
    onDay(deps, c.paidOn),
    { officer: cast.branch, supervisor: cast.supervisor },
    '53.04',
    c.paidOn,
  );
}

/** Ledger balances at the end of an office day (WITA), by account (programme or payer where it has one). */
export async function ledgerAt(deps: Deps, asOf: string, payerIds: Record<string, number>) {
  const r = await deps.db.query<{
    account: string;
    program: string | null;
    payer_id: number | null;
    rp: number;
  }>(
    `SELECT l.account, l.program, l.payer_id, sum(l.amount_rp)::bigint AS rp
     FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
     WHERE e.at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Makassar'
     GROUP BY 1, 2, 3`,
    [asOf],
  );
  const sum = (f: (x: (typeof r.rows)[number]) => boolean) =>
    r.rows.filter(f).reduce((s, x) => s + Number(x.rp), 0);
  const receivable = Object.fromEntries(
    Object.entries(payerIds).map(([name, id]) => [
      name,
      sum((x) => x.account === 'receivable' && Number(x.payer_id) === id),
    ]),
  );
  return {
    total: sum(() => true),
    cash: sum((x) => x.account === 'cash'),
    receivable,
    incomeJkk: sum((x) => x.account === 'contribution_income' && x.program === 'JKK'),
    incomeJkm: sum((x) => x.account === 'contribution_income' && x.program === 'JKM'),
    benefitJkm: sum((x) => x.account === 'benefit_expense' && x.program === 'JKM'),
  };
}

/** Each named village's memberships by status on `asOf`, as the district dashboard counts them. */
export async function villageCounts(
  deps: Deps,
  district: Actor,
  asOf: string,
  villages: Record<string, string>,
) {
  const d = await districtDashboard(deps, district, { regencyCode: '53.04', asOf });
  return Object.fromEntries(
    Object.entries(villages).map(([name, code]) => [name, d.areas.find((a) => a.code === code)!.byStatus]),
  );
}

/** The payer ids of the named villages' governments (APBDes) that exist so far. */
export async function villagePayers(q: Queryable, villages: Record<string, string>) {
  const r = await q.query<{ id: number; region_code: string }>(
    `SELECT id, region_code FROM payer WHERE kind = 'village' AND region_code = ANY($1::text[])`,
    [Object.values(villages)],
  );
  const name = (code: string) => Object.keys(villages).find((k) => villages[k] === code)!;
  return Object.fromEntries(r.rows.map((p) => [name(p.region_code), Number(p.id)]));
}
