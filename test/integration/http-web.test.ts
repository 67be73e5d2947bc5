import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { SIGNED_OUT_META } from '../../src/http/web-page.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';

const SCRIPT = `console.log(${JSON.stringify('lindung '.repeat(400))});`;

/** A server over a temporary web folder with a page and one hashed asset with its .br and .gz. */
function webServer(): { app: () => FastifyInstance } {
  let t: TestDb;
  let app: FastifyInstance;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lindung-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><head><title>lindung</title></head><body></body>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(
      join(dir, '.vite', 'manifest.json'),
      JSON.stringify({ 'src/charts/echarts-setup.ts': { file: 'assets/echarts-setup-abc123.js' } }),
    );
    const p = await preparedDeps();
    t = p.t;
    app = await buildServer({ deps: p.deps, webDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { app: () => app };
}

describe('HTTP: the web UI is served at /', () => {
  const server = webServer();

  it('answers the app for its own paths, including region codes with dots', async () => {
    for (const url of ['/', '/wilayah/53.04', '/wilayah/53.04.01.2001?x=1']) {
      const res = await server.app().inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>lindung</title>');
    }
  });

  it('marks the page signed out when no session cookie came with it, so the login form needs no round trip', async () => {
    for (const url of ['/', '/dashboard/district']) {
      const anonymous = await server.app().inject({ url });
      expect(anonymous.body, url).toContain(SIGNED_OUT_META);
      expect(anonymous.headers.vary, url).toMatch(/cookie/i);
      const withCookie = await server.app().inject({ url, cookies: { lindung_session: 'anything' } });
      expect(withCookie.statusCode, url).toBe(200);
      expect(withCookie.body, url).toContain('<title>lindung</title>');
      expect(withCookie.body, url).not.toContain('lindung-session');
    }
  });

  it('preloads the chart chunk in the page of a dashboard for a signed-in browser only', async () => {
    const preload = '<link rel="modulepreload" crossorigin href="/assets/echarts-setup-abc123.js" />';
    const cookies = { lindung_session: 'anything' };
    const dashboard = await server.app().inject({ url: '/dashboard/district?x=1', cookies });
    expect(dashboard.body).toContain(preload);
    expect((await server.app().inject({ url: '/', cookies })).body).not.toContain('modulepreload');
    expect((await server.app().inject({ url: '/dashboard/district' })).body).not.toContain('modulepreload');
    expect((await server.app().inject({ url: '/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('keeps /verifikasi/{batch} for the app and sends an old card QR (/verifikasi/{11-digit KPJ}) to /cek', async () => {
    const batch = await server.app().inject({ url: '/verifikasi/70' });
    expect(batch.statusCode).toBe(200);
    expect(batch.body).toContain('<title>lindung</title>');
    const oldQr = await server.app().inject({ url: '/verifikasi/26000000010' });
    expect(oldQr.statusCode).toBe(301);
    expect(oldQr.headers.location).toBe('/cek/26000000010');
    const check = await server.app().inject({ url: '/cek/26000000010' });
    expect(check.statusCode).toBe(404);
    expect(check.body).toContain('Nomor KPJ tidak ditemukan');
  });

  it('answers 404 for a missing asset and JSON 404 under /api', async () => {
    expect((await server.app().inject({ url: '/assets/index-123.js' })).statusCode).toBe(404);
    const api = await server.app().inject({ url: '/api/v2/anything' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
  });
});

describe('HTTP: web assets compressed and cached for slow networks', () => {
  const server = webServer();
  const script = SCRIPT;

  it('sends the brotli file to a browser that takes it, gzip to one that takes only gzip, plain otherwise', async () => {
    const url = '/assets/index-abc123.js';
    const br = await server.app().inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const gz = await server.app().inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await server.app().inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets a phone keep hashed assets for a year and asks again for the page that names them', async () => {
    const asset = await server
      .app()
      .inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/wilayah/53.04']) {
      const page = await server.app().inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
