import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { demoServer, loginCookie } from '../support/http.ts';

// Every employer and project endpoint: the role and scope that may, and those that may not.
describe('HTTP: employer and project endpoints, allowed and denied', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const c: Record<string, string> = {};
  const req = (
    who: string | null,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    headers = {},
  ) =>
    app.inject({
      method,
      url,
      payload: payload as string,
      headers: { ...(who ? { cookie: c[who]! } : {}), ...headers },
    });
  const employer = (npp: string) => ({
    npp,
    name: `PT ${npp}`,
    businessTypeCode: 'perdagangan',
    scale: 'large',
    regionCode: '53.04',
  });
  const nik = nikFor({ birthDate: '1990-06-05', sex: 'P', serial: 21 });
  const wages = Buffer.from(`NIK,Nama,Upah (Rp),Mutasi\n${nik},Maria Bere,3000000,tetap\n`);
  const upload = (who: string | null, npp: string) =>
    req(who, 'POST', `/api/v1/employers/${npp}/wage-reports?period=2026-11`, wages, {
      'content-type': 'text/csv',
      'x-file-name': 'upah.csv',
    });

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
    for (const [username, npp] of [
      ['pt.satu', '53040011'],
      ['pt.dua', '53040022'],
    ]) {
      await addUser(p.deps, consoleActor(), {
        username: username!,
        displayName: username!,
        role: 'employer',
        scope: npp,
        password: 'rahasia-panjang-1',
      });
      c[username!] = await loginCookie(app, username!, 'rahasia-panjang-1');
    }
    for (const u of [
      'admin',
      'auditor',
      'dinas.belu',
      'cabang.atambua',
      'supervisor.atambua',
      'desa.kewar',
    ]) {
      c[u] = await loginCookie(app, u);
    }
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('POST /employers: the branch officer only', async () => {
    expect((await req(null, 'POST', '/api/v1/employers', employer('53040011'))).statusCode).toBe(401);
    expect((await req('desa.kewar', 'POST', '/api/v1/employers', employer('53040011'))).statusCode).toBe(403);
    expect(
      (await req('supervisor.atambua', 'POST', '/api/v1/employers', employer('53040011'))).statusCode,
    ).toBe(403);
    expect((await req('pt.satu', 'POST', '/api/v1/employers', employer('53040011'))).statusCode).toBe(403);
    const ok = await req('cabang.atambua', 'POST', '/api/v1/employers', employer('53040011'));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().employer).toMatchObject({ npp: '53040011', riskGroup: 1, scale: 'large' });
    expect((await req('cabang.atambua', 'POST', '/api/v1/employers', employer('53040022'))).statusCode).toBe(
      201,
    );
    const bad = await req('cabang.atambua', 'POST', '/api/v1/employers', { ...employer('x'), npp: 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('GET /employers and /employers/{npp}: readers in scope; an employer user sees only its own NPP', async () => {
    expect((await req(null, 'GET', '/api/v1/employers')).statusCode).toBe(401);
    expect((await req('desa.kewar', 'GET', '/api/v1/employers')).statusCode).toBe(403);
    for (const u of ['admin', 'auditor', 'dinas.belu', 'cabang.atambua', 'supervisor.atambua']) {
      expect((await req(u, 'GET', '/api/v1/employers')).json().total, u).toBe(2);
    }
    const own = (await req('pt.satu', 'GET', '/api/v1/employers')).json();
    expect(own.employers.map((e: { npp: string }) => e.npp)).toEqual(['53040011']);
    expect((await req('pt.satu', 'GET', '/api/v1/employers/53040011')).statusCode).toBe(200);
    expect((await req('pt.satu', 'GET', '/api/v1/employers/53040022')).statusCode).toBe(404);
    expect((await req('desa.kewar', 'GET', '/api/v1/employers/53040011')).statusCode).toBe(403);
    expect((await req('dinas.belu', 'GET', '/api/v1/employers/53040011')).statusCode).toBe(200);
    expect((await req('cabang.atambua', 'GET', '/api/v1/employers/99999999')).statusCode).toBe(404);
  });

  it('POST /employers/{npp}/employees: the employer itself or the branch; another employer 404', async () => {
    const body = {
      nik,
      fullName: 'Maria Bere',
      birthDate: '1990-06-05',
      sex: 'P',
      startDate: '2026-10-01',
      wageRp: 3_000_000,
    };
    expect((await req(null, 'POST', '/api/v1/employers/53040011/employees', body)).statusCode).toBe(401);
    expect(
      (await req('supervisor.atambua', 'POST', '/api/v1/employers/53040011/employees', body)).statusCode,
    ).toBe(403);
    expect((await req('pt.dua', 'POST', '/api/v1/employers/53040011/employees', body)).statusCode).toBe(404);
    const ok = await req('pt.satu', 'POST', '/api/v1/employers/53040011/employees', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().employment).toMatchObject({
      startDate: '2026-10-01',
      wageRp: 3_000_000,
      status: 'active',
    });
    const bad = await req('cabang.atambua', 'POST', '/api/v1/employers/53040022/employees', {
      ...body,
      birthDate: '1990-06-06',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ field: 'nik', code: 'NIK_BIRTH_DATE_MISMATCH' }),
    ]);
  });

  it('POST /employers/{npp}/wage-reports: the employer itself or the branch; others 404 / 403 / 401', async () => {
    expect((await upload(null, '53040011')).statusCode).toBe(401);
    expect((await upload('desa.kewar', '53040011')).statusCode).toBe(403);
    expect((await upload('auditor', '53040011')).statusCode).toBe(403);
    expect((await upload('pt.dua', '53040011')).statusCode).toBe(404);
    const ok = await upload('pt.satu', '53040011');
    expect(ok.statusCode).toBe(201);
    expect(ok.json().upload).toMatchObject({ rows: 1, valid: 1, invalid: 0, unchanged: 1 });
    const again = await upload('cabang.atambua', '53040011');
    expect(again.statusCode).toBe(201);
    expect(again.json().repeated).toBe(true);
    const badPeriod = await req(
      'pt.satu',
      'POST',
      '/api/v1/employers/53040011/wage-reports?period=2026-13',
      wages,
      {
        'content-type': 'text/csv',
      },
    );
    expect(badPeriod.statusCode).toBe(400);
  });

  it('business types: every logged-in user reads (10 seeded, partial); only the admin changes them', async () => {
    expect((await req(null, 'GET', '/api/v1/business-types')).statusCode).toBe(401);
    const list = (await req('pt.satu', 'GET', '/api/v1/business-types')).json().businessTypes;
    expect(list).toHaveLength(10);
    expect(new Set(list.map((b: { status: string }) => b.status))).toEqual(new Set(['partial']));
    const body = {
      name: 'Salon',
      riskGroup: 1,
      source: 'PP 44/2015 Lampiran I (diperiksa)',
      status: 'confirmed',
    };
    expect((await req('cabang.atambua', 'PUT', '/api/v1/business-types/salon', body)).statusCode).toBe(403);
    const ok = await req('admin', 'PUT', '/api/v1/business-types/salon', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().businessType).toMatchObject({ code: 'salon', status: 'confirmed', updatedBy: 'admin' });
  });

  it('projects: the branch registers; readers in scope; the contractor sees its own, another employer 404', async () => {
    const body = {
      projectNumber: 'SPK-010/2026',
      name: 'Embung Desa Kewar',
      ownerName: 'Pemerintah Desa Kewar',
      contractorNpp: '53040011',
      contractValueRp: 850_000_000,
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      regionCode: '53.04.01.2001',
    };
    expect((await req(null, 'POST', '/api/v1/projects', body)).statusCode).toBe(401);
    expect((await req('desa.kewar', 'POST', '/api/v1/projects', body)).statusCode).toBe(403);
    const ok = await req('cabang.atambua', 'POST', '/api/v1/projects', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().project.premiumRp).toBe(1_525_000);
    expect((await req('pt.satu', 'GET', '/api/v1/projects')).json().total).toBe(1);
    expect((await req('pt.dua', 'GET', '/api/v1/projects')).json().total).toBe(0);
    expect((await req('desa.kewar', 'GET', '/api/v1/projects')).statusCode).toBe(403);
    expect((await req('pt.dua', 'GET', '/api/v1/projects/SPK-010%2F2026')).statusCode).toBe(404);
    expect((await req('auditor', 'GET', '/api/v1/projects/SPK-010%2F2026')).statusCode).toBe(200);
    const add = { add: [{ nik }] };
    expect((await req('pt.dua', 'POST', '/api/v1/projects/SPK-010%2F2026/workers', add)).statusCode).toBe(
      404,
    );
    expect((await req('dinas.belu', 'POST', '/api/v1/projects/SPK-010%2F2026/workers', add)).statusCode).toBe(
      403,
    );
    const added = await req('cabang.atambua', 'POST', '/api/v1/projects/SPK-010%2F2026/workers', add);
    expect(added.json()).toEqual({ added: 1, removed: 0, unchanged: 0 });
    const seen = (await req('dinas.belu', 'GET', '/api/v1/projects/SPK-010%2F2026')).json();
    expect(seen.workers[0]).toMatchObject({
      nik: `${nik.slice(0, 4)}**********${nik.slice(-2)}`,
      joinedOn: '2026-03-01',
      leftOn: '2026-12-31',
    });
  });

  it('the endpoints are in the OpenAPI document', async () => {
    const paths = Object.keys((await req(null, 'GET', '/api/openapi.json')).json().paths);
    for (const p of [
      '/api/v1/employers',
      '/api/v1/employers/{npp}',
      '/api/v1/employers/{npp}/employees',
      '/api/v1/employers/{npp}/wage-reports',
      '/api/v1/business-types',
      '/api/v1/business-types/{code}',
      '/api/v1/projects',
      '/api/v1/projects/{number}',
      '/api/v1/projects/{number}/workers',
      '/api/v1/projects/{number}/contract',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
