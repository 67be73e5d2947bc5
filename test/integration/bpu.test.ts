// BPU mandiri (issue 13 point 1): a self-paying informal worker registered by the village or the
// branch, with a personal payment code; payments cover the next unpaid months, each with its own
// invoice and a balanced ledger; more than 3 unpaid months lapse the membership and a payment
// restarts it; a village operator registers only in their own village. 2025 dates: no relief
// (PP 49/2020 ended January 2021, PP 50/2025 starts 2026).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { payBpu } from '../../src/services/bpu/pay-bpu.ts';
import { type BpuInput, registerBpu } from '../../src/services/bpu/register-bpu.ts';
import { registerBpuFile } from '../../src/services/bpu/register-bpu-file.ts';
import { showBpu } from '../../src/services/bpu/show-bpu.ts';
import { reversePayment } from '../../src/services/reverse-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { updateCoverage } from '../../src/services/update-coverage.ts';
import { demoActor } from '../support/actors.ts';
import { onDay, preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const expectCode = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });

let n = 0;
function worker(extra: Partial<BpuInput> & Pick<BpuInput, 'declaredIncomeRp' | 'frequencyMonths'>): BpuInput {
  n += 1;
  return {
    nik: nikFor({ birthDate: '1980-05-17', sex: 'L', serial: 400 + n }),
    fullName: `Marselinus ${serialName(n)}`,
    birthDate: '1980-05-17',
    sex: 'L',
    occupation: 'Pedagang',
    regionCode: KEWAR,
    ...extra,
  };
}

async function history(deps: Deps, kpj: string) {
  const r = await deps.db.query<{ status: string; effective_date: string }>(
    `SELECT s.status, s.effective_date FROM participant_status s JOIN participant pa ON pa.id = s.participant_id
     WHERE pa.kpj = $1 ORDER BY s.effective_date, s.id`,
    [kpj],
  );
  return r.rows.map((x) => [x.status, x.effective_date]);
}

describe('BPU mandiri: registration, self-payment, lapse and restart', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let kewar: Actor;
  let monthly: { kpj: string; paymentCode: string };
  let quarterly: { kpj: string; paymentCode: string };
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
    kewar = await demoActor(deps, 'desa.kewar');
  });
  afterAll(async () => t.drop());

  it('registers a monthly payer (village) and a 3-month payer (branch) with their first payment', async () => {
    const day = onDay(deps, '2025-01-06');
    const a = await registerBpu(
      day,
      kewar,
      worker({ declaredIncomeRp: 2_000_000, frequencyMonths: 1, jht: true }),
    );
    // PP 44/2015 Lampiran II: JKK 1 % × 2.000.000 = 20.000; Pasal 18: JKM 6.800;
    // PP 46/2015: JHT 2 % × 2.000.000 = 40.000 — Rp 66.800 a month.
    expect(a.firstPayment).toMatchObject({ from: '2025-01', to: '2025-01', totalRp: 66_800 });
    expect(a.registration).toMatchObject({
      status: 'active',
      statusSince: '2025-01-06',
      programs: ['JKK', 'JKM', 'JHT'],
      frequencyMonths: 1,
      collection: 'personal',
      paymentCode: `88${a.registration.kpj}`,
      paidMonths: [],
    });
    monthly = a.registration;
    const b = await registerBpu(day, branch, worker({ declaredIncomeRp: 800_000, frequencyMonths: 3 }));
    // Lampiran II: an income below Rp 1.000.000 pays on the minimum: JKK 10.000 + JKM 6.800 = 16.800,
    // three months ahead Rp 50.400.
    expect(b.firstPayment).toMatchObject({ from: '2025-01', to: '2025-03', totalRp: 50_400 });
    expect(b.registration.programs).toEqual(['JKK', 'JKM']);
    quarterly = b.registration;
  });

  it('a village operator registers only in their own village; one active BPU membership per person', async () => {
    const day = onDay(deps, '2025-01-06');
    await expectCode(
      registerBpu(day, kewar, worker({ declaredIncomeRp: 1_000_000, frequencyMonths: 1, regionCode: FULUR })),
      'REGION_NOT_FOUND',
    );
    const again = worker({ declaredIncomeRp: 1_000_000, frequencyMonths: 1 });
    await expectCode(
      registerBpu(day, kewar, { ...again, nik: (await showBpu(day, branch, monthly.kpj)).registration.nik }),
      'ALREADY_COVERED',
    );
  });

  it('pays by payment code: the months covered, an invoice of its own, a balanced ledger, once per key', async () => {
    const day = onDay(deps, '2025-01-10');
    const pay = { paymentCode: monthly.paymentCode, receivedOn: '2025-01-10', reference: 'TRF-0110-A' };
    const wrong = await payBpu(day, kewar, { ...pay, amountRp: 16_800, idempotencyKey: 'bpu-a-jan-x' }).catch(
      (e: AppError) => e,
    );
    expect(wrong).toMatchObject({ code: 'BPU_AMOUNT_MISMATCH', params: { from: '2025-01', to: '2025-01' } });
    // One month is named once, not as "Januari 2025 – Januari 2025".
    expect((wrong as AppError).localized('id')).toBe(
      'Jumlah pembayaran harus tepat Rp 66.800: iuran 1 bulan, Januari 2025.',
    );
    expect((wrong as AppError).localized('en')).toContain(
      'Rp 66.800: the contribution of 1 month, January 2025.',
    );
    const r = await payBpu(day, kewar, { ...pay, amountRp: 66_800, idempotencyKey: 'bpu-a-jan' });
    expect(r).toMatchObject({ replayed: false, months: { from: '2025-01', to: '2025-01' } });
    expect(r.registration.paidMonths).toEqual(['2025-01']);
    const replay = await payBpu(day, kewar, { ...pay, amountRp: 66_800, idempotencyKey: 'bpu-a-jan' });
    expect(replay).toMatchObject({ replayed: true, paymentId: r.paymentId });
    await expectCode(
      payBpu(day, kewar, { ...pay, reference: 'TRF-OTHER', amountRp: 66_800, idempotencyKey: 'bpu-a-jan' }),
      'IDEMPOTENCY_KEY_REUSED',
    );
    const q = await payBpu(day, branch, {
      paymentCode: quarterly.paymentCode,
      receivedOn: '2025-01-10',
      reference: 'TRF-0110-B',
      amountRp: 50_400,
      idempotencyKey: 'bpu-b-q1',
    });
    expect(q.registration.paidMonths).toEqual(['2025-01', '2025-02', '2025-03']);
    const inv = await deps.db.query<{ kind: string; total_rp: number; lines: number; paid: number }>(
      `SELECT i.kind, i.total_rp, (SELECT count(*)::int FROM invoice_line l WHERE l.invoice_id = i.id) AS lines,
              (SELECT sum(amount_rp)::bigint FROM payment_allocation x WHERE x.invoice_id = i.id) AS paid
       FROM invoice i WHERE i.id = $1`,
      [q.invoice!.id],
    );
    // 3 months × (JKK, JKM): six lines, Rp 50.400, settled by the payment.
    expect(inv.rows[0]).toMatchObject({ kind: 'bpu', total_rp: 50_400, lines: 6, paid: 50_400 });
    const unbalanced = await deps.db.query(
      `SELECT entry_id FROM ledger_line GROUP BY entry_id HAVING sum(amount_rp) <> 0`,
    );
    expect(unbalanced.rows).toEqual([]);
    const receivable = await deps.db.query<{ rp: number }>(
      `SELECT coalesce(sum(amount_rp), 0)::bigint AS rp FROM ledger_line l JOIN participant pa ON pa.payer_id = l.payer_id
       WHERE l.account = 'receivable' AND pa.kpj = ANY($1)`,
      [[monthly.kpj, quarterly.kpj]],
    );
    expect(receivable.rows[0]!.rp).toBe(0);
    const audit = await deps.db.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'bpu.%' GROUP BY action ORDER BY action`,
    );
    expect(audit.rows).toEqual([
      { action: 'bpu.pay', n: 2 },
      { action: 'bpu.register', n: 2 },
    ]);
  });

  it('3 unpaid months keep the membership; the 4th lapses it (Perdir 22/PERDIR.02/072022)', async () => {
    const april = await updateCoverage(onDay(deps, '2025-04-20'), branch, {
      regencyCode: '53.04',
      asOf: '2025-04-20',
    });
    // Monthly payer: February, March, April unpaid (3). Quarterly payer: April unpaid (1).
    expect(april).toMatchObject({ lapsed: 0, resumed: 0, arrearsMonthsMax: 3 });
    const may = await updateCoverage(onDay(deps, '2025-05-20'), branch, {
      regencyCode: '53.04',
      asOf: '2025-05-20',
    });
    // May's iuran was due 15 May 2025: the 4th unpaid month of the monthly payer, lapsed from 16 May.
    expect(may).toMatchObject({ lapsed: 1, resumed: 0 });
    expect(await history(deps, monthly.kpj)).toEqual([
      ['active', '2025-01-06'],
      ['lapsed', '2025-05-16'],
    ]);
    expect((await showBpu(onDay(deps, '2025-05-20'), branch, quarterly.kpj)).registration.status).toBe(
      'active',
    );
  });

  it('a lapsed member restarts by paying, from the month of payment', async () => {
    const day = onDay(deps, '2025-06-03');
    const shown = await showBpu(day, kewar, monthly.paymentCode);
    expect(shown).toMatchObject({
      registration: { status: 'lapsed' },
      nextPayment: { from: '2025-06', to: '2025-06', amountRp: 66_800 },
    });
    const r = await payBpu(day, kewar, {
      paymentCode: monthly.paymentCode,
      receivedOn: '2025-06-03',
      reference: 'TRF-0603-A',
      amountRp: 66_800,
      idempotencyKey: 'bpu-a-jun',
    });
    expect(r.registration).toMatchObject({ status: 'active', paidMonths: ['2025-01', '2025-06'] });
    expect(await history(deps, monthly.kpj)).toEqual([
      ['active', '2025-01-06'],
      ['lapsed', '2025-05-16'],
      ['active', '2025-06-03'],
    ]);
    // The coverage update neither lapses June's payer again nor counts the restart twice.
    const june = await updateCoverage(onDay(deps, '2025-06-20'), branch, {
      regencyCode: '53.04',
      asOf: '2025-06-20',
    });
    expect(june).toMatchObject({ lapsed: 0, resumed: 0 });
  });

  it('an agent-collected member is billed to the agent by the monthly run; personal payers are not', async () => {
    const day = onDay(deps, '2025-06-20');
    const c = await registerBpu(
      day,
      kewar,
      worker({ declaredIncomeRp: 1_500_000, frequencyMonths: 1, agentName: 'Perisai Desa Kewar' }),
    );
    expect(c.registration).toMatchObject({ collection: 'agent', agentName: 'Perisai Desa Kewar' });
    await expectCode(
      payBpu(day, kewar, {
        paymentCode: c.registration.paymentCode,
        receivedOn: '2025-06-20',
        reference: 'TRF-0620-C',
        amountRp: 21_800,
        idempotencyKey: 'bpu-c-jun',
      }),
      'BPU_COLLECTED_BY_AGENT',
    );
    await runBilling(onDay(deps, '2025-07-01'), branch, { regencyCode: '53.04', period: '2025-06' });
    const billed = await deps.db.query<{ kpj: string; payer: string; rp: number }>(
      `SELECT pa.kpj, p.name AS payer, sum(l.amount_rp)::bigint AS rp
       FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id JOIN participant pa ON pa.id = l.participant_id
       JOIN payer p ON p.id = i.payer_id WHERE i.billing_run_id IS NOT NULL GROUP BY pa.kpj, p.name`,
    );
    // Lampiran II: JKK 1 % × 1.500.000 = 15.000 + JKM 6.800 = Rp 21.800, to the agent's payer.
    expect(billed.rows).toEqual([{ kpj: c.registration.kpj, payer: 'Perisai Desa Kewar', rp: 21_800 }]);
  });

  it('registers a file of workers in one go, or none of them when a row is wrong', async () => {
    const day = onDay(deps, '2025-07-01');
    const row = (serial: number, village: string, extra = '') =>
      `${nikFor({ birthDate: '1990-02-03', sex: 'P', serial })},Maria ${serialName(serial)},1990-02-03,P,Penenun,Desa Kewar,${village},1.000.000,${extra || 'tidak,1,'}`;
    const header =
      'nik,nama,tanggal_lahir,jenis_kelamin,pekerjaan,alamat,kode_desa,penghasilan,jht,frekuensi,mulai';
    const bad = [
      header,
      row(601, KEWAR),
      row(601, KEWAR),
      row(602, FULUR),
      row(603, KEWAR, 'tidak,1,2024-01-01'),
    ];
    const refused = await registerBpuFile(day, kewar, { regionCode: KEWAR, csv: bad.join('\n') }).catch(
      (e) => e,
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'row 3: nik DUPLICATE_IN_FILE',
      'row 4: kode_desa REGION_NOT_FOUND',
      // A village registers from today: no cover dated back.
      'row 5: mulai VALIDATION_FAILED',
    ]);
    const good = [header, row(611, KEWAR), row(612, KEWAR, 'ya,3,')];
    const r = await registerBpuFile(day, kewar, {
      regionCode: KEWAR,
      csv: good.join('\n'),
      agentName: 'Perisai Desa Kewar',
    });
    expect(r.registered).toBe(2);
    const shown = await showBpu(day, kewar, r.participants[1]!.paymentCode);
    // Lampiran II and PP 46/2015: JKK 10.000 + JKM 6.800 + JHT 20.000 = 36.800 a month; 3 months Rp 110.400.
    expect(shown).toMatchObject({
      registration: {
        collection: 'agent',
        frequencyMonths: 3,
        programs: ['JKK', 'JKM', 'JHT'],
        statusSince: '2025-07-01',
      },
      nextPayment: { from: '2025-07', to: '2025-09', amountRp: 110_400 },
    });
    const files = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'bpu.register_file'`,
    );
    expect(files.rows[0]!.n).toBe(1);
  });
});

describe('BPU mandiri: a reversed payment leaves its months owed, and the next payment covers them first', () => {
  let deps: Deps;
  let t: TestDb;
  let branch: Actor;
  let supervisor: Actor;
  const members: Record<
    'again' | 'partly' | 'gone',
    { kpj: string; paymentCode: string; paymentId: number }
  > = {} as never;
  // Lampiran II PP 44/2015: JKK 1 % × Rp 1.000.000 = 10.000; Pasal 18: JKM 6.800 — Rp 16.800 a month,
  // three months Rp 50.400.
  const MONTH_RP = 16_800;
  const QUARTER_RP = 50_400;
  const pay = (who: keyof typeof members, day: string, amountRp: number, extra: { months?: number } = {}) =>
    payBpu(onDay(deps, day), branch, {
      paymentCode: members[who].paymentCode,
      receivedOn: day,
      reference: `TRF-${who}-${day}`,
      amountRp,
      idempotencyKey: `bpu-${who}-${day}`,
      ...extra,
    });
  const invoicesOf = async (kpj: string) =>
    (
      await deps.db.query<{ total_rp: number; open_rp: number }>(
        `SELECT i.total_rp, i.total_rp - coalesce((SELECT sum(x.amount_rp) FROM payment_allocation x
                                                   WHERE x.invoice_id = i.id), 0)::bigint AS open_rp
         FROM invoice i JOIN participant pa ON pa.payer_id = i.payer_id WHERE pa.kpj = $1 ORDER BY i.id`,
        [kpj],
      )
    ).rows;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    branch = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
  });
  afterAll(async () => t.drop());

  it('three members pay January–March; their payments are reversed: the months are unpaid again', async () => {
    for (const who of ['again', 'partly', 'gone'] as const) {
      const r = await registerBpu(
        onDay(deps, '2025-01-06'),
        branch,
        worker({ declaredIncomeRp: 1_000_000, frequencyMonths: 3 }),
      );
      members[who] = { ...r.registration, paymentId: 0 };
      const paid = await pay(who, '2025-01-10', QUARTER_RP);
      expect(paid.months).toEqual({ from: '2025-01', to: '2025-03' });
      members[who].paymentId = paid.paymentId;
    }
    for (const who of ['again', 'partly', 'gone'] as const)
      await reversePayment(
        onDay(deps, '2025-02-03'),
        supervisor,
        members[who].paymentId,
        'transfer returned by the bank',
      );
    const shown = await showBpu(onDay(deps, '2025-02-03'), branch, members.again.paymentCode);
    expect(shown).toMatchObject({
      registration: { paidMonths: [] },
      nextPayment: { from: '2025-01', to: '2025-03', amountRp: QUARTER_RP },
    });
    expect(await invoicesOf(members.again.kpj)).toEqual([{ total_rp: QUARTER_RP, open_rp: QUARTER_RP }]);
  });

  it('the next payment re-covers the same three months on their own invoice, not April–June', async () => {
    const r = await pay('again', '2025-02-05', QUARTER_RP);
    expect(r).toMatchObject({ replayed: false, months: { from: '2025-01', to: '2025-03' } });
    expect(r.invoice).toBeUndefined();
    expect(r.registration.paidMonths).toEqual(['2025-01', '2025-02', '2025-03']);
    // One invoice, settled again: no second bill for the same months.
    expect(await invoicesOf(members.again.kpj)).toEqual([{ total_rp: QUARTER_RP, open_rp: 0 }]);
    const later = await pay('again', '2025-03-20', QUARTER_RP);
    expect(later.months).toEqual({ from: '2025-04', to: '2025-06' });
    expect(later.registration.paidMonths).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(await invoicesOf(members.again.kpj)).toEqual([
      { total_rp: QUARTER_RP, open_rp: 0 },
      { total_rp: QUARTER_RP, open_rp: 0 },
    ]);
  });

  it('a shorter payment re-covers the earliest months; the next one the rest, then a new month', async () => {
    const one = await pay('partly', '2025-02-05', MONTH_RP, { months: 1 });
    expect(one.months).toEqual({ from: '2025-01', to: '2025-01' });
    expect(one.registration.paidMonths).toEqual(['2025-01']);
    // February and March still owed (2 × 16.800 = 33.600) and April new (16.800): Rp 50.400.
    const wrong = await pay('partly', '2025-03-20', 2 * MONTH_RP).catch((e: AppError) => e);
    expect(wrong).toBeInstanceOf(AppError);
    const mismatch = wrong as AppError;
    // The amount and the months in words; the raw values stay in params for API clients.
    expect(mismatch).toMatchObject({
      code: 'BPU_AMOUNT_MISMATCH',
      params: { months: 3, from: '2025-02', to: '2025-04', expectedRp: 3 * MONTH_RP },
    });
    expect(mismatch.localized('id')).toBe(
      'Jumlah pembayaran harus tepat Rp 50.400: iuran 3 bulan, Februari 2025 – April 2025.',
    );
    expect(mismatch.localized('en')).toBe(
      'The payment must be exactly Rp 50.400: the contribution of 3 months, February 2025 – April 2025.',
    );
    const rest = await pay('partly', '2025-03-21', 2 * MONTH_RP + MONTH_RP);
    expect(rest.months).toEqual({ from: '2025-02', to: '2025-04' });
    expect(rest.invoice).toMatchObject({ totalRp: MONTH_RP });
    expect(rest.registration.paidMonths).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(await invoicesOf(members.partly.kpj)).toEqual([
      { total_rp: QUARTER_RP, open_rp: 0 },
      { total_rp: MONTH_RP, open_rp: 0 },
    ]);
  });

  it('the lapse rule counts reversed months as unpaid; the ledger stays balanced', async () => {
    const april = await updateCoverage(onDay(deps, '2025-04-20'), branch, {
      regencyCode: '53.04',
      asOf: '2025-04-20',
    });
    // The reversed member: January–March (reversed) and April (due 15 April) unpaid — 4 > 3 months,
    // lapsed from 16 April. The other two paid through April or later.
    expect(april).toMatchObject({ lapsed: 1, resumed: 0 });
    expect(await history(deps, members.gone.kpj)).toEqual([
      ['active', '2025-01-06'],
      ['lapsed', '2025-04-16'],
    ]);
    const unbalanced = await deps.db.query(
      `SELECT entry_id FROM ledger_line GROUP BY entry_id HAVING sum(amount_rp) <> 0`,
    );
    expect(unbalanced.rows).toEqual([]);
    const reversals = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.reverse'`,
    );
    expect(reversals.rows[0]!.n).toBe(3);
  });
});
