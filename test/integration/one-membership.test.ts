// One person, one active membership per programme (issue 12, point 2): a village batch refuses a
// NIK already in PU or on a construction project with its own code; an employer's PU registration
// takes over from a village-funded BPU membership; JAKON sits beside PU; the database refuses a
// second membership when the services are bypassed; pre-existing duplicates reach a review queue.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEmployment } from '../../src/db/employers.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { changeProjectWorkers } from '../../src/services/change-project-workers.ts';
import { importWageReport } from '../../src/services/import-wage-report.ts';
import { listMembershipConflicts } from '../../src/services/list-membership-conflicts.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { registerProject } from '../../src/services/register-project.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { demoActor } from '../support/actors.ts';
import { payProjectPremium, registerContractor } from '../support/contractor.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor, toCsv, validWorkers, type WorkerRow } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';
const NPP = '53040011';
const CONTRACTOR = '53049011';
const PU_WORKER = nikFor({ birthDate: '1990-06-05', sex: 'P', serial: 9001 });
const JAKON_WORKER = nikFor({ birthDate: '1988-08-08', sex: 'L', serial: 9002 });
const row = (nik: string, name: string, birthDate: string, sex: 'L' | 'P'): WorkerRow => ({
  nik,
  name,
  birthDate,
  sex,
  occupation: 'Petani',
});

/** The memberships of a NIK as [segment, funding, status, status_since], oldest first. */
async function memberships(deps: Deps, nik: string) {
  const r = await deps.db.query<{
    segment: string;
    funding_source: string;
    status: string;
    status_since: string;
  }>(
    `SELECT pa.segment, pa.funding_source, pa.status, pa.status_since FROM participant pa
     JOIN person p ON p.id = pa.person_id WHERE p.nik = $1 ORDER BY pa.id`,
    [nik],
  );
  return r.rows.map((m) => [m.segment, m.funding_source, m.status, m.status_since]);
}

/** A PU employment at NPP written straight through src/db (no service, no precedence check). */
const employment = {
  startDate: '2026-11-01',
  wageRp: 2_500_000,
  programs: ['JKK', 'JKM', 'JHT'],
  actor: 'test',
  at: '2026-11-24T02:00:00.000Z',
  kpjYear: 2026,
};
const employerIdOf = async (deps: Deps) =>
  (await deps.db.query<{ id: number }>('SELECT id FROM employer WHERE npp = $1', [NPP])).rows[0]!.id;

describe('one person, one active membership per programme', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let kewar: Actor;
  /** The village-funded workers enrolled in Kewar (serials 1–10: the regency's minimum batch). */
  const village = validWorkers(10, 1);
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
    kewar = await demoActor(deps, 'desa.kewar');
    await registerEmployer(deps, branch, {
      npp: NPP,
      name: 'CV Tenun Kewar',
      businessTypeCode: 'konveksi',
      scale: 'small',
      regionCode: KEWAR,
    });
    await registerContractor(deps, branch, { npp: CONTRACTOR, name: 'CV Karya Kewar', regionCode: KEWAR });
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
  });
  afterAll(async () => t.drop());

  it('a village batch refuses a NIK already in PU (ALREADY_PU) and on a project (ALREADY_JAKON)', async () => {
    await registerEmployee(deps, branch, NPP, {
      nik: PU_WORKER,
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      startDate: '2026-02-01',
      wageRp: 2_500_000,
    });
    await registerProject(deps, branch, {
      projectNumber: 'SPK-KEWAR/2026',
      name: 'Jalan desa Kewar',
      ownerName: 'Dinas PUPR Kabupaten Belu',
      contractorNpp: CONTRACTOR,
      contractValueRp: 80_000_000,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      regionCode: '53.04.01',
    });
    await payProjectPremium(deps, branch, 'SPK-KEWAR/2026', '2026-11-24');
    await changeProjectWorkers(deps, branch, 'SPK-KEWAR/2026', {
      add: [{ nik: JAKON_WORKER, fullName: 'Yohanes Bria', birthDate: '1988-08-08', sex: 'L' }],
    });
    const fresh = validWorkers(1, 50)[0]!;
    const r = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'kewar-2.csv',
      bytes: toCsv([
        row(PU_WORKER, 'Maria Bere', '1990-06-05', 'P'),
        row(JAKON_WORKER, 'Yohanes Bria', '1988-08-08', 'L'),
        village[0]!,
        fresh,
      ]),
    });
    expect(r.upload).toMatchObject({ rows: 4, valid: 1, invalid: 3 });
    const codes = r.problems
      .filter((p) => p.state === 'invalid')
      .map((p) => [p.rowNumber, p.errors.map((e) => `${e.field}:${e.code}`)]);
    expect(codes).toEqual([
      [2, ['nik:ALREADY_PU']],
      [3, ['nik:ALREADY_JAKON']],
      [4, ['nik:ALREADY_COVERED']],
    ]);
    expect(r.problems[0]!.errors[0]!.message).toBe(
      'NIK ini sudah peserta penerima upah (PU) yang didaftarkan pemberi kerja; iuran desa tidak diperlukan.',
    );
  });

  it('JAKON project cover sits beside PU: the same worker is registered by an employer', async () => {
    const r = await registerEmployee(deps, branch, NPP, {
      nik: JAKON_WORKER,
      startDate: '2026-04-01',
      wageRp: 2_600_000,
    });
    expect(r.endedMemberships).toBe(0);
    expect(await memberships(deps, JAKON_WORKER)).toEqual([
      ['JAKON', 'EMPLOYER', 'active', '2026-03-01'],
      ['PU', 'EMPLOYER', 'active', '2026-04-01'],
    ]);
  });

  it('the reverse: a village-funded worker registered by an employer — PU takes over, the BPU ends', async () => {
    const worker = village[1]!;
    const r = await registerEmployee(deps, branch, NPP, {
      nik: worker.nik,
      startDate: '2026-10-01',
      wageRp: 2_500_000,
    });
    expect(r.endedMemberships).toBe(1);
    // Activated today (2026-11-24, the test clock), so it ends today, not before it began.
    expect(await memberships(deps, worker.nik)).toEqual([
      ['BPU', 'APBDES', 'ended', '2026-11-24'],
      ['PU', 'EMPLOYER', 'active', '2026-10-01'],
    ]);
    const audit = await deps.db.query<{ region_code: string; after: { reason: string } }>(
      `SELECT region_code, after FROM audit_log WHERE action = 'membership.end'`,
    );
    expect(audit.rows).toEqual([
      { region_code: KEWAR, after: expect.objectContaining({ reason: 'DOUBLE_COVERAGE' }) },
    ]);
    // One model for every end (docs/membership.md): the takeover is an applied change like a death.
    const changes = await deps.db.query(
      `SELECT c.kind, c.reason, c.effective_date::text AS date, c.state, c.status_before, c.status_after
       FROM membership_change c JOIN participant pa ON pa.id = c.participant_id
       JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
      [worker.nik],
    );
    expect(changes.rows).toEqual([
      {
        kind: 'exit',
        reason: 'double_coverage',
        date: '2026-11-24',
        state: 'applied',
        status_before: 'active',
        status_after: 'ended',
      },
    ]);
  });

  it('the wage report: a joining village-funded worker also moves to PU, set-based', async () => {
    const worker = village[2]!;
    const csv = Buffer.from(
      `NIK,Nama,Upah (Rp),Mutasi,Tanggal Lahir,Jenis Kelamin\n${worker.nik},${worker.name},2500000,masuk,,\n`,
    );
    const r = await importWageReport(deps, branch, {
      npp: NPP,
      period: '2026-11',
      fileName: 'upah.csv',
      bytes: csv,
    });
    expect(r.upload).toMatchObject({ valid: 1, joined: 1 });
    expect(r.endedMemberships).toBe(1);
    expect(await memberships(deps, worker.nik)).toEqual([
      ['BPU', 'APBDES', 'ended', '2026-11-24'],
      ['PU', 'EMPLOYER', 'active', '2026-11-01'],
    ]);
  });

  it('the database refuses a second active membership when the service is bypassed', async () => {
    const worker = village[3]!;
    const employerId = await employerIdOf(deps);
    await expect(
      deps.db.transaction((tx) => insertEmployment(tx, { ...employment, employerId, nik: worker.nik })),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP_CONFLICT' });
    // A migrant-worker (PMI) membership with JKM straight into the table: refused too. (A second
    // BPU is refused earlier still, by participant_one_active_bpu of 0002.)
    await expect(
      deps.db.query(
        `INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code,
           regency_code, status, status_since, created_at)
         SELECT next_kpj(2026), pa.person_id, 'PMI', ARRAY['JKM'], 'SELF', pa.payer_id, pa.region_code,
                pa.regency_code, 'active', '2026-11-01', now()
         FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1`,
        [worker.nik],
      ),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP_CONFLICT' });
    expect(await memberships(deps, worker.nik)).toEqual([['BPU', 'APBDES', 'active', expect.any(String)]]);
  });

  it('pre-existing duplicates: the migration applies over them and the review queue lists them', async () => {
    const worker = village[3]!;
    // A database from before 0019: the one-membership triggers absent while the duplicate is written.
    await deps.db.exec(`DROP TRIGGER participant_one_membership_insert ON participant;
      DROP TRIGGER participant_one_membership_update ON participant;
      DROP FUNCTION participant_one_membership_insert(); DROP FUNCTION participant_one_membership_update();
      DROP FUNCTION check_one_membership(bigint[]); DROP FUNCTION membership_may_hold_both(text, text[], text, text[]);
      DROP INDEX participant_person_active_idx;`);
    // (the coverage query names membership_may_hold_both; it is back before anything runs it)
    const employerId = await employerIdOf(deps);
    await deps.db.transaction((tx) => insertEmployment(tx, { ...employment, employerId, nik: worker.nik }));
    const sql = readFileSync(
      new URL('../../src/db/migrations/0019_one_membership.sql', import.meta.url),
      'utf8',
    );
    await deps.db.exec(sql);

    const queue = await listMembershipConflicts(deps, branch, {});
    expect(queue.nextCursor).toBeNull();
    expect(queue.persons).toEqual([
      {
        nik: worker.nik,
        fullName: worker.name,
        memberships: [
          expect.objectContaining({ segment: 'BPU', fundingSource: 'APBDES', programs: ['JKK', 'JKM'] }),
          expect.objectContaining({ segment: 'PU', fundingSource: 'EMPLOYER', regionCode: KEWAR }),
        ],
      },
    ]);
    // Persons whose PU took over, and JAKON beside PU, are not in the queue; the village and the
    // district may not read it (FORBIDDEN); the auditor neither.
    await expect(listMembershipConflicts(deps, kewar, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const district = await demoActor(deps, 'dinas.belu');
    await expect(listMembershipConflicts(deps, district, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The old duplicate does not block other writes; ending one of the two empties the queue.
    await deps.db.query(
      `UPDATE participant SET status = 'ended', status_since = '2026-11-01'
       WHERE segment = 'BPU' AND person_id = (SELECT id FROM person WHERE nik = $1)`,
      [worker.nik],
    );
    expect((await listMembershipConflicts(deps, branch, {})).persons).toEqual([]);
    // Re-activating the ended one is refused again.
    await expect(
      deps.db.query(
        `UPDATE participant SET status = 'active'
         WHERE segment = 'BPU' AND person_id = (SELECT id FROM person WHERE nik = $1)`,
        [worker.nik],
      ),
    ).rejects.toMatchObject({ code: 'MEMBERSHIP_CONFLICT' });
  });
});
