// Late fees of PU employers: on contribution lines only, per programme, never on an earlier late
// fee (fact sheet §2.5: 2% per month late of the contribution due — JKK and JKM PP 44/2015, JHT
// PP 46/2015, JP PP 45/2015); and a due date that falls on a national holiday rolls to the next
// working day (SKB 3 Menteri 2026: 17 August); and a PP 49/2020 month is due on the 30th with 0.5 % a month.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueEmployerInvoices } from '../../src/db/late-fees.ts';
import type { Deps } from '../../src/services/actor.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { importWageReport } from '../../src/services/import-wage-report.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { serialName } from '../support/names.ts';

// One worker, wage Rp5,000,000, risk group I (konveksi): JKK 0.24% = 12,000, JKM 0.30% = 15,000
// (PP 44/2015), JHT 3.7% + 2% = 285,000 (PP 46/2015), JP 2% + 1% = 150,000 (PP 45/2015).
const MONTH = 12_000 + 15_000 + 285_000 + 150_000; // 462,000

async function setUp(deps: Deps, npp: string, serial: number, startDate: string) {
  const branch = await demoActor(deps, 'cabang.atambua');
  await registerEmployer(deps, branch, {
    npp,
    name: `CV Denda ${serial}`,
    businessTypeCode: 'konveksi',
    scale: 'medium',
    regionCode: '53.04.12.1001',
  });
  const birthDate = '1990-05-0' + String(serial);
  await registerEmployee(deps, branch, npp, {
    nik: nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 40 + serial }),
    fullName: `Pekerja Denda ${serialName(serial)}`,
    birthDate,
    sex: 'L',
    startDate,
    wageRp: 5_000_000,
  });
}

const lateFeeLines = async (deps: Deps) =>
  (
    await deps.db.query<{ source: number; amountRp: number; basis: string }>(
      `SELECT source_invoice_id AS source, amount_rp AS "amountRp", basis FROM invoice_line
       WHERE kind = 'late_fee' ORDER BY id`,
    )
  ).rows;

/** A database of its own for the describe block; `at` sees it at another office time. */
function ownDatabase() {
  const s = {} as { deps: Deps; t: TestDb };
  beforeAll(async () => {
    Object.assign(s, await preparedDeps());
  });
  afterAll(async () => s.t.drop());
  return { at: (iso: string): Deps => ({ ...s.deps, clock: fixedClock(iso) }) };
}

describe('late fees are charged on contribution lines only', () => {
  const { at } = ownDatabase();
  it('an invoice already carrying a late-fee line, paid two more months late, is charged only on its contributions', async () => {
    const base = at('2026-11-24T02:00:00Z');
    await setUp(base, '53049101', 1, '2026-11-01');
    const branch = await demoActor(base, 'cabang.atambua');
    // November 2026 invoice A: Rp462,000, due Tue 15 Dec 2026.
    const a = (
      await runBilling(at('2026-11-24T02:00:00Z'), branch, { regencyCode: '53.04', period: '2026-11' })
    ).invoices[0]!;
    expect([a.totalRp, a.dueDate]).toEqual([MONTH, '2026-12-15']);
    // 20 Jan 2027, A still open: due dates 15 Dec 2026 and Fri 15 Jan 2027 passed → 2 months × 2%:
    // JKK 12,000 × 4% = 480; JKM 15,000 × 4% = 600; JHT 285,000 × 4% = 11,400; JP 150,000 × 4% = 6,000
    // → Rp18,480, a line on January's invoice B (Rp462,000 + Rp18,480 = Rp480,480, due Mon 15 Feb 2027).
    const b = (
      await runBilling(at('2027-01-20T02:00:00Z'), branch, { regencyCode: '53.04', period: '2027-01' })
    ).invoices[0]!;
    expect([b.totalRp, b.dueDate]).toEqual([MONTH + 18_480, '2027-02-15']);
    expect((await lateFeeLines(base)).map((l) => [l.source, l.amountRp])).toEqual([[a.id, 18_480]]);
    // A is paid the next day; B stays open.
    await postPayment(at('2027-01-21T02:00:00Z'), branch, {
      payerId: a.payerId,
      amountRp: MONTH,
      receivedOn: '2027-01-21',
      reference: 'TRF-A',
      idempotencyKey: 'denda-invoice-a',
    });
    // 20 Mar 2027, B open two months after its due date (15 Feb, Mon 15 Mar passed): 2 months × 2% of
    // B's contributions only — Rp18,480 again, not 2 × 2% × Rp480,480 = Rp19,219 (a fee on the fee).
    const c = (
      await runBilling(at('2027-03-20T02:00:00Z'), branch, { regencyCode: '53.04', period: '2027-03' })
    ).invoices[0]!;
    const fees = await lateFeeLines(base);
    expect(fees.map((l) => [l.source, l.amountRp])).toEqual([
      [a.id, 18_480],
      [b.id, 18_480],
    ]);
    expect(fees[1]!.basis).toContain('JP 2% × Rp 150.000 (PP 45/2015)');
    expect(c.totalRp).toBe(MONTH + 18_480);
    // B is then paid in full with the March invoice; a re-run charges nothing more.
    await postPayment(at('2027-03-21T02:00:00Z'), branch, {
      payerId: b.payerId,
      amountRp: b.totalRp + c.totalRp,
      receivedOn: '2027-03-21',
      reference: 'TRF-BC',
      idempotencyKey: 'denda-invoice-bc',
    });
    const again = await runBilling(at('2027-03-22T02:00:00Z'), branch, {
      regencyCode: '53.04',
      period: '2027-03',
    });
    expect(again.lines).toBe(0);
    const sum = await base.db.query<{ s: number }>('SELECT sum(amount_rp)::bigint AS s FROM ledger_line');
    expect(sum.rows[0]!.s).toBe(0);
  });
});

describe('a due date on a national holiday rolls to the next working day', () => {
  const { at } = ownDatabase();
  it('July 2026 is due Tue 18 Aug 2026, and an employer paying on the 18th is not charged a late fee', async () => {
    const base = at('2026-08-03T02:00:00Z');
    await setUp(base, '53049102', 2, '2026-07-01');
    const branch = await demoActor(base, 'cabang.atambua');
    // 15 Aug 2026 is a Saturday, Mon 17 Aug is Independence Day (SKB 3 Menteri 2026) → Tue 18 Aug.
    const july = (
      await runBilling(at('2026-08-03T02:00:00Z'), branch, { regencyCode: '53.04', period: '2026-07' })
    ).invoices[0]!;
    expect([july.totalRp, july.dueDate]).toEqual([MONTH, '2026-08-18']);
    // The August run on the morning of the 18th, before the employer's transfer lands: not late.
    const aug = await runBilling(at('2026-08-18T01:00:00Z'), branch, {
      regencyCode: '53.04',
      period: '2026-08',
    });
    expect(aug.invoices.map((i) => [i.totalRp, i.dueDate])).toEqual([[MONTH, '2026-09-15']]);
    await postPayment(at('2026-08-18T06:00:00Z'), branch, {
      payerId: july.payerId,
      amountRp: MONTH,
      receivedOn: '2026-08-18',
      reference: 'TRF-JULI',
      idempotencyKey: 'juli-2026-paid-18',
    });
    await runBilling(at('2026-08-20T01:00:00Z'), branch, { regencyCode: '53.04', period: '2026-08' });
    expect(await lateFeeLines(base)).toEqual([]);
  });
});

describe('PP 49/2020 months: due by the 30th, 0.5 % a month late', () => {
  const { at } = ownDatabase();
  it('September 2020 is due Mon 2 Nov 2020 (30 Oct cuti bersama) and one month late costs 0.5 % per programme', async () => {
    const base = at('2020-10-05T02:00:00Z');
    await setUp(base, '53049103', 3, '2020-09-01');
    const branch = await demoActor(base, 'cabang.atambua');
    // PP 49/2020 Pasal 11-12: JKK and JKM at 1 % of normal — JKK 12,000 → 120, JKM 15,000 → 150;
    // JHT 285,000 and JP 150,000 in full → Rp435,270. Pasal 4(1): due the 30th of October, a cuti
    // bersama (SKB 3 Menteri 2020 as amended), then the weekend → Monday 2 November 2020.
    const sep = (
      await runBilling(at('2020-10-05T02:00:00Z'), branch, { regencyCode: '53.04', period: '2020-09' })
    ).invoices[0]!;
    expect([sep.totalRp, sep.dueDate]).toEqual([435_270, '2020-11-02']);
    // The October run on 2 November: not late yet.
    await runBilling(at('2020-11-02T02:00:00Z'), branch, { regencyCode: '53.04', period: '2020-10' });
    expect(await lateFeeLines(base)).toEqual([]);
    // On 3 November one month late, 0.5 % (Pasal 23(1)) per programme, each rounded half-up:
    // JKK 120 × 0.5 % = 0.6 → 1; JKM 150 × 0.5 % = 0.75 → 1; JHT 285,000 → 1,425; JP 150,000 → 750
    // → Rp2,177 (2 % would be Rp8,705).
    await runBilling(at('2020-11-03T02:00:00Z'), branch, { regencyCode: '53.04', period: '2020-10' });
    const fees = await lateFeeLines(base);
    expect(fees.map((l) => [l.source, l.amountRp])).toEqual([[sep.id, 2_177]]);
    expect(fees[0]!.basis).toContain('JHT 0,5% × Rp 285.000 (PP 49/2020 Pasal 23(1))');
  });
});

/** A wage report of the employer for a period: NIK, name and new wage per worker. */
const wageChange = (rows: [string, string, number][]) =>
  Buffer.from(
    `NIK,Nama,Upah (Rp),Mutasi,Tanggal Lahir,Jenis Kelamin\n${rows.map(([nik, name, wage]) => `${nik},${name},${wage},perubahan upah,,`).join('\n')}\n`,
  );

/**
 * overdueEmployerInvoices by hand, from the invoice lines (fees left out) of every overdue employer
 * invoice: its contributions per programme, and per invoice what is open of them and what was charged.
 */
async function overdueFromLines(deps: Deps, period: string, asOf: string) {
  const overdue = `SELECT i.id, i.period,
       (SELECT coalesce(sum(a.amount_rp), 0) FROM payment_allocation a WHERE a.invoice_id = i.id) AS paid
     FROM invoice i JOIN payer p ON p.id = i.payer_id AND p.kind = 'employer'
     WHERE i.period < $1 AND i.due_date < $2::date AND i.total_rp > 0
       AND i.total_rp > (SELECT coalesce(sum(a.amount_rp), 0) FROM payment_allocation a WHERE a.invoice_id = i.id)`;
  const contributions = await deps.db.query(
    `SELECT o.id AS "invoiceId", o.period, l.program, sum(l.amount_rp)::bigint AS "amountRp"
     FROM (${overdue}) o JOIN invoice_line l ON l.invoice_id = o.id AND l.kind <> 'late_fee'
     GROUP BY o.id, o.period, l.program ORDER BY o.id, l.program`,
    [period, asOf],
  );
  const invoices = await deps.db.query(
    `SELECT o.id AS "invoiceId",
            greatest(0, (SELECT sum(l.amount_rp) FROM invoice_line l WHERE l.invoice_id = o.id AND l.kind <> 'late_fee') - o.paid)::bigint
              AS "openContributionRp",
            (SELECT coalesce(sum(f.amount_rp), 0) FROM invoice_line f WHERE f.source_invoice_id = o.id)::bigint AS "chargedRp"
     FROM (${overdue}) o
     WHERE EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = o.id AND l.kind <> 'late_fee')
     ORDER BY o.id`,
    [period, asOf],
  );
  return { contributions: contributions.rows, invoices: invoices.rows };
}

describe('the overdue invoices a run charges: contributions per programme as the invoice lines have them', () => {
  const { at } = ownDatabase();
  it('regular and adjustment invoices (one whose corrections cancel out), some carrying late fees of older ones', async () => {
    const base = at('2026-11-24T02:00:00Z');
    const npp = '53049104';
    await setUp(base, npp, 4, '2026-11-01');
    const branch = await demoActor(base, 'cabang.atambua');
    const w1 = {
      nik: nikFor({ kecamatan: '530412', birthDate: '1990-05-04', sex: 'L', serial: 44 }),
      name: `Pekerja Denda ${serialName(4)}`,
    };
    const w2 = {
      nik: nikFor({ kecamatan: '530412', birthDate: '1991-06-04', sex: 'L', serial: 54 }),
      name: `Pekerja Denda ${serialName(5)}`,
    };
    await registerEmployee(base, branch, npp, {
      nik: w2.nik,
      fullName: w2.name,
      birthDate: '1991-06-04',
      sex: 'L',
      startDate: '2026-11-01',
      wageRp: 4_000_000,
    });
    const run = (iso: string, period: string) =>
      runBilling(at(iso), branch, { regencyCode: '53.04', period });
    const wages = (iso: string, period: string, rows: [string, string, number][]) =>
      importWageReport(at(iso), branch, {
        npp,
        period,
        fileName: `upah-${period}.csv`,
        bytes: wageChange(rows),
      });
    await run('2026-11-24T02:00:00Z', '2026-11'); // A
    await run('2026-12-20T02:00:00Z', '2026-12'); // C, with a late fee on A
    // December's wages swapped between the two workers: an adjustment whose lines cancel out per
    // programme (no contribution line in its ledger entry), carrying a further late fee on A.
    await wages('2027-01-20T01:00:00Z', '2026-12', [
      [w1.nik, w1.name, 4_000_000],
      [w2.nik, w2.name, 5_000_000],
    ]);
    expect((await run('2027-01-20T02:00:00Z', '2026-12')).kind).toBe('adjustment');
    await run('2027-02-20T02:00:00Z', '2027-01'); // B, with late fees on A and C
    await wages('2027-03-20T01:00:00Z', '2027-01', [[w1.nik, w1.name, 6_000_000]]);
    expect((await run('2027-03-20T02:00:00Z', '2027-01')).kind).toBe('adjustment'); // B2: a raise
    const first = (
      await base.db.query<{ payerId: number }>('SELECT payer_id AS "payerId" FROM invoice LIMIT 1')
    ).rows[0]!;
    await postPayment(at('2027-03-21T02:00:00Z'), branch, {
      payerId: first.payerId,
      amountRp: 100_000,
      receivedOn: '2027-03-21',
      reference: 'TRF-SEBAGIAN',
      idempotencyKey: 'denda-partial-payment',
    });

    const asOf = '2027-04-20';
    const got = await overdueEmployerInvoices(base.db, '53.04', '2027-04', asOf);
    const want = await overdueFromLines(base, '2027-04', asOf);
    expect(
      got.flatMap((o) => o.contributions.map((c) => ({ invoiceId: o.invoiceId, period: o.period, ...c }))),
    ).toEqual(want.contributions);
    expect(
      got.map((o) => ({
        invoiceId: o.invoiceId,
        openContributionRp: o.openContributionRp,
        chargedRp: o.chargedRp,
      })),
    ).toEqual(want.invoices);

    // What the comparison covered: A, C, C2, B and B2, fees charged on two of them (A, C) and carried
    // by four (C, C2, B, B2), a partial payment, and one invoice whose contributions are all 0.
    const kinds = await base.db.query<{ kind: string; carries: number }>(
      `SELECT i.kind, (SELECT count(*)::int FROM invoice_line l WHERE l.invoice_id = i.id AND l.kind = 'late_fee') AS carries
       FROM invoice i WHERE i.id = ANY($1::bigint[]) ORDER BY i.id`,
      [got.map((o) => o.invoiceId)],
    );
    expect(kinds.rows.map((k) => k.kind)).toEqual([
      'regular',
      'regular',
      'adjustment',
      'regular',
      'adjustment',
    ]);
    expect(kinds.rows.filter((k) => k.carries > 0)).toHaveLength(4);
    expect(got.filter((o) => o.chargedRp > 0)).toHaveLength(2);
    expect(got[0]!.openContributionRp).toBeLessThan(
      got[0]!.contributions.reduce((s, c) => s + c.amountRp, 0),
    );
    expect(got[2]!.contributions.map((c) => c.amountRp)).toEqual([0, 0, 0, 0]);
    expect(got[4]!.contributions.every((c) => c.amountRp > 0)).toBe(true);
  });
});
