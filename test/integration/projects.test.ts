import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { changeProjectWorkers, showProject } from '../../src/services/change-project-workers.ts';
import { registerProject } from '../../src/services/register-project.ts';
import { demoActor } from '../support/actors.ts';
import { payProjectPremium, preparedContractor } from '../support/contractor.ts';
import type { TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';

const CONTRACTOR = '53049001';
const W1 = nikFor({ birthDate: '1988-08-08', sex: 'L', serial: 11 });
const W2 = nikFor({ birthDate: '1992-02-29', sex: 'P', serial: 12 });
const W3 = nikFor({ birthDate: '1975-10-10', sex: 'L', serial: 13 });

const project = (n: string, contractValueRp: number, startDate: string, endDate: string) => ({
  projectNumber: n,
  name: `Jalan desa ${n}`,
  ownerName: 'Dinas PUPR Kabupaten Belu',
  contractorNpp: CONTRACTOR,
  contractValueRp,
  startDate,
  endDate,
  regionCode: '53.04.01',
});

/** Each worker's status history as [nik, status, date]. */
async function history(deps: Deps, projectNumber: string) {
  const r = await deps.db.query<{ nik: string; status: string; effective_date: string }>(
    `SELECT p.nik, s.status, s.effective_date FROM project_worker w
     JOIN construction_project cp ON cp.id = w.project_id JOIN person p ON p.id = w.person_id
     JOIN participant_status s ON s.participant_id = w.participant_id
     WHERE cp.project_number = $1 ORDER BY p.nik, s.id`,
    [projectNumber],
  );
  return r.rows.map((x) => [x.nik, x.status, x.effective_date]);
}

describe('construction projects: JAKON premium from the contract value, workers covered for the duration', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  beforeAll(async () => {
    ({ deps, t, branch } = await preparedContractor({ npp: CONTRACTOR, name: 'CV Karya Atambua' }));
  });
  afterAll(async () => t.drop());

  it('W10: a contract of Rp850,000,000 has a premium of exactly Rp1,525,000, stored with its basis', async () => {
    const r = await registerProject(
      deps,
      branch,
      project('SPK-001/2026', 850_000_000, '2026-03-01', '2026-12-31'),
    );
    expect(r.project).toMatchObject({
      premiumRp: 1_525_000,
      contractorNpp: CONTRACTOR,
      regencyCode: '53.04',
      workers: 0,
    });
    const basis = r.project.premiumBasis as {
      period: string;
      lines: { program: string; amountRp: number }[];
      parameters: { id: string; effectiveFrom: string }[];
    };
    expect(basis.period).toBe('2026-03');
    expect(basis.lines.map((l) => [l.program, l.amountRp])).toEqual([
      ['JKK', 1_345_000],
      ['JKM', 180_000],
    ]);
    expect(basis.parameters.map((p) => p.id)).toContain('iuran_jakon.jkk_lapisan_nilai_kontrak');
  });

  it('W9: a contract of Rp80,000,000 has a premium of exactly Rp192,000', async () => {
    const r = await registerProject(
      deps,
      branch,
      project('SPK-002/2026', 80_000_000, '2026-05-01', '2026-08-31'),
    );
    expect(r.project.premiumRp).toBe(192_000);
    const lines = (r.project.premiumBasis as { lines: { program: string; amountRp: number }[] }).lines;
    expect(lines.map((l) => [l.program, l.amountRp])).toEqual([
      ['JKK', 168_000],
      ['JKM', 24_000],
    ]);
  });

  it('refuses an end before the start, a duplicate number, a region outside the branch and other roles', async () => {
    await expect(
      registerProject(deps, branch, project('SPK-003/2026', 1_000_000, '2026-05-01', '2026-04-30')),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'endDate' })],
    });
    await expect(
      registerProject(deps, branch, project('SPK-001/2026', 1_000_000, '2026-05-01', '2026-06-30')),
    ).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(
      registerProject(deps, branch, {
        ...project('SPK-004/2026', 1_000_000, '2026-05-01', '2026-06-30'),
        regionCode: '53.71',
      }),
    ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
    const village = await demoActor(deps, 'desa.kewar');
    await expect(
      registerProject(deps, village, project('SPK-005/2026', 1_000_000, '2026-05-01', '2026-06-30')),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('workers added are JAKON participants (JKK, JKM) covered exactly from the start to the end date', async () => {
    await payProjectPremium(deps, branch, 'SPK-001/2026', '2026-11-24');
    await payProjectPremium(deps, branch, 'SPK-002/2026', '2026-11-24');
    const r = await changeProjectWorkers(deps, branch, 'SPK-001/2026', {
      add: [
        { nik: W1, fullName: 'Yohanes Bria', birthDate: '1988-08-08', sex: 'L' },
        { nik: W2, fullName: 'Maria Tae', birthDate: '1992-02-29', sex: 'P' },
      ],
    });
    expect(r).toEqual({ added: 2, removed: 0, unchanged: 0 });
    expect(await history(deps, 'SPK-001/2026')).toEqual([
      [W1, 'active', '2026-03-01'],
      [W1, 'ended', '2026-12-31'],
      [W2, 'active', '2026-03-01'],
      [W2, 'ended', '2026-12-31'],
    ]);
    const shown = await showProject(deps, branch, 'SPK-001/2026');
    expect(shown.project.workers).toBe(2);
    expect(shown.workers.map((w) => [w.nik, w.joinedOn, w.leftOn, w.status])).toEqual([
      [W2, '2026-03-01', '2026-12-31', 'active'],
      [W1, '2026-03-01', '2026-12-31', 'active'],
    ]);
    const pa = await deps.db.query(
      `SELECT DISTINCT segment, programs, funding_source FROM participant WHERE segment = 'JAKON'`,
    );
    expect(pa.rows).toEqual([{ segment: 'JAKON', programs: ['JKK', 'JKM'], funding_source: 'EMPLOYER' }]);
    // Adding the same worker again changes nothing; the same person may work on another project.
    expect(await changeProjectWorkers(deps, branch, 'SPK-001/2026', { add: [{ nik: W1 }] })).toEqual({
      added: 0,
      removed: 0,
      unchanged: 1,
    });
    await changeProjectWorkers(deps, branch, 'SPK-002/2026', { add: [{ nik: W1 }] });
    expect(await history(deps, 'SPK-002/2026')).toEqual([
      [W1, 'active', '2026-05-01'],
      [W1, 'ended', '2026-08-31'],
    ]);
    // The project ended before today (2026-11-24): the participant is already 'ended'.
    const st = await deps.db.query(
      `SELECT pa.status, pa.status_since FROM project_worker w JOIN participant pa ON pa.id = w.participant_id
       JOIN construction_project cp ON cp.id = w.project_id WHERE cp.project_number = 'SPK-002/2026'`,
    );
    expect(st.rows).toEqual([{ status: 'ended', status_since: '2026-08-31' }]);
  });

  it('a worker taken off early is covered until the day given; bad NIKs and dates are refused by field', async () => {
    const r = await changeProjectWorkers(deps, branch, 'SPK-001/2026', {
      remove: [{ nik: W2, leftOn: '2026-11-30' }],
    });
    expect(r).toEqual({ added: 0, removed: 1, unchanged: 0 });
    const shown = await showProject(deps, branch, 'SPK-001/2026');
    expect(shown.workers.find((w) => w.nik === W2)!.leftOn).toBe('2026-11-30');
    expect((await history(deps, 'SPK-001/2026')).filter((h) => h[0] === W2)).toEqual([
      [W2, 'active', '2026-03-01'],
      [W2, 'ended', '2026-12-31'],
      [W2, 'ended', '2026-11-30'],
    ]);
    await expect(
      changeProjectWorkers(deps, branch, 'SPK-001/2026', {
        add: [{ nik: W3, fullName: 'Petrus Seran', birthDate: '1975-10-11', sex: 'L' }],
        remove: [{ nik: W1, leftOn: '2027-01-15' }],
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        expect.objectContaining({ field: 'add.0.nik', code: 'NIK_BIRTH_DATE_MISMATCH' }),
        expect.objectContaining({ field: 'remove.0.leftOn', code: 'DATE_INVALID' }),
      ],
    });
    const village = await demoActor(deps, 'desa.kewar');
    await expect(changeProjectWorkers(deps, village, 'SPK-001/2026', { add: [] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(showProject(deps, branch, 'SPK-999/2026')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
