import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import { insertBulkParticipants } from '../support/bulk-participants.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginAll } from '../support/http.ts';

const KEWAR = '53.04.01.2001';
const DOCS = [
  'kartu_kpj',
  'ktp_peserta',
  'ktp_ahli_waris',
  'akta_kematian',
  'kartu_keluarga',
  'surat_ahli_waris',
  'buku_rekening',
];
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

describe('HTTP: claims', () => {
  let t: TestDb;
  let deps: Deps;
  let app: FastifyInstance;
  let c: Record<string, string>;
  let kpjs: string[];
  let claimId = 0;
  const count = async (table: string) =>
    (await deps.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const counts = async () =>
    Promise.all(['claim', 'claim_document', 'document_blob', 'claim_event', 'audit_log'].map(count));
  const body = (kpj: string) => ({
    kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate: '2026-11-24',
    claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
    bank: { code: '130', account: '1234567890', holder: 'Maria Bete' },
  });
  const upload = (id: number, docType: string, bytes: Buffer, who = 'cabang.atambua') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/claims/${id}/documents?docType=${docType}`,
      headers: { cookie: c[who]!, 'content-type': 'application/pdf', 'x-file-name': `${docType}.pdf` },
      payload: bytes,
    });

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    await enrolActive(deps, KEWAR, 10);
    await insertBulkParticipants(deps.db, {
      regencyCode: '53.01',
      count: 1,
      effectiveDate: '2026-11-01',
      at: '2026-11-01T00:00:00Z',
      nikPrefix: '530101',
    });
    kpjs = (
      await deps.db.query<{ kpj: string }>(`SELECT kpj FROM participant WHERE region_code = $1 ORDER BY id`, [
        KEWAR,
      ])
    ).rows.map((r) => r.kpj);
    c = await loginAll(app, ['cabang.atambua', 'supervisor.atambua', 'dinas.belu', 'desa.kewar', 'auditor']);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('files a claim; the reason catalog and the routes are in the API', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/claims',
      headers: { cookie: c['cabang.atambua']! },
      payload: body(kpjs[0]!),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'filed', number: 'KLM/5304/2026/000001' });
    claimId = res.json().id;
    const reasons = await app.inject({ url: '/api/v1/claim-reasons', headers: { cookie: c['auditor']! } });
    expect(reasons.json().reasons).toContainEqual(
      expect.objectContaining({ code: 'COVER_LAPSED', id: expect.stringContaining('Kepesertaan berakhir') }),
    );
    const spec = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/claims', '/api/v1/claims/{id}/documents', '/api/v1/claim-reasons']),
    );
  });

  it('roles without claims.file cannot file; village operators cannot read claims', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/claims',
      headers: { cookie: c['dinas.belu']! },
      payload: body(kpjs[1]!),
    });
    expect(res.statusCode).toBe(403);
    const read = await app.inject({
      url: `/api/v1/claims/${claimId}`,
      headers: { cookie: c['desa.kewar']! },
    });
    expect(read.statusCode).toBe(403);
  });

  it('a participant outside the officer’s branch answers 404 and writes nothing', async () => {
    const other = (
      await deps.db.query<{ kpj: string }>(`SELECT kpj FROM participant WHERE regency_code = '53.01' LIMIT 1`)
    ).rows[0]!.kpj;
    const before = await counts();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/claims',
      headers: { cookie: c['cabang.atambua']! },
      payload: body(other),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('an executable renamed .pdf gets 415 DOCUMENT_TYPE_NOT_ALLOWED and writes nothing', async () => {
    const before = await counts();
    const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(4096, 7)]);
    const res = await upload(claimId, 'kartu_kpj', exe);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
    expect(await counts()).toEqual(before);
  });

  it('a 50 MB upload gets 413 DOCUMENT_TOO_LARGE as JSON and writes nothing', async () => {
    const before = await counts();
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    big.write('%PDF-1.7\n', 0);
    const res = await upload(claimId, 'kartu_kpj', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      message: expect.stringContaining('10 MB'),
    });
    expect(await counts()).toEqual(before);
  });

  it('uploads the checklist (raw bytes and base64 JSON), submits, and a supervisor approves', async () => {
    for (const docType of DOCS.slice(0, -1)) {
      const res = await upload(claimId, docType, Buffer.from(`%PDF-1.4\n${docType}\n`));
      expect(res.statusCode).toBe(201);
    }
    const last = await app.inject({
      method: 'POST',
      url: `/api/v1/claims/${claimId}/documents`,
      headers: { cookie: c['cabang.atambua']! },
      payload: { docType: 'buku_rekening', fileName: 'rekening.png', contentBase64: PNG.toString('base64') },
    });
    expect(last.statusCode).toBe(201);
    expect(last.json()).toMatchObject({ mediaType: 'image/png', missing: [] });
    const submit = await app.inject({
      method: 'POST',
      url: `/api/v1/claims/${claimId}/submit`,
      headers: { cookie: c['cabang.atambua']! },
    });
    expect(submit.json()).toMatchObject({ status: 'submitted', amountRp: 42_000_000 });
    const byMaker = await app.inject({
      method: 'POST',
      url: `/api/v1/claims/${claimId}/decision`,
      headers: { cookie: c['cabang.atambua']! },
      payload: { approve: true },
    });
    expect(byMaker.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/claims/${claimId}/decision`,
      headers: { cookie: c['supervisor.atambua']! },
      payload: { approve: true },
    });
    expect(ok.json()).toMatchObject({ status: 'approved', amountRp: 42_000_000 });
  });

  it('the auditor reads the claim masked, with its explanation; documents are served in scope', async () => {
    const res = await app.inject({ url: `/api/v1/claims/${claimId}`, headers: { cookie: c['auditor']! } });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.bank).toMatchObject({ code: '130', name: 'Bank NTT', account: '******7890' });
    expect(v.claimant.nik).toBe('5304**********01');
    expect(v.explanation.summary.id).toMatch(/^Manfaat Rp 42\.000\.000: /);
    expect(v.checklist.every((x: { present: boolean }) => x.present)).toBe(true);
    const png = v.documents.find((d: { docType: string }) => d.docType === 'buku_rekening');
    const file = await app.inject({
      url: `/api/v1/claims/${claimId}/documents/${png.id}`,
      headers: { cookie: c['supervisor.atambua']! },
    });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const list = await app.inject({
      url: '/api/v1/claims?status=approved',
      headers: { cookie: c['auditor']! },
    });
    expect(list.json()).toMatchObject({
      total: 1,
      claims: [{ number: 'KLM/5304/2026/000001', overdue: false }],
    });
  });
});
