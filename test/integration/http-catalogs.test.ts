import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEIR_RANK } from '../../src/services/claims/catalog.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginCookie } from '../support/http.ts';

describe('GET /api/v1/catalogs/claims', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('refuses a caller without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/claims' });
    expect(res.statusCode).toBe(401);
  });

  it('serves the claim lists the web shows, from the claims catalog', async () => {
    const cookie = await loginCookie(app, 'cabang.atambua');
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/claims', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.programs).toEqual(['JKM', 'JKK', 'JHT', 'JP', 'JKP']);
    expect(body.statuses).toEqual([
      'filed',
      'submitted',
      'approved',
      'rejected',
      'appealed',
      'batched',
      'paid',
    ]);
    expect(
      Object.fromEntries(body.heirRanks.map((h: { relation: string; rank: number }) => [h.relation, h.rank])),
    ).toEqual(HEIR_RANK);
    expect(body.banks.map((b: { code: string }) => b.code)).toEqual([
      '002',
      '008',
      '009',
      '014',
      '130',
      '200',
      '451',
    ]);
    expect(body.jhtFullReasons).not.toContain('partial_housing');
    expect(body.kinds.find((k: { program: string }) => k.program === 'JKM')).toMatchObject({ death: true });
  });

  it('serves the membership lists of the dashboards, participant and employer screens', async () => {
    const cookie = await loginCookie(app, 'dinas.belu');
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/membership', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      segments: ['PU', 'BPU', 'JAKON', 'PMI'],
      statuses: ['active', 'lapsed', 'ended', 'proposed', 'verified'],
      fundings: ['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR'],
      programs: ['JHT', 'JKM', 'JKK', 'JP', 'JKP'],
      employerScales: ['micro', 'small', 'medium', 'large'],
    });
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/catalogs/membership' });
    expect(anonymous.statusCode).toBe(401);
  });
});
