import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { branchReport } from '../../src/services/reports/branch-report.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolEverySegment, insertPaidClaims } from '../support/report-fixtures.ts';

const REPORT = { regencyCode: '53.04', from: '2026-11-01', to: '2026-11-30' };

describe('branch report computed from the records', () => {
  let deps: Deps;
  let t: TestDb;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolEverySegment(deps);
    await insertPaidClaims(deps, [
      { program: 'JKM', amountRp: 42_000_000, status: 'paid', paidOn: '2026-11-10' },
      { program: 'JKK', amountRp: 3_500_000, status: 'paid', paidOn: '2026-11-30' },
      { program: 'JKK', amountRp: 1_250_000, status: 'paid', paidOn: '2026-11-01' },
      // outside the period, and a failed transfer: not paid in November
      { program: 'JHT', amountRp: 9_000_000, status: 'paid', paidOn: '2026-12-01' },
      { program: 'JKM', amountRp: 20_000_000, status: 'failed', paidOn: '2026-11-15' },
    ]);
  }, 120_000);
  afterAll(async () => t.drop());

  it('counts claims paid in the period by programme, and the participants active on its last day', async () => {
    const r = await branchReport(deps, await demoActor(deps, 'cabang.atambua'), REPORT);
    expect(r).toMatchObject({
      regencyCode: '53.04',
      regencyName: 'KABUPATEN BELU',
      claims: {
        JHT: { count: 0, amountRp: 0 },
        JKM: { count: 1, amountRp: 42_000_000 },
        JKK: { count: 2, amountRp: 4_750_000 },
        JP: { count: 0, amountRp: 0 },
        JKP: { count: 0, amountRp: 0 },
      },
      claimsTotal: { count: 3, amountRp: 46_750_000 },
      benefitsPaidRp: 46_750_000,
      activeParticipants: { formal: 2, informal: 5, construction: 1, total: 8 },
      villageWorkers: 5,
      villagesWithWorkers: 2,
    });
  });

  it('takes the status in force on the last day from the history, not today’s status', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    const october = await branchReport(deps, branch, { ...REPORT, from: '2026-10-01', to: '2026-10-31' });
    expect(october.activeParticipants).toEqual({ formal: 0, informal: 0, construction: 1, total: 1 });
    expect([october.villageWorkers, october.villagesWithWorkers]).toEqual([0, 0]);
    const january = await branchReport(deps, branch, { ...REPORT, from: '2027-01-01', to: '2027-01-31' });
    expect(january.activeParticipants).toEqual({ formal: 2, informal: 5, construction: 0, total: 7 });
    // A back-dated lapse of one village worker (written as the coverage service writes history).
    await deps.db.query(
      `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'lapsed', '2026-12-15', 'test', 'test', '2026-12-20T00:00:00Z'
       FROM participant WHERE segment = 'BPU' AND region_code = '53.04.01.2002' ORDER BY id LIMIT 1`,
    );
    const later = await branchReport(deps, branch, { ...REPORT, from: '2026-12-01', to: '2026-12-31' });
    expect(later.activeParticipants.informal).toBe(4);
    expect([later.villageWorkers, later.villagesWithWorkers]).toEqual([4, 2]);
    const before = await branchReport(deps, branch, { ...REPORT, from: '2026-12-01', to: '2026-12-14' });
    expect(before.activeParticipants.informal).toBe(5);
  });

  it('keeps its running counts equal to a direct count over the status history on every date', async () => {
    const r = await deps.db.query<{ day: string; direct: number; running: number }>(
      `WITH days AS (SELECT d::date AS day FROM generate_series(date '2026-02-27', date '2027-01-02', interval '1 day') d)
       SELECT day,
              (SELECT count(*) FROM (SELECT DISTINCT ON (participant_id) status FROM participant_status
                 WHERE effective_date <= day ORDER BY participant_id, effective_date DESC, id DESC) s
               WHERE s.status = 'active')::int AS direct,
              (SELECT coalesce(sum(delta), 0) FROM participant_count_delta
               WHERE effective_date <= day AND status = 'active')::int AS running
       FROM days`,
    );
    expect(r.rows.filter((x) => x.direct !== x.running)).toEqual([]);
    expect(new Set(r.rows.map((x) => x.direct))).toEqual(new Set([0, 1, 3, 8, 7, 6]));
  });

  it('answers 404 for another regency and for a village operator, 403 without reports.read', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    await expect(branchReport(deps, branch, { ...REPORT, regencyCode: '53.01' })).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    await expect(branchReport(deps, await demoActor(deps, 'desa.kewar'), REPORT)).rejects.toMatchObject({
      code: 'REGION_NOT_FOUND',
    });
    const noRead = { ...branch, permissions: branch.permissions.filter((p) => p !== 'reports.read') };
    await expect(branchReport(deps, noRead, REPORT)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      branchReport(deps, branch, { ...REPORT, from: '2026-12-01', to: '2026-11-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
