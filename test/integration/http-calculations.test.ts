import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { lindung } from '../support/cli.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

describe('public calculator: HTTP and CLI', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await buildServer({ deps: p.deps, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('computes the village worker premium (W7) without login', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'BPU', period: '2026-05', wageRp: 1_000_000, fundingSource: 'APBDES' },
    });
    expect(res.statusCode).toBe(200);
    // Due the 15th of the iuran month (PP 44/2015); Fri 15 May 2026 is cuti bersama (SKB 3 Menteri 2026)
    // and the weekend follows → Mon 18 May.
    expect(res.json()).toMatchObject({ totalRp: 16_800, dueDate: '2026-05-18' });
  });

  // PU July 2026, wage Rp5,000,000, risk group I: JKK 0.24% = 12,000, JKM 0.30% = 15,000 (PP 44/2015),
  // JHT 3.7% + 2% = 285,000 (PP 46/2015), JP 2% + 1% = 150,000 (PP 45/2015).
  const puJuli = { segment: 'PU', period: '2026-07', wageRp: 5_000_000, riskGroup: 1 };
  it('answers the late-fee question (paidOn): no fee on the rolled due date, then 2% per programme per month', async () => {
    const ask = (paidOn: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/calculations/contribution',
        payload: { ...puJuli, paidOn },
      });
    // Sat 15 Aug 2026, Sun 16, Mon 17 Aug Independence Day (SKB 3 Menteri 2026) → due Tue 18 Aug.
    const onTime = await ask('2026-08-18');
    expect(onTime.statusCode).toBe(200);
    expect(onTime.json()).toMatchObject({
      totalRp: 462_000,
      dueDate: '2026-08-18',
      lateFee: { paidOn: '2026-08-18', dueDate: '2026-08-18', monthsLate: 0, totalRp: 0 },
    });
    // Paid 20 Oct 2026: due dates 18 Aug, 15 Sep and 15 Oct have passed → 3 months × 2% (fact sheet
    // §2.5): JKK 12,000 × 6% = 720; JKM 15,000 × 6% = 900 (PP 44/2015); JHT 285,000 × 6% = 17,100
    // (PP 46/2015); JP 150,000 × 6% = 9,000 (PP 45/2015) → Rp27,720.
    const late = (await ask('2026-10-20')).json();
    expect(late.lateFee.monthsLate).toBe(3);
    expect(late.lateFee.totalRp).toBe(27_720);
    expect(
      late.lateFee.lines.map((l: { program: string; amountRp: number }) => [l.program, l.amountRp]),
    ).toEqual([
      ['JKK', 720],
      ['JKM', 900],
      ['JHT', 17_100],
      ['JP', 9_000],
    ]);
    expect(late.lateFee.lines.map((l: { basis: string }) => l.basis)).toEqual([
      'PP 44/2015',
      'PP 44/2015',
      'PP 46/2015',
      'PP 45/2015',
    ]);
    expect(late.explanation.parameters.map((p: { id: string }) => p.id)).toContain('hari_libur.daftar');
    // BPU has no late fee (fact sheet §2.3): the question is refused, naming the field.
    const bpu = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'BPU', period: '2026-07', wageRp: 1_000_000, paidOn: '2026-08-20' },
    });
    expect(bpu.statusCode).toBe(400);
    expect(bpu.json().error.message).toContain('paidOn');
    // The same answer from the shell.
    const cli = lindung(
      [
        'calc',
        'contribution',
        '--json',
        JSON.stringify({ ...puJuli, paidOn: '2026-10-20' }),
        '--output',
        'json',
      ],
      t.location,
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).lateFee.totalRp).toBe(27_720);
    const text = lindung(
      ['calc', 'contribution', '--json', JSON.stringify({ ...puJuli, paidOn: '2026-10-20' }), '--lang', 'id'],
      t.location,
    );
    expect(text.stdout).toContain('3 bulan terlambat');
  });

  it('computes the JKM death benefit (W1)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/benefit',
      payload: { program: 'JKM', eventDate: '2024-03-16', contributionMonths: 10 },
    });
    expect(res.json()).toMatchObject({ eligible: true, totalRp: 42_000_000 });
  });

  it('answers JKK medical care and the JP survivor lump sum, each with its legal basis (issue 13, 7)', async () => {
    const ask = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/v1/calculations/benefit', payload });
    // PP 44/2015 jo PP 82/2019 (fact sheet §3.3): treatment 8,000,000 as billed; home care
    // min(25,000,000; 20,000,000); sea transport min(2,500,000; 2,000,000) → 30,000,000.
    const care = await ask({
      program: 'JKK',
      case: 'medical_care',
      eventDate: '2026-03-10',
      wageRp: 3_000_000,
      medicalCostRp: 8_000_000,
      homeCareRp: 25_000_000,
      homeCareMonths: 12,
      transportRp: { sea: 2_500_000 },
    });
    expect(care.statusCode).toBe(200);
    expect(care.json()).toMatchObject({ eligible: true, totalRp: 30_000_000 });
    expect(JSON.stringify(care.json().explanation)).toContain('jkk.perawatan_rumah_maks');
    // Permenaker 29/2015 Pasal 26: member 8 months (< 12) → the survivor takes the lump sum of the
    // accumulated contributions (PP 45/2015), Rp 960,000 here.
    const jp = await ask({
      program: 'JP',
      reason: 'death',
      survivor: 'janda_duda',
      eventDate: '2026-03-10',
      contributionMonths: 8,
      membershipMonths: 8,
      balanceRp: 960_000,
    });
    expect(jp.statusCode).toBe(200);
    expect(jp.json()).toMatchObject({ eligible: true, totalRp: 960_000 });
    expect(JSON.stringify(jp.json().explanation)).toContain('Permenaker 29/2015 Pasal 26');
  });

  it('answers 400 naming the field, and 422 before a rule existed', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'BPU', period: '2026-13', wageRp: 1_000_000 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('period');
    const early = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'PU', period: '2014-01', wageRp: 5_000_000, riskGroup: 1 },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RULE_NOT_IN_FORCE');
  });

  it('lindung calc prints JSON, and exits 2 on invalid input', () => {
    const input = JSON.stringify({ segment: 'JAKON', period: '2024-05', contractValueRp: 850_000_000 });
    const ok = lindung(['calc', 'contribution', '--json', input, '--output', 'json'], t.location);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).totalRp).toBe(1_525_000);
    const bad = lindung(['calc', 'contribution', '--json', '{"segment":"XX"}'], t.location);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('segment');
  });
});
