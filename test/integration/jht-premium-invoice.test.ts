import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { payBpu } from '../../src/services/bpu/pay-bpu.ts';
import { registerBpu } from '../../src/services/bpu/register-bpu.ts';
import { creditJhtContributions } from '../../src/services/jht/index.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { onDay, preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

// The credit run reads a run's invoice in its period's partition only, and any other invoice (here
// a self-paying BPU member's premium for three months, no run's) in every month its lines may be
// in (src/db/jht.ts). PP 46/2015: JHT 2 % × Rp 2.000.000 = 40.000 a month; PP 44/2015 Lampiran II:
// JKK 1 % = 20.000; Pasal 18: JKM 6.800 — Rp 66.800 a month, Rp 200.400 a quarter.
const JHT_RP = 40_000;
const QUARTER_RP = 3 * 66_800;

describe('JHT credit: a premium invoice of no run, with lines of three months', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let kpj: string;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
    const r = await registerBpu(onDay(deps, '2025-01-06'), branch, {
      nik: nikFor({ birthDate: '1982-02-11', sex: 'P', serial: 701 }),
      fullName: `Maria ${serialName(701)}`,
      birthDate: '1982-02-11',
      sex: 'P',
      occupation: 'Penenun',
      regionCode: '53.04.01.2001',
      declaredIncomeRp: 2_000_000,
      frequencyMonths: 3,
      jht: true,
    });
    kpj = r.registration.kpj;
    const paid = await payBpu(onDay(deps, '2025-01-10'), branch, {
      paymentCode: r.registration.paymentCode,
      receivedOn: '2025-01-10',
      reference: 'TRF-JHT-Q1',
      amountRp: QUARTER_RP,
      idempotencyKey: 'jht-premium-q1',
    });
    expect(paid.months).toEqual({ from: '2025-01', to: '2025-03' });
  });
  afterAll(async () => t.drop());

  const entries = async () =>
    (
      await deps.db.query<{ period: string; amount_rp: number; effective_date: string }>(
        `SELECT e.period, e.amount_rp, e.effective_date FROM jht_entry e JOIN participant pa ON pa.id = e.participant_id
         WHERE pa.kpj = $1 AND e.kind = 'contribution' ORDER BY e.period`,
        [kpj],
      )
    ).rows;

  it('credits each month’s JHT share of the paid invoice once, dated the day it was received', async () => {
    // A run of a later month first: its invoices are read in that month's partition, and the
    // premium invoice's lines stay found in theirs.
    await runBilling(onDay(deps, '2025-04-01'), branch, { regencyCode: '53.04', period: '2025-04' });
    const r = await creditJhtContributions(onDay(deps, '2025-04-02'), branch, { regencyCode: '53.04' });
    expect(r).toEqual({ entries: 3, participants: 1, amountRp: 3 * JHT_RP });
    expect(await entries()).toEqual([
      { period: '2025-01', amount_rp: JHT_RP, effective_date: '2025-01-10' },
      { period: '2025-02', amount_rp: JHT_RP, effective_date: '2025-01-10' },
      { period: '2025-03', amount_rp: JHT_RP, effective_date: '2025-01-10' },
    ]);
    expect(await creditJhtContributions(onDay(deps, '2025-04-02'), branch, { regencyCode: '53.04' })).toEqual(
      {
        entries: 0,
        participants: 0,
        amountRp: 0,
      },
    );
  });
});
