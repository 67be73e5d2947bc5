import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { closePeriod } from '../../src/services/close-period.ts';
import {
  applyMembershipChange,
  listMembershipChanges,
  proposeMembershipChange,
  rejectMembershipChange,
  verifyMembershipChange,
} from '../../src/services/membership/index.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const MONTH_RP = 16_800;

// Issue 12, point 1: the village operator proposes exits and moves of their own workers, the
// district verifies, the branch applies; a move carries the worker and the counts to the
// receiving village, an exit ends the membership.
describe('village exits and moves: propose → verify → apply', () => {
  let deps: Deps;
  let t: TestDb;
  let kewarOp: Actor;
  let fulurOp: Actor;
  let district: Actor;
  let branch: Actor;
  let kpjs: string[];
  let moveId: number;

  const active = async (asOf: string) => {
    const d = await districtDashboard(deps, district, { regencyCode: '53.04', asOf });
    const of = (code: string) => d.areas.find((a) => a.code === code)!.byStatus;
    return { kewar: of(KEWAR), fulur: of(FULUR) };
  };
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'no error',
      (e: { code?: string }) => e.code,
    );

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    deps = { db: deps.db, clock: fixedClock('2026-12-10T02:00:00.000Z') };
    kewarOp = await demoActor(deps, 'desa.kewar');
    fulurOp = await demoActor(deps, 'desa.fulur');
    district = await demoActor(deps, 'dinas.belu');
    branch = await demoActor(deps, 'cabang.atambua');
    kpjs = (
      await deps.db.query<{ kpj: string }>(`SELECT kpj FROM participant WHERE region_code = $1 ORDER BY id`, [
        KEWAR,
      ])
    ).rows.map((r) => r.kpj);
  });
  afterAll(async () => t.drop());

  // Refused proposals of a move of Kewar's first worker, before anything changed. Today is
  // 2026-12-10 (WITA); the worker was enrolled 2026-11-24.
  const refusedProposals: {
    why: string;
    by: () => Actor;
    change: { reason?: 'death'; effectiveDate?: string; toVillageCode?: string };
    code: string;
  }[] = [
    { why: 'another village (404)', by: () => fulurOp, change: {}, code: 'NOT_FOUND' },
    { why: 'the district', by: () => district, change: {}, code: 'FORBIDDEN' },
    {
      why: 'a reason that is not a move’s',
      by: () => kewarOp,
      change: { reason: 'death' },
      code: 'MEMBERSHIP_CHANGE_REASON',
    },
    {
      why: 'dated after today',
      by: () => kewarOp,
      change: { effectiveDate: '2026-12-11' },
      code: 'DATE_IN_FUTURE',
    },
    {
      why: 'dated before the last status change',
      by: () => kewarOp,
      change: { effectiveDate: '2026-11-23' },
      code: 'MEMBERSHIP_CHANGE_DATE',
    },
    {
      why: 'a move to its own village',
      by: () => kewarOp,
      change: { toVillageCode: KEWAR },
      code: 'MEMBERSHIP_MOVE_VILLAGE',
    },
    {
      // A village of another regency (Malaka, 53.05) is not a village this move can reach.
      why: 'a move to another regency',
      by: () => kewarOp,
      change: { toVillageCode: '53.05.01.2001' },
      code: 'MEMBERSHIP_MOVE_VILLAGE',
    },
  ];
  it.each(refusedProposals)('refuses a proposal: $why ($code)', async ({ by, change, code: expected }) => {
    const move = {
      kpj: kpjs[0]!,
      kind: 'move' as const,
      reason: 'moved_away' as const,
      effectiveDate: '2026-12-05',
      toVillageCode: FULUR,
      note: 'pindah ke Fulur',
    };
    expect(await code(proposeMembershipChange(deps, by(), { ...move, ...change }))).toBe(expected);
  });

  it('a move: proposed by Kewar, verified by the district, applied by the branch — never out of order', async () => {
    const p = await proposeMembershipChange(deps, kewarOp, {
      kpj: kpjs[0]!,
      kind: 'move',
      reason: 'moved_away',
      effectiveDate: '2026-12-05',
      toVillageCode: FULUR,
      note: 'menikah, pindah ke Fulur',
    });
    moveId = p.id;
    expect(
      await code(
        proposeMembershipChange(deps, kewarOp, {
          kpj: kpjs[0]!,
          kind: 'exit',
          reason: 'left_programme',
          effectiveDate: '2026-12-06',
          note: 'x',
        }),
      ),
    ).toBe('MEMBERSHIP_CHANGE_OPEN');
    expect(await code(applyMembershipChange(deps, kewarOp, moveId))).toBe('FORBIDDEN');
    expect(await code(verifyMembershipChange(deps, kewarOp, moveId))).toBe('FORBIDDEN');
    expect(await code(applyMembershipChange(deps, branch, moveId))).toBe('MEMBERSHIP_CHANGE_STATE');
    expect(await verifyMembershipChange(deps, district, moveId)).toMatchObject({
      state: 'verified',
      verifiedBy: 'dinas.belu',
    });
    expect(await code(applyMembershipChange(deps, district, moveId))).toBe('FORBIDDEN');
    expect(await applyMembershipChange(deps, branch, moveId)).toMatchObject({
      state: 'applied',
      regionBefore: KEWAR,
      regionAfter: FULUR,
      statusBefore: 'active',
      statusAfter: 'active',
    });
    const pa = await deps.db.query<{ region: string; payer: string; home: string }>(
      `SELECT pa.region_code AS region, pay.name AS payer, p.region_code AS home
       FROM participant pa JOIN payer pay ON pay.id = pa.payer_id JOIN person p ON p.id = pa.person_id WHERE pa.kpj = $1`,
      [kpjs[0]],
    );
    expect(pa.rows).toEqual([{ region: FULUR, payer: 'Pemerintah Desa Fulur', home: FULUR }]);
  });

  it('the move shifts the counts on its date: Kewar 10 → 9, Fulur 10 → 11', async () => {
    expect(await active('2026-12-04')).toMatchObject({ kewar: { active: 10 }, fulur: { active: 10 } });
    expect(await active('2026-12-05')).toMatchObject({ kewar: { active: 9 }, fulur: { active: 11 } });
  });

  it('the moved worker is Fulur’s now: Kewar answers 404, Fulur sees the change', async () => {
    expect(
      await code(
        proposeMembershipChange(deps, kewarOp, {
          kpj: kpjs[0]!,
          kind: 'exit',
          reason: 'left_programme',
          effectiveDate: '2026-12-06',
          note: 'x',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect((await listMembershipChanges(deps, fulurOp)).map((c) => c.id)).toEqual([moveId]);
  });

  it('an exit ends the membership; a rejected proposal changes nothing', async () => {
    const exit = await proposeMembershipChange(deps, kewarOp, {
      kpj: kpjs[1]!,
      kind: 'exit',
      reason: 'left_programme',
      effectiveDate: '2026-12-08',
      note: 'merantau ke luar negeri',
    });
    const refused = await proposeMembershipChange(deps, kewarOp, {
      kpj: kpjs[2]!,
      kind: 'exit',
      reason: 'data_error',
      effectiveDate: '2026-12-08',
      note: 'salah input',
    });
    expect(await rejectMembershipChange(deps, district, refused.id, 'data benar menurut KTP')).toMatchObject({
      state: 'rejected',
      rejectReason: 'data benar menurut KTP',
    });
    await verifyMembershipChange(deps, district, exit.id);
    await applyMembershipChange(deps, branch, exit.id);
    const st = await deps.db.query<{ kpj: string; status: string }>(
      `SELECT kpj, status FROM participant WHERE kpj = ANY($1::text[]) ORDER BY kpj`,
      [[kpjs[1], kpjs[2]]],
    );
    expect(st.rows.map((r) => r.status)).toEqual(['ended', 'active']);
    expect(await active('2026-12-08')).toMatchObject({
      kewar: { active: 8, ended: 1 },
      fulur: { active: 11 },
    });
    expect(
      await code(
        proposeMembershipChange(deps, kewarOp, {
          kpj: kpjs[1]!,
          kind: 'exit',
          reason: 'death',
          effectiveDate: '2026-12-09',
          note: 'x',
        }),
      ),
    ).toBe('MEMBERSHIP_ENDED');
    const audit = await deps.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity = 'membership_change' GROUP BY action ORDER BY action`,
    );
    expect(audit.rows).toEqual([
      { action: 'membership.apply', n: 2 },
      { action: 'membership.propose', n: 3 },
      { action: 'membership.reject', n: 1 },
      { action: 'membership.verify', n: 2 },
    ]);
  });

  it('December bills Kewar 8 and Fulur 11 workers', async () => {
    const r = await runBilling(deps, branch, { regencyCode: '53.04', period: '2026-12' });
    expect(r.invoices.map((i) => [i.payerName, i.totalRp])).toEqual([
      ['Pemerintah Desa Kewar', 8 * MONTH_RP],
      ['Pemerintah Desa Fulur', 11 * MONTH_RP],
    ]);
  });
});

// A closed month never moves (docs/periods.md): a move writes the village counts on its own date,
// so a change dated into a closed month is refused, at the proposal and again at the apply.
describe('exits and moves dated into a closed month', () => {
  let deps: Deps;
  let t: TestDb;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
    deps = { db: deps.db, clock: fixedClock('2026-12-10T02:00:00.000Z') };
  });
  afterAll(async () => t.drop());

  it('refuses a proposal dated into a closed month, and an apply once its month has closed', async () => {
    const kewarOp = await demoActor(deps, 'desa.kewar');
    const district = await demoActor(deps, 'dinas.belu');
    const branch = await demoActor(deps, 'cabang.atambua');
    const supervisor = await demoActor(deps, 'supervisor.atambua');
    const [first, second] = (
      await deps.db.query<{ kpj: string }>(`SELECT kpj FROM participant WHERE region_code = $1 ORDER BY id`, [
        KEWAR,
      ])
    ).rows.map((r) => r.kpj);
    const move = {
      kind: 'move' as const,
      reason: 'moved_away' as const,
      note: 'pindah ke Fulur',
      toVillageCode: FULUR,
    };
    // Proposed and verified while November is open, applied after it closed.
    const early = await proposeMembershipChange(deps, kewarOp, {
      ...move,
      kpj: first!,
      effectiveDate: '2026-11-28',
    });
    await verifyMembershipChange(deps, district, early.id);
    const before = await districtDashboard(deps, district, { regencyCode: '53.04', asOf: '2026-11-30' });
    await closePeriod(deps, supervisor, { regencyCode: '53.04', period: '2026-11' });
    await expect(applyMembershipChange(deps, branch, early.id)).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
    });
    await expect(
      proposeMembershipChange(deps, kewarOp, { ...move, kpj: second!, effectiveDate: '2026-11-29' }),
    ).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
    // November's counts are as they were; a move from the first open day goes through.
    expect(await districtDashboard(deps, district, { regencyCode: '53.04', asOf: '2026-11-30' })).toEqual(
      before,
    );
    const now = await proposeMembershipChange(deps, kewarOp, {
      ...move,
      kpj: second!,
      effectiveDate: '2026-12-01',
    });
    await verifyMembershipChange(deps, district, now.id);
    await expect(applyMembershipChange(deps, branch, now.id)).resolves.toMatchObject({ state: 'applied' });
  });
});
