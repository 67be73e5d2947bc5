import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { exportInvoiceLines, exportInvoices, exportPayers } from '../../src/services/billing-exports.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { csvField } from '../../src/services/exports/csv.ts';
import { columnLetter, excelSerial } from '../../src/services/exports/xlsx.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginCookie } from '../support/http.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const BOM = '\uFEFF';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const csvRows = (body: Buffer) => {
  const s = body.toString('utf8');
  expect(s.startsWith(BOM)).toBe(true);
  return s.slice(1).split('\r\n').slice(0, -1);
};

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('CSV and XLSX writers', () => {
  it('quotes fields with the separator, quotes, line breaks or edge spaces; guards formulas', () => {
    expect(csvField('Desa Kewar', ',')).toBe('Desa Kewar');
    expect(csvField('Kewar, Lamaknen', ',')).toBe('"Kewar, Lamaknen"');
    expect(csvField('Kewar, Lamaknen', ';')).toBe('Kewar, Lamaknen');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvField('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvField(' padded', ',')).toBe('" padded"');
    expect(csvField('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-16800', ',')).toBe("'-16800");
    expect(csvField(-16_800, ',')).toBe('-16800');
    expect(csvField(null, ',')).toBe('');
  });

  it('numbers Excel dates and columns without time zones', () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-12-15')).toBe(46371);
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});

describe('billing exports', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let district: Actor;
  let kewar: Actor;
  let kewarInv: { id: number; number: string; payerId: number };
  let fulurInv: { id: number; number: string };
  const cookies: Record<string, string> = {};
  const get = (who: string | null, url: string) =>
    app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 12);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    const run = await runBilling(notBefore(deps, '2026-12-01'), consoleActor(), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    kewarInv = run.invoices.find((i) => i.payerRegion === KEWAR)!;
    fulurInv = run.invoices.find((i) => i.payerRegion === FULUR)!;
    await postPayment(notBefore(deps, '2026-12-10'), consoleActor(), {
      payerId: kewarInv.payerId,
      amountRp: 100_000,
      receivedOn: '2026-12-10',
      reference: 'SP2D-0010',
      idempotencyKey: 'kewar-sp2d-0010',
    });
    app = await demoServer(deps);
    district = await demoActor(deps, 'dinas.belu');
    kewar = await demoActor(deps, 'desa.kewar');
    for (const u of ['dinas.belu', 'desa.kewar', 'desa.fulur', 'auditor'])
      cookies[u] = await loginCookie(app, u);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const INVOICE_HEADER =
    'Nomor tagihan,Pembayar,Jenis pembayar,Kode wilayah,Periode,Jenis tagihan,Tanggal terbit,Jatuh tempo,' +
    'Jumlah baris,Tagihan (Rp),Dibayar (Rp),Sisa (Rp),Status';
  const fulurRow = () =>
    `${fulurInv.number},Pemerintah Desa Fulur,Pemerintah desa,${FULUR},2026-12,Reguler,2026-12-01,2026-12-15,20,168000,0,168000,Belum lunas`;
  const kewarRow = () =>
    `${kewarInv.number},Pemerintah Desa Kewar,Pemerintah desa,${KEWAR},2026-12,Reguler,2026-12-01,2026-12-15,24,201600,100000,101600,Belum lunas`;

  it('invoices CSV: the district sees both villages, newest due first; filters narrow it', async () => {
    const all = await exportInvoices(deps, district, {}, { format: 'csv' });
    expect(all.fileName).toBe('tagihan.csv');
    expect(csvRows(all.body)).toEqual([INVOICE_HEADER, fulurRow(), kewarRow()]);
    const byPayer = await exportInvoices(deps, district, { payerId: kewarInv.payerId }, { format: 'csv' });
    expect(csvRows(byPayer.body)).toEqual([INVOICE_HEADER, kewarRow()]);
    const paid = await exportInvoices(deps, district, { status: 'paid' }, { format: 'csv' });
    expect(csvRows(paid.body)).toEqual([INVOICE_HEADER]);
    const open = await exportInvoices(
      deps,
      district,
      { period: '2026-12', status: 'open' },
      { format: 'csv' },
    );
    expect(open.fileName).toBe('tagihan-2026-12-open.csv');
    expect(csvRows(open.body)).toHaveLength(3);
    expect(
      csvRows((await exportInvoices(deps, district, { period: '2027-01' }, { format: 'csv' })).body),
    ).toEqual([INVOICE_HEADER]);
    expect(csvRows((await exportInvoices(deps, kewar, {}, { format: 'csv' })).body)).toEqual([
      INVOICE_HEADER,
      kewarRow(),
    ]);
  });

  it('invoices XLSX: frozen header, autofilter, #,##0 rupiah, real dates, SUM totals row', async () => {
    const file = await exportInvoices(deps, district, {}, { format: 'xlsx' });
    expect(file.contentType).toBe(XLSX);
    const ws = await sheetOf(file.body);
    expect(ws.name).toBe('Tagihan');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:M3');
    expect(ws.getRow(1).getCell(10).value).toBe('Tagihan (Rp)');
    expect(ws.getRow(2).getCell(1).value).toBe(fulurInv.number);
    expect(ws.getRow(3).getCell(10).value).toBe(201_600);
    expect(ws.getRow(3).getCell(11).value).toBe(100_000);
    expect(ws.getRow(3).getCell(12).value).toBe(101_600);
    expect(ws.getRow(3).getCell(10).numFmt).toBe('#,##0');
    expect(ws.getRow(3).getCell(8).value).toEqual(new Date('2026-12-15T00:00:00.000Z'));
    expect(ws.getRow(3).getCell(8).numFmt).toBe('dd/mm/yyyy');
    const totals = ws.getRow(4);
    expect(totals.getCell(1).value).toBe('Jumlah');
    expect(totals.getCell(9).value).toEqual({ formula: 'SUM(I2:I3)', result: 44 });
    expect(totals.getCell(10).value).toEqual({ formula: 'SUM(J2:J3)', result: 369_600 });
    expect(totals.getCell(11).value).toEqual({ formula: 'SUM(K2:K3)', result: 100_000 });
    expect(totals.getCell(12).value).toEqual({ formula: 'SUM(L2:L3)', result: 269_600 });
    expect(totals.font?.bold).toBe(true);
    expect(ws.rowCount).toBe(4);
  });

  it('payers: invoiced, paid and balance per payer, CSV and XLSX', async () => {
    const csv = await exportPayers(deps, district, { format: 'csv', separator: 'semicolon' });
    expect(csv.fileName).toBe('pembayar.csv');
    expect(csvRows(csv.body)).toEqual([
      'Pembayar;Jenis pembayar;Kode wilayah;Ditagihkan (Rp);Dibayar (Rp);Saldo (Rp)',
      `Pemerintah Desa Kewar;Pemerintah desa;${KEWAR};201600;100000;101600`,
      `Pemerintah Desa Fulur;Pemerintah desa;${FULUR};168000;0;168000`,
    ]);
    const ws = await sheetOf((await exportPayers(deps, district, { format: 'xlsx' })).body);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'Pemerintah Desa Kewar',
      'Pemerintah desa',
      KEWAR,
      201_600,
      100_000,
      101_600,
    ]);
    expect(ws.getRow(4).getCell(4).value).toEqual({ formula: 'SUM(D2:D3)', result: 369_600 });
    expect(ws.getRow(4).getCell(6).value).toEqual({ formula: 'SUM(F2:F3)', result: 269_600 });
    expect(ws.autoFilter).toBe('A1:F3');
  });

  it('lines: KPJ and name per participant × programme; names masked for the district, shown to the village', async () => {
    const people = (
      await deps.db.query<{ kpj: string; name: string }>(
        `SELECT pa.kpj, p.full_name AS name FROM participant pa JOIN person p ON p.id = pa.person_id
         WHERE pa.region_code = $1 ORDER BY pa.id`,
        [KEWAR],
      )
    ).rows;
    expect(people).toHaveLength(12);
    const masked = csvRows((await exportInvoiceLines(deps, district, kewarInv.id, { format: 'csv' })).body);
    expect(masked).toHaveLength(25);
    expect(masked[0]).toBe(
      'KPJ,Nama peserta,Program,Penanggung,Jenis,Periode,Jumlah (Rp),Dasar perhitungan,Tagihan asal (denda)',
    );
    expect(masked[1]).toBe(
      `${people[0]!.kpj},M**** B*** A*,JKK,Peserta,Iuran,2026-12,10000,1% × Rp 1.000.000 — PP 44/2015 Lampiran II,`,
    );
    expect(masked[2]).toBe(
      `${people[0]!.kpj},M**** B*** A*,JKM,Peserta,Iuran,2026-12,6800,Rp 6.800 — PP 44/2015 Pasal 18,`,
    );
    const text = masked.join('\n');
    for (const p of people) expect(text).not.toContain(p.name);
    const plain = await exportInvoiceLines(deps, kewar, kewarInv.id, { format: 'csv' });
    expect(plain.fileName).toBe(`rincian-${kewarInv.number.replaceAll('/', '-')}.csv`);
    const rows = csvRows(plain.body);
    expect(rows[1]).toBe(
      `${people[0]!.kpj},Maria Bere A,JKK,Peserta,Iuran,2026-12,10000,1% × Rp 1.000.000 — PP 44/2015 Lampiran II,`,
    );
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 2).join(','))).toEqual(
      people.flatMap((p) => [`${p.kpj},${p.name}`, `${p.kpj},${p.name}`]),
    );
    const ws = await sheetOf(
      (await exportInvoiceLines(deps, district, kewarInv.id, { format: 'xlsx' })).body,
    );
    expect(ws.getRow(2).getCell(1).value).toBe(people[0]!.kpj);
    expect(ws.getRow(2).getCell(1).numFmt).toBe('@');
    expect(ws.getRow(2).getCell(2).value).toBe('M**** B*** A*');
    expect(ws.getRow(26).getCell(7).value).toEqual({ formula: 'SUM(G2:G25)', result: 201_600 });
    expect(ws.autoFilter).toBe('A1:I25');
  });

  it('refuses a role without billing.read (403) and an invoice outside the scope (404)', async () => {
    const noBilling: Actor = { ...kewar, role: 'participant', permissions: ['regions.read'] };
    await expect(exportInvoices(deps, noBilling, {}, { format: 'csv' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(exportPayers(deps, noBilling, { format: 'csv' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(exportInvoiceLines(deps, kewar, fulurInv.id, { format: 'csv' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('HTTP: content type, attachment name, ;-separated CSV, XLSX; 404 for another village, 401 without a session', async () => {
    const csv = await get('dinas.belu', '/api/v1/invoices.csv?period=2026-12&sep=semicolon');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="tagihan-2026-12.csv"');
    expect(csvRows(csv.rawPayload)[2]).toBe(kewarRow().replaceAll(',', ';'));
    const xlsx = await get('auditor', '/api/v1/payers.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="pembayar.xlsx"');
    expect((await sheetOf(xlsx.rawPayload)).getRow(3).getCell(1).value).toBe('Pemerintah Desa Fulur');
    const lines = `/api/v1/invoices/${kewarInv.id}/lines`;
    const own = await get('desa.kewar', `${lines}.csv`);
    expect(own.statusCode).toBe(200);
    expect(csvRows(own.rawPayload)[1]).toContain(',Maria Bere A,');
    expect(csvRows((await get('dinas.belu', `${lines}.csv`)).rawPayload)[1]).toContain(',M**** B*** A*,');
    expect(csvRows((await get('auditor', `${lines}.csv`)).rawPayload)[1]).toContain(',M**** B*** A*,');
    expect((await get('desa.fulur', `${lines}.csv`)).statusCode).toBe(404);
    expect((await get('desa.fulur', `${lines}.xlsx`)).json().error.code).toBe('NOT_FOUND');
    const fulurSees = csvRows((await get('desa.fulur', '/api/v1/invoices.csv')).rawPayload);
    expect(fulurSees).toEqual([INVOICE_HEADER, fulurRow()]);
    for (const url of [
      '/api/v1/invoices.csv',
      '/api/v1/invoices.xlsx',
      '/api/v1/payers.csv',
      `${lines}.xlsx`,
    ]) {
      expect((await get(null, url)).statusCode).toBe(401);
    }
    expect((await get('dinas.belu', '/api/v1/invoices.csv?period=2026-13')).statusCode).toBe(400);
    expect((await get('dinas.belu', '/api/v1/invoices.csv?sep=tab')).statusCode).toBe(400);
  });
});
