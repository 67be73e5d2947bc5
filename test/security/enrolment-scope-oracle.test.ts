import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import { addUser } from '../../src/services/add-user.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor, toCsv, validWorkers, type WorkerRow } from '../support/enrolment-csv.ts';
import { demoServer, loginCookie } from '../support/http.ts';

// L3 (issue 14): an enrolment upload, dry run or real, must not be an oracle for NIKs enrolled in
// another regency. A conflict with a record outside the caller's regency is told only as
// NEEDS_BRANCH_REVIEW (nothing of the other record); a NIK not enrolled anywhere is answered as it
// would be in an empty registry.
describe('L3: enrolment conflicts outside the caller’s scope', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let cookie = '';
  let village = '';
  let covered: { nik: string; name: string; birthDate: string; sex: string; kpj: string; regionCode: string };
  let villageName = '';

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    app = await demoServer(p.deps);
    // Ten workers enrolled and active in Kewar (Belu, 53.04).
    const kewar = await demoActor(p.deps, 'desa.kewar');
    const up = await uploadEnrolment(p.deps, kewar, {
      villageCode: '53.04.01.2001',
      fileName: 'kewar.csv',
      bytes: toCsv(validWorkers(10)),
    });
    await submitEnrolmentBatch(p.deps, kewar, up.batch.id);
    await verifyEnrolmentBatch(p.deps, await demoActor(p.deps, 'dinas.belu'), up.batch.id);
    await activateEnrolmentBatch(p.deps, await demoActor(p.deps, 'cabang.atambua'), up.batch.id);
    // A village of another regency than the demo's Belu (53.04), and its operator.
    const v = await p.deps.db.query<{ code: string }>(
      `SELECT code FROM region WHERE code LIKE '53.71.%' AND length(code) = 13 ORDER BY code LIMIT 1`,
    );
    village = v.rows[0]!.code;
    await addUser(p.deps, consoleActor(), {
      username: 'desa.kupang',
      displayName: 'Operator Kupang',
      role: 'village_operator',
      scope: village,
      password: 'rahasia-panjang-1',
    });
    cookie = await loginCookie(app, 'desa.kupang', 'rahasia-panjang-1');
    const c = await p.deps.db.query<typeof covered & { villageName: string }>(
      `SELECT p.nik, p.full_name AS name, p.birth_date::text AS "birthDate", p.sex, pa.kpj,
              pa.region_code AS "regionCode", g.name AS "villageName"
       FROM participant pa JOIN person p ON p.id = pa.person_id JOIN region g ON g.code = pa.region_code
       WHERE pa.segment = 'BPU' AND pa.status = 'active' AND pa.region_code LIKE '53.04.%'
       ORDER BY pa.id LIMIT 1`,
    );
    ({ villageName, ...covered } = c.rows[0]!);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const upload = (rows: WorkerRow[], dryRun: boolean, fileName: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/enrolment/uploads?village=${village}&dryRun=${dryRun}`,
      payload: toCsv(rows),
      headers: { cookie, 'content-type': 'application/octet-stream', 'x-file-name': fileName },
    });

  const fresh: WorkerRow = {
    nik: nikFor({ kecamatan: '537101', birthDate: '1991-03-04', sex: 'L', serial: 7001 }),
    name: 'Kornelis Tefa',
    birthDate: '1991-03-04',
    sex: 'L',
    occupation: 'Nelayan',
  };

  /** Each row's error and warning codes, by row number. */
  const codes = (body: {
    problems: { rowNumber: number; errors: { code: string }[]; warnings: { code: string }[] }[];
  }) =>
    Object.fromEntries(
      body.problems.map((p) => [p.rowNumber, [p.errors.map((e) => e.code), p.warnings.map((w) => w.code)]]),
    );

  /** Nothing of the other record: not its KPJ, village, village name, status or specific conflict. */
  const expectNothingOfTheOtherRecord = (text: string) => {
    for (const secret of [
      covered.kpj,
      covered.regionCode,
      villageName,
      'ALREADY_COVERED',
      'POSSIBLE_DUPLICATE',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/active|aktif|IN_OTHER_BATCH/i);
  };

  for (const dryRun of [true, false]) {
    const mode = dryRun ? 'dry run' : 'upload';
    it(`${mode}: a NIK covered in another regency → NEEDS_BRANCH_REVIEW only; a new NIK beside it → nothing`, async () => {
      const res = await upload([{ ...covered, occupation: 'Petani' }, fresh], dryRun, `kupang-${mode}.csv`);
      expect(res.statusCode).toBe(201);
      expect(res.json().upload).toMatchObject({ rows: 2, valid: 1, invalid: 1, warnings: 0 });
      expect(codes(res.json())).toEqual({ 2: [['NEEDS_BRANCH_REVIEW'], []] });
      expectNothingOfTheOtherRecord(res.body);
    });

    it(`${mode}: a name and birth date known in another regency (another NIK) → the same code, as a warning`, async () => {
      const twin: WorkerRow = {
        ...covered,
        occupation: 'Petani',
        nik: `${covered.nik.slice(0, 12)}${dryRun ? '9001' : '9002'}`,
      };
      const res = await upload([twin], dryRun, `twin-${mode}.csv`);
      expect(res.statusCode).toBe(201);
      expect(res.json().upload).toMatchObject({ rows: 1, valid: 1, invalid: 0, warnings: 1 });
      expect(codes(res.json())).toEqual({ 2: [[], ['NEEDS_BRANCH_REVIEW']] });
      expectNothingOfTheOtherRecord(res.body);
    });
  }

  it('a NIK enrolled nowhere is answered exactly as a fresh one (no difference to learn from)', async () => {
    const alone = await upload([{ ...fresh, nik: `${fresh.nik.slice(0, 12)}7002` }], true, 'alone.csv');
    expect(alone.statusCode).toBe(201);
    expect(alone.json().problems).toEqual([]);
    expect(alone.json().upload).toMatchObject({ rows: 1, valid: 1, invalid: 0, warnings: 0 });
  });
});
