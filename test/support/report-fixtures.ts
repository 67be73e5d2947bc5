import type { Actor, Deps } from '../../src/services/actor.ts';
import { updateBusinessType } from '../../src/services/business-types.ts';
import { changeProjectWorkers } from '../../src/services/change-project-workers.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { registerProject } from '../../src/services/register-project.ts';
import { setEnrolmentPolicy } from '../../src/services/set-enrolment-policy.ts';
import { demoActor } from './actors.ts';
import { payProjectPremium } from './contractor.ts';
import { enrolActive } from './enrol.ts';
import { nikFor } from './enrolment-csv.ts';
import { serialName } from './names.ts';

export const KEWAR = '53.04.01.2001';
export const FULUR = '53.04.01.2002';

/**
 * Participants of every segment in Belu through the services: 3 village workers in Kewar and 2
 * in Fulur (active from 24 Nov 2026), 2 formal workers from 1 Nov 2026 and 1 construction worker
 * covered 1 Mar – 30 Dec 2026 (ended 31 Dec).
 */
export async function enrolEverySegment(deps: Deps): Promise<void> {
  const branch: Actor = await demoActor(deps, 'cabang.atambua');
  // Small village batches: the district's minimum is lowered for the fixture.
  await setEnrolmentPolicy(deps, await demoActor(deps, 'dinas.belu'), '53.04', {
    ageMinYears: 18,
    ageMaxYears: 65,
    villageWorkersMin: 1,
    villageWorkersMax: null,
  });
  await enrolActive(deps, KEWAR, 3, { serialStart: 1 });
  await enrolActive(deps, FULUR, 2, { serialStart: 101 });
  await registerEmployer(deps, branch, {
    npp: '53049001',
    name: 'CV Tenun Ikat Belu',
    businessTypeCode: 'konveksi',
    scale: 'medium',
    regionCode: '53.04.12.1001',
  });
  for (const i of [0, 1]) {
    const birthDate = `199${i}-03-0${i + 1}`;
    await registerEmployee(deps, branch, '53049001', {
      nik: nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 10 + i }),
      fullName: `Pekerja Tenun ${serialName(i + 1)}`,
      birthDate,
      sex: 'L',
      startDate: '2026-11-01',
      wageRp: 5_000_000,
    });
  }
  await updateBusinessType(deps, await demoActor(deps, 'admin'), 'uji_konstruksi', {
    name: 'Konstruksi (uji)',
    riskGroup: 5,
    source: 'test fixture',
    status: 'partial',
  });
  await registerEmployer(deps, branch, {
    npp: '53049002',
    name: 'CV Karya Atambua',
    businessTypeCode: 'uji_konstruksi',
    scale: 'medium',
    regionCode: '53.04',
  });
  await registerProject(deps, branch, {
    projectNumber: 'SPK-001/2026',
    name: 'Jalan desa',
    ownerName: 'Dinas PUPR Kabupaten Belu',
    contractorNpp: '53049002',
    contractValueRp: 80_000_000,
    startDate: '2026-03-01',
    endDate: '2026-12-30',
    regionCode: '53.04.01',
  });
  await payProjectPremium(deps, branch, 'SPK-001/2026', '2026-03-01');
  await changeProjectWorkers(deps, branch, 'SPK-001/2026', {
    add: [
      {
        nik: nikFor({ birthDate: '1988-08-08', sex: 'L', serial: 311 }),
        fullName: 'Yohanes Bria',
        birthDate: '1988-08-08',
        sex: 'L',
      },
    ],
  });
}

/**
 * A claim of each given programme and amount, paid (or not) through one reconciled payout batch,
 * written straight into the claims and payouts tables (CONTRACTS.md) — the reports read only those.
 */
export async function insertPaidClaims(
  deps: Deps,
  claims: { program: string; amountRp: number; status: 'paid' | 'failed'; paidOn: string }[],
): Promise<void> {
  const total = claims.reduce((s, c) => s + c.amountRp, 0);
  await deps.db.query(
    `WITH b AS (
       INSERT INTO payout_batch (number, regency_code, status, count, total_rp, declared_count, declared_total_rp,
         created_by, created_at, approved_by, approved_at, export_file_name, export_body, exported_by, exported_at)
       VALUES ('PB-TEST-' || lpad((SELECT count(*) + 1 FROM payout_batch)::text, 4, '0'), '53.04', 'reconciled',
               $1, $2, $1, $2, 'maker', '2026-11-20T02:00:00Z', 'checker', '2026-11-20T03:00:00Z', 'f.csv', '\\x00',
               'maker', '2026-11-20T04:00:00Z')
       RETURNING id),
     c AS (
       INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
         claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel, status,
         amount_rp, filed_by, filed_at, updated_at)
       SELECT 'KLM-TEST-' || x.i || '-' || (SELECT count(*) FROM claim), pa.id, pa.person_id, '53.04', 'KC-ATAMBUA',
              x.program, 'uji', '2026-10-01', 'peserta', 'Uji', '5304014101900001', 'BRI', '1234567890', 'Uji',
              'branch', CASE x.status WHEN 'paid' THEN 'paid' ELSE 'approved' END, x.amount, 'maker',
              '2026-10-02T02:00:00Z', '2026-11-20T02:00:00Z'
       FROM unnest($3::text[], $4::bigint[], $5::text[]) WITH ORDINALITY AS x (program, amount, status, i)
       CROSS JOIN (SELECT id, person_id FROM participant ORDER BY id LIMIT 1) pa
       RETURNING id, program, amount_rp, status)
     INSERT INTO payout (batch_id, claim_id, regency_code, program, amount_rp, bank_code, bank_account, account_holder,
       status, paid_on, failed_on, updated_at)
     SELECT b.id, c.id, '53.04', c.program, c.amount_rp, 'BRI', '1234567890', 'Uji',
            CASE c.status WHEN 'paid' THEN 'paid' ELSE 'failed' END,
            CASE c.status WHEN 'paid' THEN x.paid_on END, CASE c.status WHEN 'paid' THEN NULL ELSE x.paid_on END,
            '2026-11-21T02:00:00Z'
     FROM b CROSS JOIN c JOIN unnest($3::text[], $4::bigint[], $6::date[]) WITH ORDINALITY AS x (program, amount, paid_on, i)
       ON c.program = x.program AND c.amount_rp = x.amount`,
    [
      claims.length,
      total,
      claims.map((c) => c.program),
      claims.map((c) => c.amountRp),
      claims.map((c) => c.status),
      claims.map((c) => c.paidOn),
    ],
  );
}
