import { inflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Deps } from '../../src/services/actor.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { loadDemo } from '../../src/services/load-demo.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { loginCookie } from '../support/http.ts';

const KEWAR = '53.04.01.2001';
const BASE = 'https://lindung.belu.test';
const WORKERS = validWorkers(10);

/** Page content streams, inflated. */
function pdfContents(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  return [...s.matchAll(/<<([^<>]*?)>>\s*stream\r?\n/g)].map((m) => {
    const len = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const raw = pdf.subarray(m.index + m[0].length, m.index + m[0].length + len);
    return (m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1');
  });
}

function pdfText(pdf: Buffer): string[] {
  return pdfContents(pdf).flatMap((c) =>
    [...c.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
    ),
  );
}

/** True when the PDF's QR runs (`col row length 1 re`) draw exactly the QR code of `text`. */
function drawsQrOf(pdf: Buffer, text: string): boolean {
  const drawn = new Set<string>();
  for (const c of pdfContents(pdf))
    for (const m of c.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm))
      for (let i = 0; i < Number(m[3]); i++) drawn.add(`${m[2]},${Number(m[1]) + i}`);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let dark = 0;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) {
        dark++;
        if (!drawn.has(`${r},${c}`)) return false;
      }
  return dark === drawn.size;
}

describe('HTTP: membership cards and public verification', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let kpj: string;
  const cookies: Record<string, string> = {};
  const savedUrl = process.env.LINDUNG_PUBLIC_URL;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await loadDemo(deps, consoleActor());
    const kewar = await demoActor(deps, 'desa.kewar');
    const up = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'k.csv',
      bytes: toCsv(WORKERS),
    });
    await submitEnrolmentBatch(deps, kewar, up.batch.id);
    await verifyEnrolmentBatch(deps, await demoActor(deps, 'dinas.belu'), up.batch.id);
    await activateEnrolmentBatch(deps, await demoActor(deps, 'cabang.atambua'), up.batch.id);
    kpj = (
      await deps.db.query<{ kpj: string }>(
        'SELECT pa.kpj FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1',
        [WORKERS[0]!.nik],
      )
    ).rows[0]!.kpj;
    process.env.LINDUNG_PUBLIC_URL = BASE;
    app = await buildServer({ deps, webDir: '/nonexistent', verifyRatePerMinute: 3 });
    for (const u of ['desa.kewar', 'desa.fulur', 'dinas.belu']) cookies[u] = await loginCookie(app, u);
  });
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.LINDUNG_PUBLIC_URL;
    else process.env.LINDUNG_PUBLIC_URL = savedUrl;
    await app?.close();
    await t.drop();
  });

  const get = (url: string, user?: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'GET', url, remoteAddress, headers: user ? { cookie: cookies[user]! } : {} });

  it('gives the village operator the card as a PDF whose QR opens LINDUNG_PUBLIC_URL/cek/<kpj>', async () => {
    const res = await get(`/api/v1/participants/${kpj}/card.pdf`, 'desa.kewar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kartu-peserta-${kpj}.pdf"`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(res.rawPayload)).toContain(WORKERS[0]!.name);
    expect(drawsQrOf(res.rawPayload, `${BASE}/cek/${kpj}`)).toBe(true);
    expect(drawsQrOf(res.rawPayload, `http://localhost:3000/cek/${kpj}`)).toBe(false);
  });

  it('gives the village sheets with one card per active participant', async () => {
    const res = await get(`/api/v1/villages/${KEWAR}/cards.pdf`, 'desa.kewar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kartu-peserta-${KEWAR}.pdf"`);
    const names = pdfText(res.rawPayload).filter((l) => WORKERS.some((w) => w.name === l));
    expect(names.sort()).toEqual(WORKERS.map((w) => w.name).sort());
  });

  it('answers 404 to another village’s operator, 403 to the district, 401 without login', async () => {
    const card = `/api/v1/participants/${kpj}/card.pdf`;
    const sheets = `/api/v1/villages/${KEWAR}/cards.pdf`;
    expect((await get(card, 'desa.fulur')).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await get(card, 'desa.fulur')).statusCode).toBe(404);
    const other = await get(sheets, 'desa.fulur');
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'REGION_NOT_FOUND']);
    for (const url of [card, sheets]) {
      const district = await get(url, 'dinas.belu');
      expect([district.statusCode, district.json().error.code]).toEqual([403, 'FORBIDDEN']);
      const anonymous = await get(url);
      expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('verifies a KPJ publicly with initials only and no NIK, birth date, village or dates', async () => {
    const res = await get(`/api/v1/public/verify/${kpj}`, undefined, '10.0.0.1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kpj,
      name: 'M. B. A.',
      status: 'active',
      programs: ['JKK', 'JKM'],
    });
    for (const secret of [WORKERS[0]!.nik, WORKERS[0]!.birthDate, 'Kewar', 'Maria', 'M****', '2026-11-24']) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('answers 404 for a KPJ with a wrong check digit or not a KPJ at all', async () => {
    const wrong = kpj.slice(0, 10) + String((Number(kpj[10]) + 1) % 10);
    for (const k of [wrong, 'abc']) {
      const res = await get(`/api/v1/public/verify/${k}`, undefined, '10.0.0.2');
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('serves the page the QR code opens, in Bahasa Indonesia, with the initials only', async () => {
    const res = await get(`/cek/${kpj}`, undefined, '10.0.0.3');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="id">');
    expect(res.body).toContain('<dd>M. B. A.</dd>');
    expect(res.body).toContain(
      `<dd>${kpj.slice(0, 2)} ${kpj.slice(2, 6)} ${kpj.slice(6, 10)} ${kpj[10]}</dd>`,
    );
    expect(res.body).not.toContain('24 November 2026');
    expect(res.body).not.toContain(WORKERS[0]!.nik);
    expect(res.body).not.toContain('<script');
    const missing = await get('/cek/26000000010', undefined, '10.0.0.3');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Nomor KPJ tidak ditemukan');
  });

  it('answers 429 once an address passes the limit, on the API and the page alike', async () => {
    const ip = '10.0.0.4';
    for (let i = 0; i < 3; i++)
      expect((await get(`/api/v1/public/verify/${kpj}`, undefined, ip)).statusCode).toBe(200);
    const limited = await get(`/api/v1/public/verify/${kpj}`, undefined, ip);
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'RATE_LIMITED']);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await get(`/cek/${kpj}`, undefined, ip)).statusCode).toBe(429);
    expect((await get(`/api/v1/public/verify/${kpj}`, undefined, '10.0.0.5')).statusCode).toBe(200);
  });
});
