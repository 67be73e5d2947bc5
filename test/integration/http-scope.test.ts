import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginAll } from '../support/http.ts';

// For every endpoint: an allowed case and a denied case, per role and scope.
describe('HTTP: scope and role enforcement', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (url: string, who?: string) =>
    app.inject({ url, headers: who ? { cookie: cookies[who]! } : {} });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    Object.assign(
      cookies,
      await loginAll(app, [
        'admin',
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

  it('a village operator reads their own village, and gets 404 for another village', async () => {
    expect((await get('/api/v1/regions/53.04.01.2001', 'desa.kewar')).statusCode).toBe(200);
    const other = await get('/api/v1/regions/53.04.01.2002', 'desa.kewar');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('REGION_NOT_FOUND');
    expect((await get('/api/v1/regions/53.04.01.2001', 'desa.fulur')).statusCode).toBe(404);
  });

  it('a village operator cannot read upwards (kecamatan, regency, province)', async () => {
    for (const code of ['53.04.01', '53.04', '53']) {
      expect((await get(`/api/v1/regions/${code}`, 'desa.kewar')).statusCode).toBe(404);
    }
  });

  it('a district officer reads all of Belu and nothing of another regency', async () => {
    const belu = await get('/api/v1/regions/53.04', 'dinas.belu');
    expect(belu.json().region.counts).toEqual({ districts: 12, desa: 69, kelurahan: 12 });
    expect((await get('/api/v1/regions/53.04.01.2002', 'dinas.belu')).statusCode).toBe(200);
    expect((await get('/api/v1/regions/53.05', 'dinas.belu')).statusCode).toBe(404);
    expect((await get('/api/v1/regions/53.71', 'dinas.belu')).statusCode).toBe(404);
  });

  it('branch staff read the regencies their branch serves, and no other', async () => {
    for (const who of ['cabang.atambua', 'supervisor.atambua']) {
      expect((await get('/api/v1/regions/53.04', who)).statusCode).toBe(200);
      expect((await get('/api/v1/regions/53.06', who)).statusCode).toBe(404);
    }
  });

  it('the admin reads everywhere', async () => {
    expect((await get('/api/v1/regions/53', 'admin')).statusCode).toBe(200);
    expect((await get('/api/v1/regions/53.71', 'admin')).statusCode).toBe(200);
  });

  it('unauthenticated requests get 401 on every protected endpoint', async () => {
    for (const url of ['/api/v1/regions/53.04', '/api/v1/audit', '/api/v1/auth/me']) {
      expect((await get(url)).statusCode).toBe(401);
    }
    const post = await app.inject({ method: 'POST', url: '/api/v1/users', payload: {} });
    expect([400, 401]).toContain(post.statusCode);
  });

  it('only the admin creates users; others get 403', async () => {
    const body = {
      username: 'op.baru',
      displayName: 'Op',
      role: 'village_operator',
      scope: '53.04.01.2004',
      password: 'kata-sandi-panjang',
    };
    for (const who of ['dinas.belu', 'desa.kewar', 'auditor', 'cabang.atambua']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: body,
        headers: { cookie: cookies[who]! },
      });
      expect(r.statusCode).toBe(403);
    }
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: body,
      headers: { cookie: cookies.admin! },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ username: 'op.baru', scopeType: 'region', scopeCode: '53.04.01.2004' });
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: body,
      headers: { cookie: cookies.admin! },
    });
    expect(again.json().error.code).toBe('DUPLICATE');
  });

  it('refuses a scope that does not fit the role', async () => {
    const body = {
      username: 'op.salah',
      displayName: 'Op',
      role: 'village_operator',
      scope: '53.04',
      password: 'kata-sandi-panjang',
    };
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: body,
      headers: { cookie: cookies.admin! },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INVALID_SCOPE');
  });

  it('the audit log is read by admin and auditor (in scope), not by operators', async () => {
    expect((await get('/api/v1/audit', 'admin')).json().entries.length).toBeGreaterThan(0);
    const auditor = await get('/api/v1/audit', 'auditor');
    expect(auditor.statusCode).toBe(200);
    for (const e of auditor.json().entries) expect(e.regionCode).toMatch(/^53\.04/);
    expect((await get('/api/v1/audit', 'desa.kewar')).statusCode).toBe(403);
    expect((await get('/api/v1/audit', 'dinas.belu')).statusCode).toBe(403);
  });
});
