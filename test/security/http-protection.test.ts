import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { type AccessFixture, accessFixture } from '../support/access-fixture.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { tally } from '../support/security-tally.ts';

// Point 5, B8, L2 and L4 of issue 14: security headers and no-store on every answer, the CSRF
// check, Node's 431 in the catalog format, the public card check throttled per address in the
// database (surviving a restart, not fooled by X-Forwarded-For), and masked lists that do not
// let anyone rebuild a NIK.

const EVIL = 'https://evil.example';

/** Luhn check digit over the 10 digits (the KPJ's last digit). */
function luhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

describe('security: headers, CSRF, the public check and masks', () => {
  let t: TestDb;
  let f: AccessFixture;
  const extra: FastifyInstance[] = [];
  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    f = await accessFixture(p.deps);
  });
  afterAll(async () => {
    for (const app of extra) await app.close();
    await f?.app.close();
    await t?.drop();
  });

  it('sends CSP, frame-ancestors, nosniff, Referrer-Policy and no-store on API answers; HSTS only when asked', async () => {
    for (const url of ['/api/v1/health', '/api/v1/participants', '/api/v1/nothing-here']) {
      const res = await f.app.inject({ url, headers: { cookie: f.cookies.district_officer } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const https = await buildServer({ deps: f.deps, webDir: '/nonexistent', hsts: true });
    extra.push(https);
    const res = await https.inject({ url: '/api/v1/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('B8: refuses a cross-site text/plain POST riding the session cookie', async () => {
    const url = `/api/v1/participants/${f.participantIds[7]}/activation-code`;
    const cookie = f.cookies.branch_officer;
    const forged = [
      { origin: EVIL, 'content-type': 'text/plain' },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      // same site, but no X-Lindung-Client: a plain HTML form cannot add it
      { 'x-lindung-client': '' },
    ];
    for (const headers of forged) {
      const res = await f.app.inject({
        method: 'POST',
        url,
        headers: { cookie, ...headers },
        payload: 'x=1',
      });
      expect([res.statusCode, res.json().error.code], JSON.stringify(headers)).toEqual([
        403,
        'CROSS_SITE_REFUSED',
      ]);
    }
    const login = await f.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: EVIL },
      payload: { username: 'admin', password: 'x' },
    });
    expect([login.statusCode, login.json().error.code]).toEqual([403, 'CROSS_SITE_REFUSED']);
    // Our own page: same origin, the client header (added by asWebClient, as the web app sends it).
    const own = await f.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('answers headers too large with 431 in the catalog format', async () => {
    const server = await buildServer({ deps: f.deps, webDir: '/nonexistent' });
    extra.push(server);
    await server.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.server.address() as { port: number }).port;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString();
      });
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('L4: throttles enumerating KPJs per address, in the database: a restart or X-Forwarded-For does not reset it', async () => {
    const address = '198.51.100.7';
    const kpjs = Array.from({ length: 40 }, (_, i) => {
      const ten = `26${String(900_000 + i).padStart(8, '0')}`;
      return ten + luhn(ten);
    });
    const statuses: number[] = [];
    for (const kpj of kpjs) {
      statuses.push(
        (await f.app.inject({ url: `/api/v1/public/verify/${kpj}`, remoteAddress: address })).statusCode,
      );
    }
    const answered = statuses.filter((s) => s !== 429).length;
    // Answers past the limit would let the whole KPJ space be harvested: counted as leaks.
    tally('KPJ enumeration', { requests: kpjs.length, leaks: Math.max(0, answered - 30), principals: 1 });
    console.log(
      `security: KPJ enumeration from one address, ${answered} of ${kpjs.length} answered, rest 429`,
    );
    expect(answered).toBe(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // The page the QR code opens shares the limit, and refuses as a page.
    const page = await f.app.inject({ url: `/cek/${f.kpjs[1]}`, remoteAddress: address });
    expect([page.statusCode, page.headers['content-type']]).toEqual([429, 'text/html; charset=utf-8']);
    // Another address claiming to be someone else (no trusted proxy): still the same address.
    const spoofed = await f.app.inject({
      url: `/api/v1/public/verify/${f.kpjs[1]}`,
      remoteAddress: address,
      headers: { 'x-forwarded-for': '203.0.113.1' },
    });
    expect(spoofed.statusCode).toBe(429);
    // A new server process on the same database: the count is still there.
    const restarted = await buildServer({ deps: f.deps, webDir: '/nonexistent' });
    extra.push(restarted);
    const after = await restarted.inject({
      url: `/api/v1/public/verify/${f.kpjs[1]}`,
      remoteAddress: address,
    });
    expect([after.statusCode, after.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    // No address is stored, only a hash.
    const stored = await f.deps.db.query<{ key_hash: string }>('SELECT key_hash FROM rate_limit_window');
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain('198.51');
    // Behind a trusted proxy the forwarded address counts: a fresh address passes.
    const proxied = await buildServer({ deps: f.deps, webDir: '/nonexistent', trustedProxies: [address] });
    extra.push(proxied);
    const viaProxy = await proxied.inject({
      url: `/api/v1/public/verify/${f.kpjs[1]}`,
      remoteAddress: address,
      headers: { 'x-forwarded-for': '203.0.113.1' },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.json()).toEqual({
      kpj: f.kpjs[1],
      name: expect.stringMatching(/^(\p{Lu}\. ?)+$/u),
      status: 'active',
      programs: expect.any(Array),
    });
  });

  it('L2: no masked list lets anyone rebuild a NIK (no birth date or sex beside a masked NIK)', async () => {
    type Person = { nik: string; birthDate: string; sex: string };
    const lists: [string, Person[]][] = [];
    // The auditor reads participants masked; the district sees its regency's in full (issue 15)
    // and an activated batch masked: nothing left to verify there (src/privacy/unmask.ts).
    const participants = await f.app.inject({
      url: '/api/v1/participants?limit=500',
      headers: { cookie: f.cookies.auditor },
    });
    lists.push(['participants', participants.json().participants]);
    const batch = await f.app.inject({
      url: `/api/v1/enrolment/batches/${f.batches.activated}`,
      headers: { cookie: f.cookies.district_officer },
    });
    lists.push(['enrolment rows', batch.json().rows]);
    for (const [name, rows] of lists) {
      expect(rows.length, name).toBeGreaterThan(0);
      for (const r of rows) {
        // Only the regency (digits 1-4) and the last two digits show: district, DDMMYY and the
        // serial's first two digits are hidden, and so are the birth date and sex they encode.
        expect(r.nik, name).toMatch(/^\d{4}\*{10}\d{2}$/);
        expect([r.birthDate, r.sex], name).toEqual(['****-**-**', '*']);
      }
    }
  });
});
