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

  /** A benefit question over HTTP that must be answered (200). */
  const ask = async (payload: object) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/calculations/benefit', payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('answers JKK for a 2018 accident by PP 44/2015, read at the accident date (issue 13, 7)', async () => {
    // PP 44/2015 Lampiran III (before PP 82/2019): 60 % × 80 × 4,000,000 = 192,000,000, funeral
    // 3,000,000, santunan berkala 24 × 200,000 = 4,800,000 → 199,800,000; claimed in 2020 under
    // PP 82/2019, still the amounts of the accident date.
    const jkk2018 = { program: 'JKK', eventDate: '2018-06-15', wageRp: 4_000_000 };
    const death = await ask({ ...jkk2018, case: 'death', claimDate: '2020-01-15' });
    expect(death).toMatchObject({ eligible: true, totalRp: 199_800_000 });
    expect(death.components.map((c: { name: string; amountRp: number }) => [c.name, c.amountRp])).toEqual([
      ['santunan_kematian', 192_000_000],
      ['biaya_pemakaman', 3_000_000],
      ['santunan_berkala', 4_800_000],
    ]);
    expect(death.components[1].basis).toContain('PP 44/2015 Lampiran III');
    // PP 44/2015 Lampiran III STMB: months 1-6 at 100 %, 7-8 at 75 %:
    // 6 × 4,000,000 + 2 × 3,000,000 = 30,000,000.
    const stmb = await ask({ ...jkk2018, case: 'temporary_disability', temporaryDisabilityMonths: 8 });
    expect(stmb).toMatchObject({ eligible: true, totalRp: 30_000_000 });
    expect(stmb.components[0].basis).toContain('2 bulan × 75%');
    expect(stmb.components[0].basisEn).toContain('2 months × 75%');
    // Home care came with PP 82/2019: a 2018 home-care claim is refused with the reason, not computed.
    const homeCare = await ask({
      ...jkk2018,
      case: 'medical_care',
      homeCareRp: 5_000_000,
      homeCareMonths: 3,
    });
    expect(homeCare).toMatchObject({ eligible: false, totalRp: 0 });
    expect(homeCare.reasons[0].code).toBe('jkk_perawatan_rumah_belum_berlaku');
    expect(homeCare.reasons[0].id).toContain('2019-12-02');
    // The same death from the shell, in English.
    const cli = lindung(
      ['calc', 'benefit', '--json', JSON.stringify({ ...jkk2018, case: 'death' }), '--lang', 'en'],
      t.location,
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('Rp 199.800.000');
    expect(cli.stdout).toContain('PP 44/2015 Lampiran III');
  });

  it('answers JP survivor, lump sum and disability pensions with their legal basis (issue 13, 7)', async () => {
    // Permenaker 29/2015 Pasal 26: 24 months, member 24 months, density 90 % → counted as 180 months.
    // PP 45/2015: 1 % × 180/12 × 6,000,000 = 900,000 (within the 2026 bounds 411,400 – 4,932,300);
    // janda/duda 50 % = 450,000, anak 50 % = 450,000, orang tua 20 % = 180,000.
    const death = {
      program: 'JP',
      reason: 'death',
      eventDate: '2026-03-10',
      contributionMonths: 24,
      membershipMonths: 24,
      paymentDensityBp: 9000,
      averageIndexedWageRp: 6_000_000,
      balanceRp: 4_320_000,
    };
    for (const [survivor, amount] of [
      ['janda_duda', 450_000],
      ['anak', 450_000],
      ['orang_tua', 180_000],
    ] as const) {
      const r = await ask({ ...death, survivor });
      expect(r, survivor).toMatchObject({ eligible: true, totalRp: amount });
      expect(r.components[0].name).toBe(`manfaat_pensiun_${survivor}`);
      expect(r.components[0].basis).toContain('Permenaker 29/2015 Pasal 26');
      expect(r.components[0].basis).toContain('PP 45/2015');
    }
    // Old age with 100 months (< 180, PP 45/2015 Pasal 15): the lump sum of contributions + returns.
    const lump = await ask({
      program: 'JP',
      eventDate: '2026-03-10',
      birthDate: '1960-01-10',
      contributionMonths: 100,
      balanceRp: 12_345_678,
    });
    expect(lump).toMatchObject({ eligible: true, totalRp: 12_345_678 });
    expect(lump.components[0]).toMatchObject({ name: 'manfaat_pensiun_sekaligus', amountRp: 12_345_678 });
    // Pensiun cacat (PP 45/2015 Pasal 16 huruf b), born 1980, disabled at 45: 30 months counted as 180
    // (member 36 months, density 83.33 %) → 1 % × 180/12 × 6,000,000 = 900,000 a month.
    const disabled = {
      ...death,
      reason: 'disability',
      birthDate: '1980-05-20',
      contributionMonths: 30,
      membershipMonths: 36,
      balanceRp: 5_400_000,
    };
    const disability = await ask({ ...disabled, paymentDensityBp: 8333 });
    expect(disability).toMatchObject({ eligible: true, totalRp: 900_000 });
    expect(disability.components[0].name).toBe('manfaat_pensiun_cacat');
    expect(disability.components[0].label).toEqual({ id: 'Pensiun cacat', en: 'Disability pension' });
    expect(disability.components[0].basis).toContain('PP 45/2015 Pasal 16 huruf b');
    expect(disability.components[0].basis).toContain('pasal belum tercatat');
    // Density 79.99 %: the lump sum instead.
    const short = await ask({ ...disabled, paymentDensityBp: 7999 });
    expect(short).toMatchObject({ eligible: true, totalRp: 5_400_000 });
    expect(short.reasons.map((r: { code: string }) => r.code)).toEqual(['jp_cacat_sekaligus']);
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
