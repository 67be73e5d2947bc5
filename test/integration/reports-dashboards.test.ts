import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { districtDashboard } from '../../src/services/reports/district-dashboard.ts';
import { setWorkforce } from '../../src/services/reports/workforce.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { demoActor } from '../support/actors.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginAll } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';
import { enrolEverySegment, FULUR, insertPaidClaims, KEWAR } from '../support/report-fixtures.ts';

const AS_OF = '2026-12-20';
const DISTRICT = '53.04.01';

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe('district and branch dashboards, workforce and report files', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  let invoicedRp: number;
  const get = (user: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolEverySegment(deps);
    const bill = await runBilling(notBefore(deps, '2026-12-01'), await demoActor(deps, 'cabang.atambua'), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    invoicedRp = bill.totalRp;
    await insertPaidClaims(deps, [
      { program: 'JKM', amountRp: 42_000_000, status: 'paid', paidOn: '2026-11-10' },
      { program: 'JKK', amountRp: 3_500_000, status: 'paid', paidOn: '2026-12-02' },
    ]);
    app = await demoServer(deps);
    cookies = await loginAll(app, ['dinas.belu', 'desa.kewar', 'cabang.atambua', 'admin', 'auditor']);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t.drop();
  });

  it('counts participants per village and kecamatan by segment, status and funding as of the date', async () => {
    const d = await districtDashboard(deps, await demoActor(deps, 'dinas.belu'), {
      regencyCode: '53.04',
      asOf: AS_OF,
    });
    expect([d.regencyName, d.asOf, d.ucj]).toEqual(['KABUPATEN BELU', AS_OF, null]);
    const kewar = d.areas.find((a) => a.code === KEWAR)!;
    expect(kewar).toMatchObject({
      level: 'village',
      parentCode: DISTRICT,
      active: 3,
      bySegment: { PU: 0, BPU: 3, JAKON: 0, PMI: 0 },
      byStatus: { active: 3, lapsed: 0, ended: 0, proposed: 0, verified: 0 },
      byFunding: { APBDES: 3, APBD: 0, SELF: 0, EMPLOYER: 0, APBN: 0, CSR: 0 },
    });
    expect(d.areas.find((a) => a.code === FULUR)!.active).toBe(2);
    // The kecamatan holds both villages and the construction worker registered at kecamatan level.
    expect(d.areas.find((a) => a.code === DISTRICT)).toMatchObject({
      level: 'district',
      active: 6,
      bySegment: { BPU: 5, JAKON: 1 },
      byFunding: { APBDES: 5, EMPLOYER: 1 },
    });
    expect(d.areas.filter((a) => a.level === 'district').reduce((s, a) => s + a.active, 0)).toBe(8);
    const dec = d.trends.at(-1)!;
    expect(d.trends).toHaveLength(12);
    expect(dec).toEqual({ period: '2026-12', active: 8, invoicedRp, paidRp: 0 });
    expect(d.trends.find((x) => x.period === '2026-10')!.active).toBe(1);
    // The villages' December invoices (5 × Rp16,800) fell due on 15 December; the employer's is due in January.
    expect(d.arrears).toEqual({
      notDueRp: invoicedRp - 84_000,
      d1_30Rp: 84_000,
      d31_60Rp: 0,
      d61_90Rp: 0,
      over90Rp: 0,
    });
  });

  it('shows a village operator only their village; another regency is not found', async () => {
    const kewarOp = await demoActor(deps, 'desa.kewar');
    const d = await districtDashboard(deps, kewarOp, { regencyCode: '53.04', asOf: AS_OF });
    expect(d.areas.map((a) => [a.code, a.active])).toEqual([[KEWAR, 3]]);
    expect(d.ucj).toBeNull();
    expect(d.trends.at(-1)!.active).toBe(3);
    const other = await get('desa.kewar', `/api/v1/dashboards/district?regency=53.01&asOf=${AS_OF}`);
    expect(other.statusCode).toBe(404);
    const branch = await get('desa.kewar', '/api/v1/dashboards/branch?regency=53.04&year=2026');
    expect(branch.statusCode).toBe(404);
  });

  it('enters the workforce with its source and target, and computes UCJ % = covered ÷ workforce', async () => {
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/workforce',
      headers: { cookie: cookies['dinas.belu']! },
      payload: {
        regencyCode: '53.04',
        year: 2026,
        workforce: 300,
        source: 'BPS Sakernas Agustus 2025',
        targetPercent: 12.5,
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ workforce: 300, targetPercent: 12.5, updatedBy: 'dinas.belu' });
    const d = (await get('dinas.belu', `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}`)).json();
    // 8 active of 300 = 2.666…% → 2.67
    expect(d.ucj).toEqual({
      year: 2026,
      workforce: 300,
      source: 'BPS Sakernas Agustus 2025',
      targetPercent: 12.5,
      covered: 8,
      percent: 2.67,
    });
    const list = (await get('auditor', '/api/v1/workforce?regency=53.04')).json();
    expect(list.years.map((y: { year: number }) => y.year)).toEqual([2026]);
    const audit = await deps.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity = 'workforce'`,
    );
    expect(audit.rows).toEqual([{ action: 'workforce.set' }]);
    await expect(
      setWorkforce(deps, await demoActor(deps, 'desa.kewar'), {
        regencyCode: '53.04',
        year: 2026,
        workforce: 1,
        source: 'x',
        targetPercent: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/workforce',
      headers: { cookie: cookies['admin']! },
      payload: { regencyCode: '53.04', year: 2026, workforce: 0, source: 'BPS', targetPercent: 101 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('gives each dashboard table as CSV with the same numbers', async () => {
    const res = await get(
      'dinas.belu',
      `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=csv&table=areas`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Kode,Wilayah,Tingkat,Aktif,PU,BPU,JAKON,PMI,Diusulkan,Diverifikasi,Nonaktif,Berakhir,Mandiri,Pemberi kerja,APBN,APBD,APBDes,CSR',
    );
    expect(lines.find((l) => l.startsWith(`${KEWAR},`))).toBe(
      `${KEWAR},Kewar,Desa,3,0,3,0,0,0,0,0,0,0,0,0,0,3,0`,
    );
    const trends = await get(
      'dinas.belu',
      `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=csv&table=trends`,
    );
    expect(trends.body.split('\r\n').at(-2)).toBe(`2026-12,Desember 2026,8,${invoicedRp},0`);
    const unknown = await get(
      'dinas.belu',
      `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=csv&table=x`,
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('writes the district dashboard as XLSX with id-ID formats, frozen header and sums', async () => {
    const res = await get(
      'dinas.belu',
      `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=xlsx`,
    );
    expect(res.statusCode).toBe(200);
    const wb = await workbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Kecamatan',
      'Desa',
      'Tren',
      'Tunggakan',
      'Anggaran',
      'UCJ',
      'Non-ASN',
    ]);
    const villages = wb.getWorksheet('Desa')!;
    expect(villages.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const total = villages.getRow(villages.rowCount);
    expect(total.getCell(1).value).toBe('Jumlah');
    // 5 village workers and the 2 formal workers whose employer is in a village (Kelurahan).
    expect(total.getCell(4).value).toMatchObject({ formula: `SUM(D2:D${villages.rowCount - 1})`, result: 7 });
    const trend = wb.getWorksheet('Tren')!;
    expect(trend.getRow(13).getCell(4).value).toBe(invoicedRp);
    expect(trend.getRow(13).getCell(4).numFmt).toBe('#,##0');
    const pdf = await get('dinas.belu', `/api/v1/dashboards/district?regency=53.04&asOf=${AS_OF}&format=pdf`);
    // Eighteen columns per area: printed on A4 landscape.
    expect(pdf.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    expect(pdfText(pdf.rawPayload)).toEqual(
      expect.arrayContaining([
        'DASBOR KABUPATEN',
        'KABUPATEN BELU',
        'Periode: per 20 Desember 2026',
        'Kewar',
      ]),
    );
    expect(
      wb.getWorksheet('Kecamatan')!.getRow(wb.getWorksheet('Kecamatan')!.rowCount).getCell(4).value,
    ).toMatchObject({
      result: 8,
    });
  });

  it('prints the branch report as A4 PDF with the district, period and generated date in WITA', async () => {
    const res = await get(
      'cabang.atambua',
      '/api/v1/reports/branch?regency=53.04&from=2026-11-01&to=2026-12-20&format=pdf',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="laporan-cabang-53.04-2026-11-01-2026-12-20.pdf"',
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('KABUPATEN BELU');
    expect(text).toContain('Periode: 1 November 2026 s.d. 20 Desember 2026');
    expect(text).toContain('Dibuat: 24 November 2026 10.00 WITA');
    expect(text).toContain('45.500.000');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  it('writes the branch report as XLSX and CSV with the JSON’s figures', async () => {
    const url = '/api/v1/reports/branch?regency=53.04&from=2026-11-01&to=2026-12-20';
    const json = (await get('admin', url)).json();
    expect(json.claimsTotal).toEqual({ count: 2, amountRp: 45_500_000 });
    expect(json.activeParticipants).toEqual({ formal: 2, informal: 5, construction: 1, total: 8 });
    const wb = await workbook((await get('admin', `${url}&format=xlsx`)).rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkasan', 'Klaim', 'Peserta aktif']);
    const claims = wb.getWorksheet('Klaim')!;
    expect(claims.getRow(7).getCell(4).value).toEqual({ formula: 'SUM(D2:D6)', result: 45_500_000 });
    expect(wb.getWorksheet('Peserta aktif')!.getRow(6).getCell(2).value).toEqual({
      formula: 'SUM(B2:B5)',
      result: 8,
    });
    const csv = (await get('admin', `${url}&format=csv&sep=semicolon`)).body.split('\r\n');
    expect(csv[0]).toBe('\uFEFFBagian;Uraian;Jumlah;Nilai (Rp)');
    expect(csv).toContain('Klaim dibayar;Jumlah;2;45500000');
    expect(csv).toContain('Pekerja rentan desa;Desa;2;');
  });

  it('branch dashboard: claims paid by month and programme, SLA, batches; PDF carries the year', async () => {
    // Both claims due for decision by 15 Nov: JKM decided on the 10th (in time), JKK on the 20th
    // (late); a third claim still waits past its due time.
    await deps.db.query(`UPDATE claim SET sla_due_at = '2026-11-15T00:00:00Z'`);
    await deps.db.query(
      `INSERT INTO claim_event (claim_id, regency_code, action, from_status, to_status, actor, at, period)
       SELECT id, '53.04', 'approve', 'submitted', 'approved', 'checker', at, office_period(at)
       FROM claim, LATERAL (SELECT CASE program WHEN 'JKM' THEN timestamptz '2026-11-10T00:00:00Z'
                                                ELSE timestamptz '2026-11-20T00:00:00Z' END AS at) d`,
    );
    await deps.db.query(
      `INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
         claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel, status,
         sla_due_at, filed_by, filed_at, updated_at)
       SELECT 'KLM-OPEN', participant_id, person_id, regency_code, office_code, 'JHT', 'uji', event_date,
              claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel,
              'submitted', '2026-11-20T00:00:00Z', filed_by, filed_at, updated_at
       FROM claim ORDER BY id LIMIT 1`,
    );
    const d = (await get('cabang.atambua', '/api/v1/dashboards/branch?regency=53.04&year=2026')).json();
    expect(d.claimsByMonth).toEqual([
      { period: '2026-11', program: 'JKM', count: 1, amountRp: 42_000_000 },
      { period: '2026-12', program: 'JKK', count: 1, amountRp: 3_500_000 },
    ]);
    expect(d.benefitsPaidRp).toBe(45_500_000);
    expect(d.sla).toEqual({ decided: 2, withinSla: 1, percent: 50, overdueOpen: 1, automaticRefusals: 0 });
    expect(d.payoutBatches).toHaveLength(1);
    expect(d.payoutBatches[0]).toMatchObject({ status: 'reconciled', count: 2, totalRp: 45_500_000 });
    const pdf = await get('auditor', '/api/v1/dashboards/branch?regency=53.04&year=2026&format=pdf');
    expect(pdfText(pdf.rawPayload)).toContain('Periode: Tahun 2026');
    const noRead = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/branch?regency=53.04&year=2026',
    });
    expect(noRead.statusCode).toBe(401);
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/reports/branch',
        '/api/v1/dashboards/district',
        '/api/v1/dashboards/branch',
        '/api/v1/workforce',
      ]),
    );
  });
});
