import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { validWorkers } from '../support/enrolment-csv.ts';
import { asWebClient, demoServer, loginAll, loginCookie } from '../support/http.ts';

// Issue 15, point 1: the staff's participant page, GET /api/v1/participants/{kpj}. Identity in
// full for those who enter, pay or verify the person (each such view audited), masked for the
// rest; the parts of the page follow the permissions the role already has; a KPJ outside the
// caller's scope, or no KPJ at all, is 404. And the admin's view of the printed public address.

const KEWAR = '53.04.01.2001';
const FULL_NIK = /^\d{16}$/;
const MASKED_NIK = /^\d{4}\*{10}\d{2}$/;
// A village batch needs ten workers (the regency's minimum); the page is read for the first.
const WORKERS = validWorkers(10);

describe('the participant page', () => {
  let t: TestDb;
  let deps: Deps;
  let app: FastifyInstance;
  let kpj = '';
  let participantId = 0;
  const c: Record<string, string> = {};
  const page = (who: string, k = kpj) =>
    app.inject({ method: 'GET', url: `/api/v1/participants/${k}`, headers: { cookie: c[who]! } });
  const views = async (actor: string) =>
    (
      await t.db.query<{ entityId: string | null; after: string }>(
        `SELECT entity_id AS "entityId", after::text AS after FROM audit_log
         WHERE action = 'personal_data.view' AND entity = 'participant' AND actor = $1 ORDER BY id`,
        [actor],
      )
    ).rows;

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    deps = p.deps;
    app = await demoServer(p.deps);
    Object.assign(c, await loginAll(app, ['admin', 'auditor', 'cabang.atambua', 'desa.kewar', 'desa.fulur']));
    await enrolActive(p.deps, KEWAR, WORKERS.length);
    await runBilling(p.deps, consoleActor(), { regencyCode: '53.04', period: '2026-11' });
    const r = await t.db.query<{ id: number; kpj: string }>(
      `SELECT pa.id, pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id
       WHERE p.nik = $1`,
      [WORKERS[0]!.nik],
    );
    ({ id: participantId, kpj } = r.rows[0]!);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('shows the branch officer the person in full with every part, and audits the view', async () => {
    const res = await page('cabang.atambua');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.personalDataInFull).toBe(true);
    expect(body.participant).toMatchObject({
      kpj,
      nik: WORKERS[0]!.nik,
      fullName: WORKERS[0]!.name,
      birthDate: WORKERS[0]!.birthDate,
      regionCode: KEWAR,
      status: 'active',
    });
    expect(body.participant.nik).toMatch(FULL_NIK);
    expect(body.coverage.periods).toHaveLength(1);
    expect(body.coverage.periods[0].to).toBeNull();
    expect(body.coverage.history.map((h: { status: string }) => h.status)).toEqual([
      'proposed',
      'verified',
      'active',
    ]);
    // The November run bills the worker's programmes on the village's invoice, not yet paid.
    expect(body.contributions.lines.length).toBeGreaterThan(0);
    expect(body.contributions.totals.paidRp).toBe(0);
    expect(body.contributions.totals.unpaidRp).toBe(body.contributions.totals.billedRp);
    expect(body.claims).toEqual([]);
    expect(body.memberships).toEqual([]);
    expect(body.account).toBe('none');
    expect(body.actions).toEqual({ printCard: true, activationLetter: true, fileClaim: true });
    const audited = await views('cabang.atambua');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.entityId).toBe(String(participantId));
    expect(audited[0]!.after).not.toContain(WORKERS[0]!.nik);
    expect(audited[0]!.after).not.toContain(WORKERS[0]!.name);
  });

  it('masks the person for the auditor and audits nothing; the auditor prints nothing', async () => {
    const body = (await page('auditor')).json();
    expect(body.personalDataInFull).toBe(false);
    expect(body.participant.nik).toMatch(MASKED_NIK);
    expect(body.participant.fullName).not.toBe(WORKERS[0]!.name);
    expect(body.participant.birthDate).toBe('****-**-**');
    expect(body.participant.sex).toBe('*');
    expect(body.claims).toEqual([]);
    expect(body.account).toBeNull();
    expect(body.actions).toEqual({ printCard: false, activationLetter: false, fileClaim: false });
    expect(await views('auditor')).toEqual([]);
  });

  it('shows the village operator its own people in full, without the claims it may not read', async () => {
    const body = (await page('desa.kewar')).json();
    expect(body.participant.nik).toBe(WORKERS[0]!.nik);
    expect(body.contributions.lines.length).toBeGreaterThan(0);
    expect(body.claims).toBeNull();
    expect(body.actions).toEqual({ printCard: true, activationLetter: false, fileClaim: false });
    expect(await views('desa.kewar')).toHaveLength(1);
  });

  it('answers another village’s operator 404, and audits nothing for it', async () => {
    const res = await page('desa.fulur');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(await views('desa.fulur')).toEqual([]);
  });

  it('answers 404 for a KPJ nobody holds and for text that is no KPJ', async () => {
    expect((await page('cabang.atambua', '99999999999')).statusCode).toBe(404);
    expect((await page('cabang.atambua', 'abc')).statusCode).toBe(404);
  });

  it('tells the account state once the branch issued a code', async () => {
    const issued = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${participantId}/activation-code`,
      headers: { cookie: c['cabang.atambua']! },
    });
    expect(issued.statusCode).toBe(201);
    expect((await page('cabang.atambua')).json().account).toBe('pending');
  });

  it('warns the admin that cards print localhost on a server that listens beyond this machine', async () => {
    vi.stubEnv('LINDUNG_PUBLIC_URL', '');
    const served = asWebClient(await buildServer({ deps, webDir: '/nonexistent', listenHost: '0.0.0.0' }));
    try {
      const get = async (who: string) =>
        served.inject({
          method: 'GET',
          url: '/api/v1/system/public-url',
          headers: { cookie: await loginCookie(served, who) },
        });
      const res = await get('admin');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        publicBaseUrl: 'http://localhost:3000',
        listenHost: '0.0.0.0',
        problem: 'loopback',
      });
      expect((await get('desa.kewar')).statusCode).toBe(403);
      // Built without a listen host (as here above), the server knows of no problem.
      const plain = await app.inject({
        method: 'GET',
        url: '/api/v1/system/public-url',
        headers: { cookie: c.admin! },
      });
      expect(plain.json()).toMatchObject({ listenHost: null, problem: null });
    } finally {
      vi.unstubAllEnvs();
      await served.close();
    }
  });
});
