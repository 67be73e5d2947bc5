import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { insertApprovedClaim, participantsOf } from '../support/approved-claim.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll, loginCookie } from '../support/http.ts';

describe('HTTP: payout batches', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let cookies: Record<string, string>;
  let batchId: number;
  let batchNumber: string;
  const req = (method: 'GET' | 'POST', url: string, who: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    await enrolActive(deps, '53.04.01.2001', 10);
    const ids = await participantsOf(deps.db, '53.04.01.2001');
    await insertApprovedClaim(deps.db, ids[0]!, {
      program: 'JKM',
      amountRp: 42_000_000,
      accountHolder: 'Maria Bere',
    });
    await insertApprovedClaim(deps.db, ids[1]!, { program: 'JKK', kind: 'perawatan', amountRp: 1_500_000 });
    await addUser(deps, consoleActor(), {
      username: 'auditor.tts',
      displayName: 'Auditor TTS',
      role: 'auditor',
      scope: '53.05',
      password: 'sangat-rahasia-1',
    });
    cookies = await loginAll(app, ['cabang.atambua', 'supervisor.atambua', 'auditor', 'dinas.belu']);
    cookies['auditor.tts'] = await loginCookie(app, 'auditor.tts', 'sangat-rahasia-1');
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('the branch officer makes a batch (201); a district officer may not', async () => {
    expect(
      (await req('POST', '/api/v1/payout-batches', 'dinas.belu', { regencyCode: '53.04' })).statusCode,
    ).toBe(403);
    const res = await req('POST', '/api/v1/payout-batches', 'cabang.atambua', { regencyCode: '53.04' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ count: 2, totalRp: 43_500_000 });
    batchId = res.json().id;
    batchNumber = res.json().number;
  });

  it('lists and shows the batch; bank accounts and holders are masked for the auditor', async () => {
    const list = await req('GET', '/api/v1/payout-batches?status=draft', 'auditor');
    expect(list.json().batches.map((b: { id: number }) => b.id)).toEqual([batchId]);
    const officer = (await req('GET', `/api/v1/payout-batches/${batchId}`, 'cabang.atambua')).json();
    expect(officer.payouts[0]).toMatchObject({
      accountHolder: 'Maria Bere',
      status: 'pending',
      program: 'JKM',
    });
    const auditor = (await req('GET', `/api/v1/payout-batches/${batchId}`, 'auditor')).json();
    expect(auditor.payouts[0].accountHolder).toBe('M**** B***');
    expect(auditor.payouts[0].bankAccount).toMatch(/^\*+\d{4}$/);
  });

  it('another regency answers 404', async () => {
    expect((await req('GET', `/api/v1/payout-batches/${batchId}`, 'auditor.tts')).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/payout-batches', 'auditor.tts')).json().batches).toEqual([]);
  });

  it('the supervisor approves with matching figures; a mismatch is a 422 with the error code', async () => {
    const wrong = await req('POST', `/api/v1/payout-batches/${batchId}/approve`, 'supervisor.atambua', {
      declaredCount: 2,
      declaredTotalRp: 43_000_000,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('PAYOUT_DECLARATION_MISMATCH');
    const ok = await req('POST', `/api/v1/payout-batches/${batchId}/approve`, 'supervisor.atambua', {
      declaredCount: 2,
      declaredTotalRp: 43_500_000,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
  });

  it('downloads the CSV, is marked sent by a separate step (same bytes again), and takes the bank’s result as raw CSV', async () => {
    const first = await req('GET', `/api/v1/payout-batches/${batchId}/export`, 'cabang.atambua');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toBe(`attachment; filename="${batchNumber}.csv"`);
    const sent = await req('POST', `/api/v1/payout-batches/${batchId}/sent`, 'cabang.atambua', {
      format: 'csv',
      sha256: first.headers['x-content-sha256'],
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().status).toBe('exported');
    const second = await req('GET', `/api/v1/payout-batches/${batchId}/export`, 'cabang.atambua');
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    const ids = first.body
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split(',')[1]);
    const upload = (csv: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/payout-batches/${batchId}/result`,
        headers: {
          cookie: cookies['cabang.atambua']!,
          'content-type': 'text/csv',
          'x-file-name': 'hasil.csv',
        },
        payload: csv,
      });
    const head = 'batch_reference,payout_id,status,date,bank_reference,amount_rp\r\n';
    const bad = await upload(`${head}${batchNumber},${ids[0]},PAID,2026-11-25,T1,41000000\r\n`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'PAYOUT_RESULT_INVALID',
      details: [{ line: 2, field: 'amount_rp' }],
    });
    const good = await upload(
      `${head}${batchNumber},${ids[0]},PAID,2026-11-25,T1,42000000\r\n${batchNumber},${ids[1]},PAID,2026-11-25,T2,1500000\r\n`,
    );
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({
      paid: 2,
      failed: 0,
      returned: 0,
      unchanged: 0,
      batchStatus: 'reconciled',
      replayed: false,
    });
  });

  it('documents the payout routes in the OpenAPI description', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/payout-batches',
      '/api/v1/payout-batches/{id}',
      '/api/v1/payout-batches/{id}/approve',
      '/api/v1/payout-batches/{id}/export',
      '/api/v1/payout-batches/{id}/sent',
      '/api/v1/payout-batches/{id}/result',
    ])
      expect(Object.keys(spec.paths)).toContain(path);
  });
});
