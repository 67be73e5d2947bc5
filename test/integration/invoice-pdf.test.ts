import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { exportInvoiceLines } from '../../src/services/billing-exports.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { invoicePdf } from '../../src/services/invoice-pdf.ts';
import { registerEmployee } from '../../src/services/register-employee.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, TEST_NOW, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { demoServer, loginCookie } from '../support/http.ts';
import { serialName } from '../support/names.ts';
import { pdfPageCount, pdfText } from '../support/pdf.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const BANK = {
  bankName: 'Bank NTT Cabang Atambua',
  accountNumber: '001.02.03.456789-0',
  accountName: 'BPJS TK KC Belu',
};

describe('invoice PDF', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let kewarInvoice: { id: number; number: string };
  let fulurInvoice: { id: number };
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 12);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    const run = await runBilling(notBefore(deps, '2026-12-01'), consoleActor(), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    kewarInvoice = run.invoices.find((i) => i.payerRegion === KEWAR)!;
    fulurInvoice = run.invoices.find((i) => i.payerRegion === FULUR)!;
    app = await demoServer(deps);
    for (const u of ['desa.kewar', 'desa.fulur', 'dinas.belu']) cookies[u] = await loginCookie(app, u);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('prints issuer, number, payer and region, period, dates, lines, total in figures and words, and how to pay', async () => {
    const kewar: Actor = await demoActor(deps, 'desa.kewar');
    const { pdf, number } = await invoicePdf(deps, kewar, kewarInvoice.id, { bank: BANK });
    expect(number).toBe(kewarInvoice.number);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'BPJS KETENAGAKERJAAN',
        'Kantor Cabang Belu Atambua',
        'TAGIHAN IURAN',
        'Contribution invoice',
        'Pemerintah Desa Kewar',
        'Pemerintah desa',
        'Desa Kewar, Kecamatan Lamaknen, Kabupaten Belu',
        kewarInvoice.number,
        'Desember 2026',
        '1 Desember 2026',
        '15 Desember 2026',
        'Iuran JKK (Jaminan Kecelakaan Kerja)',
        'Iuran JKM (Jaminan Kematian)',
        'Rp 120.000',
        'Rp 81.600',
        'Rp 201.600',
        'dua ratus satu ribu enam ratus rupiah',
        'Rp 0',
        'Bank NTT Cabang Atambua',
        '001.02.03.456789-0',
        'Mohon bayar sebelum tanggal jatuh tempo, 15 Desember 2026.',
      ]),
    );
    // The lines: description, borne by, participants, amount, in this order.
    const i = text.indexOf('Iuran JKK (Jaminan Kecelakaan Kerja)');
    expect(text.slice(i, i + 8)).toEqual([
      'Iuran JKK (Jaminan Kecelakaan Kerja)',
      'Peserta',
      '12',
      'Rp 120.000',
      'Iuran JKM (Jaminan Kematian)',
      'Peserta',
      '12',
      'Rp 81.600',
    ]);
    // Total, paid, balance; the transfer reference is the invoice number.
    expect(
      text.slice(text.indexOf('Total tagihan / Total'), text.indexOf('Total tagihan / Total') + 6),
    ).toEqual([
      'Total tagihan / Total',
      'Rp 201.600',
      'Sudah dibayar / Paid',
      'Rp 0',
      'Sisa tagihan / Balance due',
      'Rp 201.600',
    ]);
    expect(text[text.indexOf('Berita transfer (wajib)') + 1]).toBe(kewarInvoice.number);
  });

  it('carries no personal data: no participant name or KPJ', async () => {
    const { pdf } = await invoicePdf(deps, consoleActor(), kewarInvoice.id);
    const people = await deps.db.query<{ kpj: string; full_name: string }>(
      'SELECT pa.kpj, p.full_name FROM participant pa JOIN person p ON p.id = pa.person_id',
    );
    const all = pdfText(pdf).join('\n');
    expect(people.rows).toHaveLength(22);
    for (const p of people.rows) {
      expect(all).not.toContain(p.full_name);
      expect(all).not.toContain(p.kpj);
    }
  });

  it('is byte-identical for the same data and clock, and dated by the clock', async () => {
    const a = await invoicePdf(deps, consoleActor(), kewarInvoice.id);
    const b = await invoicePdf(deps, consoleActor(), kewarInvoice.id);
    expect(a.pdf.equals(b.pdf)).toBe(true);
    const later = { ...deps, clock: fixedClock('2027-01-05T03:00:00.000Z') };
    const c = await invoicePdf(later, consoleActor(), kewarInvoice.id);
    expect(c.pdf.equals(a.pdf)).toBe(false);
    expect(pdfText(c.pdf).some((s) => s.includes('5 Januari 2027 11.00 WITA'))).toBe(true);
  });

  it('HTTP: the payer’s village and the district get it; another village 404; no session 401', async () => {
    const url = `/api/v1/invoices/${kewarInvoice.id}/invoice.pdf`;
    const own = await app.inject({ url, headers: { cookie: cookies['desa.kewar']! } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="${kewarInvoice.number.replaceAll('/', '-')}.pdf"`,
    );
    expect(pdfText(own.rawPayload)).toContain('Pemerintah Desa Kewar');
    expect((await app.inject({ url, headers: { cookie: cookies['dinas.belu']! } })).statusCode).toBe(200);
    const other = await app.inject({ url, headers: { cookie: cookies['desa.fulur']! } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    const fulurOwn = `/api/v1/invoices/${fulurInvoice.id}/invoice.pdf`;
    expect(
      (await app.inject({ url: fulurOwn, headers: { cookie: cookies['desa.fulur']! } })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          url: '/api/v1/invoices/999999/invoice.pdf',
          headers: { cookie: cookies['dinas.belu']! },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('invoice with a late fee: its own row on the PDF and in the lines export', () => {
  let deps: Deps;
  let t: TestDb;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    const branch = await demoActor(deps, 'cabang.atambua');
    await registerEmployer(deps, branch, {
      npp: '53049001',
      name: 'CV Tenun Ikat Belu',
      businessTypeCode: 'konveksi',
      scale: 'medium',
      regionCode: '53.04.12.1001',
    });
    for (const [i, wageRp] of [5_000_000, 12_000_000].entries()) {
      const birthDate = `199${i}-03-0${i + 1}`;
      await registerEmployee(deps, branch, '53049001', {
        nik: nikFor({ kecamatan: '530412', birthDate, sex: 'L', serial: 10 + i }),
        fullName: `Pekerja Tenun ${serialName(i + 1)}`,
        birthDate,
        sex: 'L',
        startDate: '2026-11-01',
        wageRp,
      });
    }
  });
  afterAll(async () => t.drop());

  it('shows contributions by programme and role, then "Denda keterlambatan"; the lines export carries the fee', async () => {
    const branch = await demoActor(deps, 'cabang.atambua');
    const dec = await runBilling(notBefore(deps, '2026-12-01'), branch, {
      regencyCode: '53.04',
      period: '2026-12',
    });
    // December's invoice is unpaid on 20 March 2027: 3 months × 2% × Rp1.543.389 → Rp92.603 (billing-pu.test.ts).
    (deps.clock as unknown as { advance(ms: number): void }).advance(
      Date.parse('2027-03-20T02:00:00Z') - Date.parse(TEST_NOW),
    );
    const mar = (
      await runBilling(notBefore(deps, '2027-03-01'), branch, { regencyCode: '53.04', period: '2027-03' })
    ).invoices[0]!;
    const text = pdfText((await invoicePdf(deps, branch, mar.id)).pdf);
    const rows = text.slice(text.indexOf('Amount') + 1, text.indexOf('Total tagihan / Total'));
    expect(rows.filter((_, i) => i % 4 === 0)).toEqual([
      'Iuran JHT (Jaminan Hari Tua)',
      'Iuran JHT (Jaminan Hari Tua)',
      'Iuran JKK (Jaminan Kecelakaan Kerja)',
      'Iuran JKM (Jaminan Kematian)',
      'Iuran JP (Jaminan Pensiun)',
      'Iuran JP (Jaminan Pensiun)',
      'Denda keterlambatan',
    ]);
    expect(rows.slice(-4)).toEqual(['Denda keterlambatan', 'Pemberi kerja', '-', 'Rp 92.603']);
    expect(rows.slice(0, 8)).toEqual([
      'Iuran JHT (Jaminan Hari Tua)',
      'Pemberi kerja',
      '2',
      'Rp 629.000',
      'Iuran JHT (Jaminan Hari Tua)',
      'Pekerja',
      '2',
      'Rp 340.000',
    ]);
    expect(mar.totalRp).toBe(1_543_389 + 92_603);
    expect(text).toContain('Rp 1.635.992');
    // A long amount in words wraps over two drawn lines.
    expect(text.join(' ').replace(/\s+/g, ' ')).toContain(
      'satu juta enam ratus tiga puluh lima ribu sembilan ratus sembilan puluh dua rupiah',
    );
    expect(text).toContain('15 April 2027');

    const csv = (await exportInvoiceLines(deps, branch, mar.id, { format: 'csv' })).body.toString('utf8');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 12 + 1);
    expect(lines[1]).toMatch(/^\d{11},Pekerja Tenun A,JHT,Pemberi kerja,Iuran,2027-03,185000,/);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^,,DENDA,Pemberi kerja,Denda keterlambatan,2027-03,92603,.+,${dec.invoices[0]!.number}$`),
    );
  });
});
