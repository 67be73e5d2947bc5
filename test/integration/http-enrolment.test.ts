import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';

// Every enrolment endpoint: the role and scope that may, and those that may not (404 / 403 / 401).
describe('HTTP: enrolment endpoints, allowed and denied', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const c: Record<string, string> = {};
  let batchId = 0;
  const req = (who: string | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers = {}) =>
    app.inject({
      method,
      url,
      payload: payload as string,
      headers: { ...(who ? { cookie: c[who]! } : {}), ...headers },
    });
  const upload = (who: string | null, village: string, body: Buffer) =>
    req(who, 'POST', `/api/v1/enrolment/uploads?village=${village}`, body, {
      'content-type': 'application/octet-stream',
      'x-file-name': 'kewar.csv',
    });

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
    Object.assign(
      c,
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

  it('template: any logged-in user; 401 without login', async () => {
    const x = await req('desa.kewar', 'GET', '/api/v1/enrolment/template.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await req('desa.kewar', 'GET', '/api/v1/enrolment/template.csv')).body).toContain('Nama Lengkap');
    expect((await req(null, 'GET', '/api/v1/enrolment/template.csv')).statusCode).toBe(401);
  });

  it('upload: the village’s own operator; another village’s operator gets 404; branch staff 403', async () => {
    const body = toCsv(validWorkers(12));
    expect((await upload('desa.fulur', '53.04.01.2001', body)).statusCode).toBe(404);
    expect((await upload('cabang.atambua', '53.04.01.2001', body)).statusCode).toBe(403);
    expect((await upload(null, '53.04.01.2001', body)).statusCode).toBe(401);
    const ok = await upload('desa.kewar', '53.04.01.2001', body);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().upload).toMatchObject({ rows: 12, valid: 12 });
    batchId = ok.json().batch.id;
    const again = await upload('desa.kewar', '53.04.01.2001', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FILE_ALREADY_UPLOADED');
  });

  it('a file over 10 MB is refused with 413 before it is read', async () => {
    const big = await upload('desa.kewar', '53.04.01.2001', Buffer.alloc(11 * 1024 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
  });

  it('batch detail: in scope only; a draft masked for the district (nothing to verify yet), not for the village', async () => {
    expect((await req('desa.fulur', 'GET', `/api/v1/enrolment/batches/${batchId}`)).statusCode).toBe(404);
    const own = (await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}`)).json();
    expect(own.rows[0].nik).toMatch(/^\d{16}$/);
    const district = (await req('dinas.belu', 'GET', `/api/v1/enrolment/batches/${batchId}`)).json();
    expect(district.rows[0].nik).toMatch(/^\d{4}\*{10}\d{2}$/);
    // Birth date and sex are the NIK's hidden digits: masked beside a masked NIK.
    expect([district.rows[0].birthDate, district.rows[0].sex]).toEqual(['****-**-**', '*']);
    expect(district.rows[0].fullName).toContain('*');
    expect((await req('desa.fulur', 'GET', '/api/v1/enrolment/batches')).json().batches).toEqual([]);
    expect(
      (await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}/report.xlsx`)).statusCode,
    ).toBe(200);
    expect(
      (await req('dinas.belu', 'GET', `/api/v1/enrolment/batches/${batchId}/report.xlsx`)).statusCode,
    ).toBe(403);
  });

  it('each workflow step only by its role, in order', async () => {
    const step = (who: string, s: string) => req(who, 'POST', `/api/v1/enrolment/batches/${batchId}/${s}`);
    expect((await step('dinas.belu', 'submit')).statusCode).toBe(403);
    expect((await step('desa.fulur', 'submit')).statusCode).toBe(404);
    expect((await step('desa.kewar', 'verify')).statusCode).toBe(403);
    expect((await step('desa.kewar', 'submit')).statusCode).toBe(200);
    expect((await step('desa.kewar', 'submit')).json().error.code).toBe('BATCH_STATE');
    expect((await step('cabang.atambua', 'activate')).json().error.code).toBe('BATCH_STATE');
    expect((await step('cabang.atambua', 'verify')).statusCode).toBe(403);
    expect((await step('dinas.belu', 'verify')).statusCode).toBe(200);
    const reject = await req('cabang.atambua', 'POST', `/api/v1/enrolment/batches/${batchId}/reject`, {
      reason: ' ',
    });
    expect(reject.json().error.code).toBe('REASON_REQUIRED');
    const act = await step('cabang.atambua', 'activate');
    expect(act.statusCode).toBe(200);
    expect(act.json()).toMatchObject({ participantsCreated: 12, batch: { status: 'activated' } });
  });

  it('participants: the village sees its own, unmasked; the district its regency’s too (issue 15); another village none', async () => {
    const own = (await req('desa.kewar', 'GET', '/api/v1/participants')).json();
    expect(own.participants).toHaveLength(12);
    expect(own.nextCursor).toBeNull();
    expect(own.participants[0].nik).toMatch(/^\d{16}$/);
    const district = (await req('dinas.belu', 'GET', '/api/v1/participants?region=53.04.01')).json();
    expect(district.participants).toHaveLength(12);
    expect(district.participants[0].nik).toMatch(/^\d{16}$/);
    expect((await req('desa.fulur', 'GET', '/api/v1/participants')).json().participants).toEqual([]);
    const kpj = own.participants[3].kpj;
    const byKpj = (await req('desa.kewar', 'GET', `/api/v1/participants?q=${kpj}`)).json();
    expect(byKpj.participants.map((p: { kpj: string }) => p.kpj)).toEqual([kpj]);
    const byName = (
      await req(
        'desa.kewar',
        'GET',
        `/api/v1/participants?q=${encodeURIComponent(own.participants[3].fullName)}`,
      )
    ).json();
    expect(byName.participants.map((p: { kpj: string }) => p.kpj)).toContain(kpj);
    expect((await req(null, 'GET', '/api/v1/participants')).statusCode).toBe(401);
  });

  it('enrolment rules: the district sets them for its regency; others may read or are refused', async () => {
    const body = { ageMinYears: 18, ageMaxYears: 60, villageWorkersMin: 5, villageWorkersMax: 300 };
    expect((await req('desa.kewar', 'GET', '/api/v1/enrolment-policies/53.04')).statusCode).toBe(404);
    expect((await req('dinas.belu', 'GET', '/api/v1/enrolment-policies/53.04')).json()).toEqual({
      ageMinYears: 17,
      ageMaxYears: 65,
      villageWorkersMin: 10,
      villageWorkersMax: null,
    });
    const put = (who: string, url: string, payload: object) =>
      app.inject({ method: 'PUT', url, payload, headers: { cookie: c[who]! } });
    expect((await put('cabang.atambua', '/api/v1/enrolment-policies/53.04', body)).statusCode).toBe(403);
    expect((await put('dinas.belu', '/api/v1/enrolment-policies/53.05', body)).statusCode).toBe(404);
    const bad = await put('dinas.belu', '/api/v1/enrolment-policies/53.04', { ...body, ageMinYears: 70 });
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await put('dinas.belu', '/api/v1/enrolment-policies/53.04', body)).json()).toEqual(body);
    expect((await req('cabang.atambua', 'GET', '/api/v1/enrolment-policies/53.04')).json()).toEqual(body);
  });
});
