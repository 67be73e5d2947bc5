import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

describe('HTTP: the web UI is served at /', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lindung</title>');
    const p = await preparedDeps();
    t = p.t;
    app = await buildServer({ deps: p.deps, webDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the app for its own paths, including region codes with dots', async () => {
    for (const url of ['/', '/wilayah/53.04', '/wilayah/53.04.01.2001?x=1']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>lindung</title>');
    }
  });

  it('answers 404 for a missing asset and JSON 404 under /api', async () => {
    expect((await app.inject({ url: '/assets/index-123.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/v2/anything' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});
