import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll, loginCookie } from '../support/http.ts';

describe('HTTP: JHT statement, opening balance, return rates', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  let participantId: number;
  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    await enrolActive(deps, '53.04.01.2001', 10);
    participantId = (await participantsOf(deps.db, '53.04.01.2001'))[0]!;
    await addUser(deps, consoleActor(), {
      username: 'auditor.tts',
      displayName: 'Auditor TTS',
      role: 'auditor',
      scope: '53.05',
      password: 'sangat-rahasia-1',
    });
    cookies = await loginAll(app, ['cabang.atambua', 'supervisor.atambua', 'admin', 'desa.kewar']);
    cookies['auditor.tts'] = await loginCookie(app, 'auditor.tts', 'sangat-rahasia-1');
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('records an opening balance (201) and shows it in the year’s statement', async () => {
    const res = await req('POST', `/api/v1/participants/${participantId}/jht/opening`, 'cabang.atambua', {
      amountRp: 2_500_000,
      asOf: '2026-01-31',
      source: 'Saldo sistem lama',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().balance.balanceRp).toBe(2_500_000);
    const again = await req('POST', `/api/v1/participants/${participantId}/jht/opening`, 'cabang.atambua', {
      amountRp: 1,
      asOf: '2026-01-31',
      source: 'Saldo sistem lama',
    });
    expect(again.statusCode).toBe(409);
    const st = await req('GET', `/api/v1/participants/${participantId}/jht?year=2026`, 'supervisor.atambua');
    expect(st.statusCode).toBe(200);
    expect(st.json()).toMatchObject({
      year: 2026,
      openingRp: 0,
      carriedOverRp: 2_500_000,
      closingRp: 2_500_000,
      returnRate: null,
    });
    expect(st.json().entries).toEqual([
      expect.objectContaining({ kind: 'opening', source: 'Saldo sistem lama' }),
    ]);
  });

  it('statements: the village operator may not read them; another regency gets 404', async () => {
    expect((await req('GET', `/api/v1/participants/${participantId}/jht`, 'desa.kewar')).statusCode).toBe(
      403,
    );
    expect((await req('GET', `/api/v1/participants/${participantId}/jht`, 'auditor.tts')).statusCode).toBe(
      404,
    );
  });

  it('return rates: entered by the admin with a source, refused to the branch officer and supervisor', async () => {
    const body = { rateBp: 500, source: 'Test rate (not an announcement)' };
    expect((await req('PUT', '/api/v1/jht/return-rates/2026', 'cabang.atambua', body)).statusCode).toBe(403);
    expect((await req('PUT', '/api/v1/jht/return-rates/2026', 'supervisor.atambua', body)).statusCode).toBe(
      403,
    );
    const ok = await req('PUT', '/api/v1/jht/return-rates/2026', 'admin', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ year: 2026, rateBp: 500, enteredBy: 'admin' });
    const fix = await req('PUT', '/api/v1/jht/return-rates/2026', 'admin', { ...body, rateBp: 510 });
    expect(fix.json().rateBp).toBe(510);
    const list = await req('GET', '/api/v1/jht/return-rates', 'cabang.atambua');
    expect(list.json().rates).toEqual([
      expect.objectContaining({ year: 2026, rateBp: 510, enteredBy: 'admin' }),
    ]);
    const audit = await deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'jht.return_rate.set'`,
    );
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('credits contributions and refuses returns before the year has ended', async () => {
    const credit = await req('POST', '/api/v1/jht/contributions/credit', 'cabang.atambua', {
      regencyCode: '53.04',
    });
    expect(credit.statusCode).toBe(200);
    expect(credit.json()).toEqual({ entries: 0, participants: 0, amountRp: 0 });
    const early = await req('POST', '/api/v1/jht/returns/apply', 'supervisor.atambua', {
      regencyCode: '53.04',
      year: 2026,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('JHT_YEAR_NOT_ENDED');
  });

  it('documents the JHT routes in the OpenAPI description', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/participants/{id}/jht',
      '/api/v1/participants/{id}/jht/opening',
      '/api/v1/jht/return-rates',
      '/api/v1/jht/return-rates/{year}',
      '/api/v1/jht/contributions/credit',
      '/api/v1/jht/returns/apply',
    ])
      expect(Object.keys(spec.paths)).toContain(path);
  });
});
