import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { participantCardPdf } from '../../src/services/membership-card.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { verifyMembership } from '../../src/services/verify-membership.ts';
import { demoActor } from '../support/actors.ts';
import { insertApprovedClaim } from '../support/approved-claim.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { payApprovedClaims } from '../support/pay-claims.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
// PP 44/2015 jo PP 82/2019: a village BPU worker costs JKK Rp 10,000 + JKM Rp 6,800 a month.
const MONTH_RP = 16_800;

// Issue 12, point 1: a paid death claim ends every membership of the person from the death date,
// by itself, in the bank-result transaction; billing, the counts, the public check and the card follow.
describe('a paid JKM ends the membership', () => {
  let deps: Deps;
  let t: TestDb;
  let officer: Actor;
  let supervisor: Actor;
  let district: Actor;
  let dead: { id: number; kpj: string; personId: number };
  let selfPaidKpj: string;

  const kewar = async (asOf: string) => {
    const d = await districtDashboard(deps, district, { regencyCode: '53.04', asOf });
    return d.areas.find((a) => a.code === KEWAR)!.byStatus;
  };

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    // Enrolled (active) on the test clock's day, 2026-11-24.
    await enrolActive(deps, KEWAR, 10, { serialStart: 1 });
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    officer = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    district = await demoActor(deps, 'dinas.belu');
    dead = (
      await deps.db.query<{ id: number; kpj: string; personId: number }>(
        `SELECT id, kpj, person_id AS "personId" FROM participant WHERE region_code = $1 ORDER BY id LIMIT 1`,
        [KEWAR],
      )
    ).rows[0]!;
    // The same person once paid for themself (self-paid BPU, lapsed since September): a second
    // membership, which one person may hold beside an active one only when it is not active.
    selfPaidKpj = (
      await deps.db.query<{ kpj: string }>(
        `WITH pa AS (
           INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code,
             regency_code, status, status_since, created_at)
           SELECT next_kpj(2025), person_id, 'BPU', ARRAY['JKK', 'JKM'], 'SELF', payer_id, region_code,
                  regency_code, 'lapsed', date '2026-09-01', timestamptz '2025-06-01T01:00:00Z'
           FROM participant WHERE id = $1 RETURNING id, kpj, regency_code),
         st AS (
           INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
           SELECT id, regency_code, s.status, s.on_date, 'test: self-paid BPU', 'test', timestamptz '2026-09-01T01:00:00Z'
           FROM pa, (VALUES ('active', date '2025-06-01'), ('lapsed', date '2026-09-01')) AS s (status, on_date))
         SELECT kpj FROM pa`,
        [dead.id],
      )
    ).rows[0]!.kpj;
  });
  afterAll(async () => t.drop());

  it('before the death: December bills 20 workers, Kewar counts 10 active and 1 lapsed', async () => {
    const r = await runBilling(notBefore(deps, '2026-12-01'), officer, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    expect(r).toMatchObject({ participants: 20, totalRp: 20 * MONTH_RP });
    expect(await kewar('2026-12-19')).toMatchObject({ active: 10, lapsed: 1, ended: 0 });
    expect((await verifyMembership(deps, dead.kpj)).status).toBe('active');
  });

  it('the JKM paid in January ends both memberships from the death date, with its change rows and audit', async () => {
    deps = { db: deps.db, clock: fixedClock('2027-01-05T02:00:00.000Z') };
    await insertApprovedClaim(deps.db, dead.id, {
      program: 'JKM',
      kind: 'kematian',
      eventDate: '2026-12-20',
      amountRp: 42_000_000,
    });
    expect(await payApprovedClaims(deps, { officer, supervisor }, '53.04', '2027-01-04')).toMatchObject({
      paid: 1,
    });
    const rows = await deps.db.query<{ segment: string; status: string; since: string }>(
      `SELECT segment, status, status_since::text AS since FROM participant WHERE person_id = $1 ORDER BY id`,
      [dead.personId],
    );
    expect(rows.rows).toEqual([
      { segment: 'BPU', status: 'ended', since: '2026-12-20' },
      { segment: 'BPU', status: 'ended', since: '2026-12-20' },
    ]);
    const changes = await deps.db.query(
      `SELECT kind, reason, effective_date::text AS date, state, status_before, status_after
       FROM membership_change WHERE participant_id IN (SELECT id FROM participant WHERE person_id = $1)
       ORDER BY participant_id`,
      [dead.personId],
    );
    const death = {
      kind: 'exit',
      reason: 'death',
      date: '2026-12-20',
      state: 'applied',
      status_before: 'active',
      status_after: 'ended',
    };
    // One change row for each of the person's two memberships (village-funded, self-paid).
    expect(changes.rows).toEqual([death, { ...death, status_before: 'lapsed' }]);
    const audit = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'membership.end'`,
    );
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('the counts drop on the death date: Kewar 10 active and 1 lapsed → 9 active, 2 ended', async () => {
    expect(await kewar('2026-12-19')).toMatchObject({ active: 10, lapsed: 1, ended: 0 });
    expect(await kewar('2026-12-20')).toMatchObject({ active: 9, ended: 2 });
  });

  it('January bills 19 workers: Kewar 9, Fulur 10', async () => {
    const r = await runBilling(deps, officer, { regencyCode: '53.04', period: '2027-01' });
    expect(r).toMatchObject({ participants: 19, totalRp: 19 * MONTH_RP });
    expect(r.invoices.map((i) => [i.payerName, i.totalRp])).toEqual([
      ['Pemerintah Desa Kewar', 9 * MONTH_RP],
      ['Pemerintah Desa Fulur', 10 * MONTH_RP],
    ]);
  });

  it('the public check says ended and the card is not printed', async () => {
    expect(await verifyMembership(deps, dead.kpj)).toMatchObject({ status: 'ended' });
    expect(await verifyMembership(deps, selfPaidKpj)).toMatchObject({ status: 'ended' });
    await expect(participantCardPdf(deps, officer, dead.kpj)).rejects.toMatchObject({
      code: 'PARTICIPANT_NOT_ACTIVE',
    });
  });

  it('a paid full JHT at retirement age ends that membership only; a partial JHT ends nothing', async () => {
    const [partial, full] = (
      await deps.db.query<{ id: number }>(
        `SELECT id FROM participant WHERE region_code = $1 AND status = 'active' ORDER BY id LIMIT 2`,
        [FULUR],
      )
    ).rows.map((r) => r.id);
    // JHT balances are the subject of jht.test.ts: here each account holds what its claim pays.
    for (const id of [partial!, full!])
      await deps.db.query(
        `INSERT INTO jht_entry (participant_id, regency_code, kind, amount_rp, effective_date, year, source, actor, at)
         SELECT id, regency_code, 'opening', 1000000, date '2026-12-01', 2026, 'test', 'test',
                timestamptz '2027-01-05T02:00:00Z'
         FROM participant WHERE id = $1`,
        [id],
      );
    await insertApprovedClaim(deps.db, partial!, { program: 'JHT', kind: 'sebagian_10', amountRp: 100_000 });
    const claim = await insertApprovedClaim(deps.db, full!, {
      program: 'JHT',
      kind: 'penuh',
      eventDate: '2027-01-02',
      amountRp: 1_000_000,
    });
    await deps.db.query(`UPDATE claim SET event_detail = '{"reason": "retirement_age"}' WHERE id = $1`, [
      claim.id,
    ]);
    expect(await payApprovedClaims(deps, { officer, supervisor }, '53.04', '2027-01-05')).toMatchObject({
      paid: 2,
    });
    const st = await deps.db.query<{ id: number; status: string; since: string }>(
      `SELECT id, status, status_since::text AS since FROM participant WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[partial, full]],
    );
    expect(st.rows).toEqual([
      { id: partial, status: 'active', since: '2026-11-24' },
      { id: full, status: 'ended', since: '2027-01-02' },
    ]);
    const ch = await deps.db.query(
      `SELECT reason, effective_date::text AS date FROM membership_change WHERE participant_id = $1`,
      [full],
    );
    expect(ch.rows).toEqual([{ reason: 'retirement_age', date: '2027-01-02' }]);
  });
});
