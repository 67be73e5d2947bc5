import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';

// Issue 15, point 3: the verifiers see what they verify. The district officer sees NIK and names
// in full on a batch under verification and in its regency's participants; the village operator
// sees its own village in full and nothing of another; the auditor (participants.read, nothing to
// verify) sees them masked. Every view in full leaves one audit row naming the records by id, and
// no audit row carries a NIK or a name.

const KEWAR = '53.04.01.2001';
const FULL_NIK = /^\d{16}$/;
const MASKED_NIK = /^\d{4}\*{10}\d{2}$/;

interface AuditRow {
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: string | null;
  after: string | null;
}

describe('personal data in full for verifiers, every view audited', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let batchId = 0;
  const c: Record<string, string> = {};
  const workers = validWorkers(12);
  const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
  const post = (who: string, url: string) =>
    app.inject({ method: 'POST', url, headers: { cookie: c[who]! } });
  const views = async (actor: string) =>
    (
      await t.db.query<AuditRow>(
        `SELECT actor, action, entity, entity_id AS "entityId", region_code AS "regionCode",
                before::text AS before, after::text AS after
         FROM audit_log WHERE action = 'personal_data.view' AND actor = $1 ORDER BY id`,
        [actor],
      )
    ).rows;

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
    Object.assign(
      c,
      await loginAll(app, ['auditor', 'dinas.belu', 'cabang.atambua', 'desa.kewar', 'desa.fulur']),
    );
    const up = await app.inject({
      method: 'POST',
      url: `/api/v1/enrolment/uploads?village=${KEWAR}`,
      payload: toCsv(workers),
      headers: {
        cookie: c['desa.kewar']!,
        'content-type': 'application/octet-stream',
        'x-file-name': 'kewar.csv',
      },
    });
    expect(up.statusCode).toBe(201);
    batchId = up.json().batch.id;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('a draft batch stays masked for the district: nothing to verify yet, nothing audited', async () => {
    const draft = (await get('dinas.belu', `/api/v1/enrolment/batches/${batchId}`)).json();
    expect(draft.rows[0].nik).toMatch(MASKED_NIK);
    expect(draft.personalDataInFull).toBe(false);
    expect(await views('dinas.belu')).toEqual([]);
  });

  it('the district officer sees a batch under verification in full, and the view is audited', async () => {
    expect((await post('desa.kewar', `/api/v1/enrolment/batches/${batchId}/submit`)).statusCode).toBe(200);
    const res = await get('dinas.belu', `/api/v1/enrolment/batches/${batchId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.personalDataInFull).toBe(true);
    expect(body.rows.map((r: { nik: string }) => r.nik)).toEqual(workers.map((w) => w.nik));
    expect(body.rows[0].fullName).toBe(workers[0]!.name);
    const audited = await views('dinas.belu');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      entity: 'enrolment_batch',
      entityId: String(batchId),
      regionCode: KEWAR,
    });
    expect(JSON.parse(audited[0]!.after!)).toEqual({ status: 'submitted', rows: 12 });
  });

  it('the auditor reads the same batch masked, and leaves no view row', async () => {
    const body = (await get('auditor', `/api/v1/enrolment/batches/${batchId}`)).json();
    expect(body.rows[0].nik).toMatch(MASKED_NIK);
    expect(body.rows[0].fullName).toContain('*');
    expect(body.personalDataInFull).toBe(false);
    expect(await views('auditor')).toEqual([]);
  });

  it('participants: the village and the district in full (audited by id), the auditor masked', async () => {
    expect((await post('dinas.belu', `/api/v1/enrolment/batches/${batchId}/verify`)).statusCode).toBe(200);
    expect((await post('cabang.atambua', `/api/v1/enrolment/batches/${batchId}/activate`)).statusCode).toBe(
      200,
    );

    const own = (await get('desa.kewar', '/api/v1/participants')).json();
    expect(own.participants).toHaveLength(12);
    expect(own.personalDataInFull).toBe(true);
    expect(own.participants.every((p: { nik: string }) => FULL_NIK.test(p.nik))).toBe(true);
    const ids = own.participants.map((p: { id: number }) => p.id);
    const village = await views('desa.kewar');
    // The upload's report came back to the village in full but is audited as the upload itself;
    // this is the one view row: the participant page, its twelve ids, in the regency's chain.
    expect(village).toHaveLength(1);
    expect(village[0]).toMatchObject({ entity: 'participant', entityId: null, regionCode: '53.04' });
    expect(JSON.parse(village[0]!.after!)).toEqual({ participantIds: ids });

    // A search by name: the name searched for is not written to the audit row either.
    const name = encodeURIComponent(workers[2]!.name);
    const district = (await get('dinas.belu', `/api/v1/participants?region=53.04.01&q=${name}`)).json();
    expect(district.participants.map((p: { fullName: string }) => p.fullName)).toContain(workers[2]!.name);
    expect(district.participants[0].nik).toMatch(FULL_NIK);
    const districtViews = await views('dinas.belu');
    expect(districtViews).toHaveLength(2);
    expect(JSON.parse(districtViews[1]!.after!).participantIds).toEqual(
      district.participants.map((p: { id: number }) => p.id),
    );

    const reader = (await get('auditor', '/api/v1/participants?region=53.04.01')).json();
    expect(reader.participants).toHaveLength(12);
    expect(reader.personalDataInFull).toBe(false);
    expect(reader.participants.every((p: { nik: string }) => MASKED_NIK.test(p.nik))).toBe(true);
    expect(await views('auditor')).toEqual([]);
  });

  it('another village sees none of Kewar: an empty list and a 404 for the batch, nothing audited', async () => {
    const other = (await get('desa.fulur', '/api/v1/participants')).json();
    expect(other.participants).toEqual([]);
    expect(other.personalDataInFull).toBe(false);
    const asked = (await get('desa.fulur', `/api/v1/participants?region=${KEWAR}`)).json();
    expect(asked.participants).toEqual([]);
    expect((await get('desa.fulur', `/api/v1/enrolment/batches/${batchId}`)).statusCode).toBe(404);
    expect(await views('desa.fulur')).toEqual([]);
  });

  it('no audit row carries a NIK or a name, in any of its columns', async () => {
    const rows = (
      await t.db.query<{ text: string }>(
        `SELECT concat_ws(' ', actor, action, entity, entity_id, region_code, before::text, after::text) AS text
         FROM audit_log`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(5);
    for (const w of workers) {
      for (const r of rows) {
        expect(r.text).not.toContain(w.nik);
        expect(r.text).not.toContain(w.name);
      }
    }
  });
});
