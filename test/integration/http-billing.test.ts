import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll } from '../support/http.ts';

describe('HTTP: billing, invoices and payments, allowed and denied', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const c: Record<string, string> = {};
  const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object, headers = {}) =>
    app.inject({ method, url, payload, headers: { ...(who ? { cookie: c[who]! } : {}), ...headers } });

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    await enrolActive(p.deps, '53.04.01.2001', 12);
    await enrolActive(p.deps, '53.04.01.2002', 10, { serialStart: 100 });
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

  it('billing runs: branch officer only', async () => {
    const body = { regencyCode: '53.04', period: '2026-11' };
    for (const who of ['desa.kewar', 'dinas.belu', 'supervisor.atambua']) {
      expect((await call(who, 'POST', '/api/v1/billing/runs', body)).statusCode).toBe(403);
    }
    expect((await call(null, 'POST', '/api/v1/billing/runs', body)).statusCode).toBe(401);
    const ok = await call('cabang.atambua', 'POST', '/api/v1/billing/runs', body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'regular', totalRp: 22 * 16_800 });
  });

  it('invoices: a village sees its own, the district and branch all of Belu, another village none of Kewar', async () => {
    const kewar = (await call('desa.kewar', 'GET', '/api/v1/invoices')).json().invoices;
    expect(kewar.map((i: { payerName: string; totalRp: number }) => [i.payerName, i.totalRp])).toEqual([
      ['Pemerintah Desa Kewar', 12 * 16_800],
    ]);
    expect((await call('dinas.belu', 'GET', '/api/v1/invoices')).json().invoices).toHaveLength(2);
    expect((await call('auditor', 'GET', '/api/v1/invoices')).json().invoices).toHaveLength(2);
    expect((await call('desa.fulur', 'GET', `/api/v1/invoices/${kewar[0].id}`)).statusCode).toBe(404);
    const detail = (await call('desa.kewar', 'GET', `/api/v1/invoices/${kewar[0].id}`)).json();
    expect(detail.summary).toEqual([
      { program: 'JKK', payerRole: 'participant', kind: 'contribution', participants: 12, amountRp: 120_000 },
      { program: 'JKM', payerRole: 'participant', kind: 'contribution', participants: 12, amountRp: 81_600 },
    ]);
  });

  it('payments: posted once per Idempotency-Key; another payload with the key is refused; reversal by the supervisor', async () => {
    const payer = (await call('cabang.atambua', 'GET', '/api/v1/payers'))
      .json()
      .payers.find((p: { name: string }) => p.name === 'Pemerintah Desa Kewar');
    const body = { payerId: payer.id, amountRp: 201_600, receivedOn: '2026-11-24', reference: 'SP2D-0012' };
    const key = { 'idempotency-key': 'kewar-sp2d-0012' };
    expect((await call('desa.kewar', 'POST', '/api/v1/payments', body, key)).statusCode).toBe(403);
    const first = await call('cabang.atambua', 'POST', '/api/v1/payments', body, key);
    expect(first.json()).toMatchObject({ replayed: false, balances: { receivableRp: 0 } });
    const again = await call('cabang.atambua', 'POST', '/api/v1/payments', body, key);
    expect(again.json()).toMatchObject({ replayed: true, paymentId: first.json().paymentId });
    const other = await call('cabang.atambua', 'POST', '/api/v1/payments', { ...body, amountRp: 1 }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const noKey = await call('cabang.atambua', 'POST', '/api/v1/payments', body);
    expect(noKey.statusCode).toBe(400);
    const paid = (await call('desa.kewar', 'GET', '/api/v1/invoices?status=paid')).json().invoices;
    expect(paid).toHaveLength(1);
    const url = `/api/v1/payments/${first.json().paymentId}/reverse`;
    expect((await call('cabang.atambua', 'POST', url, { reason: 'salah transfer' })).statusCode).toBe(403);
    const rev = await call('supervisor.atambua', 'POST', url, { reason: 'salah transfer' });
    expect(rev.statusCode).toBe(200);
    expect(rev.json().balances.receivableRp).toBe(201_600);
  });
});
