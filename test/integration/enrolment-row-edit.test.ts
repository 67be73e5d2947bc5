import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor, toCsv, validWorkers } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';

// Issue 15 point 5: the village sees the rows of its draft batch and corrects or removes them on
// screen before submitting; a correction is validated like an uploaded row and replaces the old.
describe('HTTP: the village corrects and removes rows of its draft batch', () => {
  let t: TestDb;
  let app: FastifyInstance;
  const c: Record<string, string> = {};
  let batchId = 0;
  const KEWAR = '53.04.01.2001';
  const req = (who: string, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, payload: payload as string, headers: { cookie: c[who]! } });
  const rows = async (who = 'desa.kewar') =>
    (await req(who, 'GET', `/api/v1/enrolment/batches/${batchId}`)).json() as {
      batch: { valid: number; invalid: number };
      rows: {
        rowId: number;
        rowNumber: number;
        nik: string;
        fullName: string;
        state: string;
        errors: { code: string }[];
      }[];
    };
  const auditActions = async () =>
    (
      await t.db.query<{ action: string; after: unknown }>(
        `SELECT action, after FROM audit_log WHERE entity = 'enrolment_batch' AND entity_id = $1 ORDER BY id`,
        [String(batchId)],
      )
    ).rows;

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
    Object.assign(c, await loginAll(app, ['desa.kewar', 'desa.fulur', 'cabang.atambua']));
    // Four rows: two good, one with a NIK that does not match its birth date, one aged 12.
    const workers = validWorkers(4, 700);
    workers[2]!.nik = nikFor({ birthDate: '1980-01-01', sex: 'P', serial: 702 });
    workers[3]!.birthDate = '2014-03-03';
    const up = await app.inject({
      method: 'POST',
      url: `/api/v1/enrolment/uploads?village=${KEWAR}`,
      payload: toCsv(workers),
      headers: { cookie: c['desa.kewar']!, 'content-type': 'text/csv', 'x-file-name': 'kewar.csv' },
    });
    expect(up.statusCode).toBe(201);
    batchId = up.json().batch.id;
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('lists every row with its id, and refuses a row of another village (404) and branch staff (403)', async () => {
    const before = await rows();
    expect(before.batch).toMatchObject({ valid: 2, invalid: 2 });
    expect(before.rows.map((r) => [r.rowNumber, r.state])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'invalid'],
      [5, 'invalid'],
    ]);
    const bad = before.rows[2]!;
    expect(bad.errors.map((e) => e.code)).toContain('NIK_BIRTH_DATE_MISMATCH');
    const form = (
      await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`)
    ).json();
    expect(form.row).toMatchObject({ rowNumber: 4, nik: bad.nik, sex: 'P', villageCode: '' });
    expect(
      (await req('desa.fulur', 'GET', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`)).statusCode,
    ).toBe(404);
    expect(
      (await req('cabang.atambua', 'PUT', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`, form.row))
        .statusCode,
    ).toBe(400); // the form's own fields (rowId, state) are not part of a correction
    const { rowId: _r, rowNumber: _n, state: _s, ...fields } = form.row;
    expect(
      (await req('cabang.atambua', 'PUT', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`, fields))
        .statusCode,
    ).toBe(403);
  });

  it('a correction is validated like a file row: a wrong fix stays invalid, a right one becomes valid', async () => {
    const bad = (await rows()).rows.find((r) => r.rowNumber === 4)!;
    const form = (
      await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`)
    ).json().row;
    const { rowId: _r, rowNumber: _n, state: _s, ...fields } = form;
    // Still wrong: the birth date typed as in the file (DD/MM/YYYY), still not the NIK's.
    const still = await req('desa.kewar', 'PUT', `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`, {
      ...fields,
      birthDate: '02/01/1980',
    });
    expect(still.statusCode).toBe(200);
    expect(still.json().row).toMatchObject({ rowNumber: 4, state: 'invalid' });
    expect(still.json().row.errors.map((e: { code: string }) => e.code)).toContain('NIK_BIRTH_DATE_MISMATCH');
    // The old row is gone from the batch; correcting it again is a conflict, not a new row.
    const again = await req(
      'desa.kewar',
      'PUT',
      `/api/v1/enrolment/batches/${batchId}/rows/${bad.rowId}`,
      fields,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ENROLMENT_ROW_REPLACED');
    const fixed = await req(
      'desa.kewar',
      'PUT',
      `/api/v1/enrolment/batches/${batchId}/rows/${still.json().row.rowId}`,
      {
        ...fields,
        birthDate: '1980-01-01',
        phone: '0812 3456 7890',
      },
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().row).toMatchObject({ rowNumber: 4, state: 'valid', errors: [] });
    expect(fixed.json().batch).toMatchObject({ valid: 3, invalid: 1 });
    const after = await rows();
    expect(after.rows.map((r) => [r.rowNumber, r.state])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [5, 'invalid'],
      [4, 'valid'],
    ]);
  });

  it('a correction that repeats a NIK already in the batch keeps one row of that person', async () => {
    const [first] = (await rows()).rows;
    const child = (await rows()).rows.find((r) => r.rowNumber === 5)!;
    const form = (
      await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}/rows/${child.rowId}`)
    ).json().row;
    const { rowId: _r, rowNumber: _n, state: _s, ...fields } = form;
    const firstForm = (
      await req('desa.kewar', 'GET', `/api/v1/enrolment/batches/${batchId}/rows/${first!.rowId}`)
    ).json().row;
    const dup = await req('desa.kewar', 'PUT', `/api/v1/enrolment/batches/${batchId}/rows/${child.rowId}`, {
      ...fields,
      nik: firstForm.nik,
      birthDate: firstForm.birthDate,
      sex: firstForm.sex,
    });
    expect(dup.json().row.state).toBe('kept');
    expect(dup.json().batch).toMatchObject({ valid: 3, invalid: 0 });
  });

  it('removes a row, audited without personal data; a submitted batch can no longer be edited', async () => {
    const [, second] = (await rows()).rows;
    const gone = await req(
      'desa.kewar',
      'DELETE',
      `/api/v1/enrolment/batches/${batchId}/rows/${second!.rowId}`,
    );
    expect(gone.statusCode).toBe(200);
    expect(gone.json().batch).toMatchObject({ valid: 2, invalid: 0 });
    expect((await rows()).rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    const audit = await auditActions();
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('enrolment.'))).toEqual([
      'enrolment.upload',
      'enrolment.row_correct',
      'enrolment.row_correct',
      'enrolment.row_correct',
      'enrolment.row_remove',
    ]);
    // Each opened correction form showed a person in full: a view row each.
    expect(audit.filter((a) => a.action === 'personal_data.view').length).toBeGreaterThanOrEqual(4);
    const text = JSON.stringify(audit.filter((a) => a.action.startsWith('enrolment.row')));
    expect(text).toContain('"changed":["birthDate"]');
    expect(text).not.toMatch(/\d{16}/);
    expect(text).not.toContain('Maria');
    expect((await req('desa.kewar', 'POST', `/api/v1/enrolment/batches/${batchId}/submit`)).statusCode).toBe(
      200,
    );
    const [row] = (await rows()).rows;
    const late = await req('desa.kewar', 'DELETE', `/api/v1/enrolment/batches/${batchId}/rows/${row!.rowId}`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('BATCH_STATE');
  });
});
