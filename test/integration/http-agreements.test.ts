import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgreement } from '../../src/db/agreements.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll } from '../support/http.ts';

const M = 16_800; // Rp per village worker per month (PP 44/2015: JKK 10,000 + JKM 6,800)
const BODY = {
  number: 'PKS/BELU/2026/07',
  title: 'PKS perlindungan pekerja rentan',
  regencyCode: '53.04',
  signedOn: '2026-02-02',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  signatories: [
    { name: 'Bupati Belu', position: 'Bupati', office: 'Pemerintah Kabupaten Belu', party: 'regency' },
    {
      name: 'Kepala Cabang',
      position: 'Kepala Kantor Cabang',
      office: 'BPJS TK Belu Atambua',
      party: 'branch',
    },
  ],
  legalBasis: ['Perbup Belu 12/2025', 'Inpres 2/2021'],
};

describe('HTTP: agreements, budget use, arrears and coverage, allowed and denied', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let id: number;
  let otherId: number;
  const c: Record<string, string> = {};
  const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: who ? { cookie: c[who]! } : {} });

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    await enrolActive(p.deps, '53.04.01.2001', 12);
    await enrolActive(p.deps, '53.04.01.2002', 10, { serialStart: 100 });
    otherId = await insertAgreement(p.deps.db, {
      ...BODY,
      number: 'PKS/TTU/2026/01',
      regencyCode: '53.05',
      officeCode: 'KC-ATAMBUA',
      signatories: BODY.signatories as never,
      createdAt: '2026-01-02T00:00:00Z',
      createdBy: 'test',
    });
    app = await demoServer(p.deps);
    Object.assign(
      c,
      await loginAll(app, [
        'auditor',
        'dinas.belu',
        'cabang.atambua',
        'supervisor.atambua',
        'desa.kewar',
        'desa.fulur',
      ]),
    );
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('POST /agreements: the district officer of the regency only', async () => {
    for (const who of ['cabang.atambua', 'supervisor.atambua', 'desa.kewar', 'auditor'])
      expect((await call(who, 'POST', '/api/v1/agreements', BODY)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/v1/agreements', BODY)).statusCode).toBe(401);
    const other = await call('dinas.belu', 'POST', '/api/v1/agreements', { ...BODY, regencyCode: '53.05' });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'REGION_NOT_FOUND']);
    const ok = await call('dinas.belu', 'POST', '/api/v1/agreements', BODY);
    expect(ok.statusCode).toBe(200);
    id = ok.json().agreement.id;
    expect(ok.json().agreement).toMatchObject({ officeCode: 'KC-ATAMBUA', signedOn: '2026-02-02' });
    expect((await call('dinas.belu', 'POST', '/api/v1/agreements', BODY)).statusCode).toBe(409);
  });

  it('POST /agreements/{id}/allocations: district officer; another regency’s agreement is 404', async () => {
    const alloc = {
      fundingSource: 'APBDES',
      fiscalYear: 2026,
      amountRp: 300_000,
      villageCode: '53.04.01.2001',
    };
    for (const who of ['cabang.atambua', 'desa.kewar'])
      expect((await call(who, 'POST', `/api/v1/agreements/${id}/allocations`, alloc)).statusCode).toBe(403);
    expect((await call(null, 'POST', `/api/v1/agreements/${id}/allocations`, alloc)).statusCode).toBe(401);
    expect(
      (await call('dinas.belu', 'POST', `/api/v1/agreements/${otherId}/allocations`, alloc)).statusCode,
    ).toBe(404);
    const late = await call('dinas.belu', 'POST', `/api/v1/agreements/${id}/allocations`, {
      ...alloc,
      fiscalYear: 2027,
    });
    expect([late.statusCode, late.json().error.code]).toEqual([422, 'FISCAL_YEAR_OUTSIDE_AGREEMENT']);
    const ok = await call('dinas.belu', 'POST', `/api/v1/agreements/${id}/allocations`, alloc);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().allocation).toMatchObject({ payerName: 'Pemerintah Desa Kewar', amountRp: 300_000 });
    const fulur = { ...alloc, amountRp: 400_000, villageCode: '53.04.01.2002' };
    expect((await call('dinas.belu', 'POST', `/api/v1/agreements/${id}/allocations`, fulur)).statusCode).toBe(
      200,
    );
  });

  it('GET /agreements and /agreements/{id}: district, branch and auditor read; village 403; other regency 404', async () => {
    for (const who of ['dinas.belu', 'cabang.atambua', 'supervisor.atambua', 'auditor']) {
      const list = await call(who, 'GET', '/api/v1/agreements');
      expect(list.json().agreements.map((a: { number: string }) => a.number)).toEqual([BODY.number]);
      expect((await call(who, 'GET', `/api/v1/agreements/${otherId}`)).statusCode).toBe(404);
    }
    expect((await call('desa.kewar', 'GET', '/api/v1/agreements')).statusCode).toBe(403);
    expect((await call('desa.kewar', 'GET', `/api/v1/agreements/${id}`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/v1/agreements/${id}`)).statusCode).toBe(401);
    const detail = (await call('cabang.atambua', 'GET', `/api/v1/agreements/${id}`)).json();
    expect(detail.allocations).toHaveLength(2);
    // Activated 2026-11-24, nothing billed: November and December projected.
    expect(
      detail.budgetUse[0].payers.map((p: { payerName: string; committedRp: number; remainingRp: number }) => [
        p.payerName,
        p.committedRp,
        p.remainingRp,
      ]),
    ).toEqual([
      ['Pemerintah Desa Kewar', 12 * M * 2, 300_000 - 12 * M * 2],
      ['Pemerintah Desa Fulur', 10 * M * 2, 400_000 - 10 * M * 2],
    ]);
  });

  it('GET /budget-use: a village operator sees its own line, the district all; warnings when over', async () => {
    const url = '/api/v1/budget-use?regency=53.04&year=2026';
    const kewar = (await call('desa.kewar', 'GET', url)).json();
    expect(kewar.payers.map((p: { payerName: string }) => p.payerName)).toEqual(['Pemerintah Desa Kewar']);
    expect(kewar.warnings).toEqual([
      expect.objectContaining({ payerName: 'Pemerintah Desa Kewar', overRp: 12 * M * 2 - 300_000 }),
    ]);
    expect((await call('desa.fulur', 'GET', url)).json().warnings).toEqual([]);
    expect((await call('dinas.belu', 'GET', url)).json().totals).toEqual({
      allocatedRp: 700_000,
      committedRp: 22 * M * 2,
      usedRp: 0,
      remainingRp: 700_000 - 22 * M * 2,
    });
    expect((await call('dinas.belu', 'GET', '/api/v1/budget-use?regency=53.05&year=2026')).statusCode).toBe(
      404,
    );
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
  });

  it('POST /coverage/update: branch staff; GET /arrears: billing readers, scoped', async () => {
    const body = { regencyCode: '53.04', asOf: '2026-11-24' };
    for (const who of ['dinas.belu', 'desa.kewar', 'auditor'])
      expect((await call(who, 'POST', '/api/v1/coverage/update', body)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/v1/coverage/update', body)).statusCode).toBe(401);
    expect(
      (await call('cabang.atambua', 'POST', '/api/v1/coverage/update', { ...body, regencyCode: '53.05' }))
        .statusCode,
    ).toBe(404);
    const ok = await call('supervisor.atambua', 'POST', '/api/v1/coverage/update', body);
    expect([ok.statusCode, ok.json().lapsed, ok.json().resumed]).toEqual([200, 0, 0]);

    expect(
      (
        await call('cabang.atambua', 'POST', '/api/v1/billing/runs', {
          regencyCode: '53.04',
          period: '2026-11',
        })
      ).statusCode,
    ).toBe(200);
    const kewar = (await call('desa.kewar', 'GET', '/api/v1/arrears?asOf=2026-12-10')).json();
    expect(
      kewar.payers.map((p: { payerName: string; days1To30Rp: number }) => [p.payerName, p.days1To30Rp]),
    ).toEqual([['Pemerintah Desa Kewar', 12 * M]]);
    expect(
      (await call('dinas.belu', 'GET', '/api/v1/arrears?asOf=2026-12-10')).json().totals.days1To30Rp,
    ).toBe(22 * M);
    expect((await call('dinas.belu', 'GET', '/api/v1/arrears?asOf=2026-13-01')).statusCode).toBe(400);
    expect((await call(null, 'GET', '/api/v1/arrears?asOf=2026-12-10')).statusCode).toBe(401);
  });
});
