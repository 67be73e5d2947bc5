import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { lindung } from '../support/cli.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

describe('public calculator: HTTP and CLI', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await buildServer({ deps: p.deps, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('computes the village worker premium (W7) without login', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'BPU', period: '2026-05', wageRp: 1_000_000, fundingSource: 'APBDES' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totalRp: 16_800, dueDate: '2026-05-15' });
  });

  it('computes the JKM death benefit (W1)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/benefit',
      payload: { program: 'JKM', eventDate: '2024-03-16', contributionMonths: 10 },
    });
    expect(res.json()).toMatchObject({ eligible: true, totalRp: 42_000_000 });
  });

  it('answers 400 naming the field, and 422 before a rule existed', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'BPU', period: '2026-13', wageRp: 1_000_000 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('period');
    const early = await app.inject({
      method: 'POST',
      url: '/api/v1/calculations/contribution',
      payload: { segment: 'PU', period: '2014-01', wageRp: 5_000_000, riskGroup: 1 },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RULE_NOT_IN_FORCE');
  });

  it('lindung calc prints JSON, and exits 2 on invalid input', () => {
    const input = JSON.stringify({ segment: 'JAKON', period: '2024-05', contractValueRp: 850_000_000 });
    const ok = lindung(['calc', 'contribution', '--json', input, '--output', 'json'], t.location);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).totalRp).toBe(1_525_000);
    const bad = lindung(['calc', 'contribution', '--json', '{"segment":"XX"}'], t.location);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('segment');
  });
});
