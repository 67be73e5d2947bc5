import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateEnrolmentBatch } from '../../src/services/activate-enrolment-batch.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { listParticipants } from '../../src/services/list-participants.ts';
import { submitEnrolmentBatch } from '../../src/services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../src/services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../src/services/verify-enrolment-batch.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { toCsv, validWorkers, type WorkerRow } from '../support/enrolment-csv.ts';

const KEWAR = '53.04.01.2001';

/** 45 good rows and 5 bad ones, each bad in one known way. */
function fiftyWithFiveBad(): { rows: WorkerRow[]; fixed: WorkerRow[] } {
  const good = validWorkers(50);
  const rows = good.map((r) => ({ ...r }));
  rows[3]!.nik = '53040A4506900001'; // NIK with a letter
  rows[10] = { ...rows[9]! }; // the same person twice: duplicate NIK in the file
  rows[20]!.birthDate = '1991-01-01'; // does not match the NIK
  rows[30]!.name = ''; // name missing
  rows[40]!.villageCode = '53.04.01.2002'; // a row for another village
  return { rows, fixed: good };
}

describe('village enrolment: upload, fix, re-upload, submit, verify, activate', () => {
  let deps: Deps;
  let t: TestDb;
  let kewar: Actor;
  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    kewar = await demoActor(deps, 'desa.kewar');
  });
  afterAll(async () => t.drop());

  it('reports exactly the five bad rows, by row and field, and keeps the 45 good ones', async () => {
    const { rows } = fiftyWithFiveBad();
    const r = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'kewar.csv',
      bytes: toCsv(rows),
    });
    expect(r.upload).toMatchObject({ rows: 50, valid: 45, invalid: 5, kept: 0 });
    const problems = r.problems
      .filter((p) => p.state === 'invalid')
      .map((p) => [p.rowNumber, p.errors.map((e) => `${e.field}:${e.code}`)]);
    // Row numbers as in Excel: header is row 1, data starts at row 2.
    expect(problems).toEqual([
      [5, ['nik:NIK_FORMAT']],
      [12, ['nik:DUPLICATE_IN_FILE']],
      [22, ['nik:NIK_BIRTH_DATE_MISMATCH']],
      [32, ['full_name:REQUIRED']],
      [42, ['village_code:OTHER_VILLAGE']],
    ]);
    expect(r.problems.find((p) => p.rowNumber === 22)!.errors[0]!.message).toBe(
      'Tanggal lahir tidak sesuai dengan NIK.',
    );
  });

  it('recognises the same file uploaded twice and changes nothing', async () => {
    const { rows } = fiftyWithFiveBad();
    await expect(
      uploadEnrolment(deps, kewar, { villageCode: KEWAR, fileName: 'again.csv', bytes: toCsv(rows) }),
    ).rejects.toMatchObject({ code: 'FILE_ALREADY_UPLOADED' });
  });

  it('takes the corrected file without duplicating the valid rows', async () => {
    const { fixed } = fiftyWithFiveBad();
    const r = await uploadEnrolment(deps, kewar, {
      villageCode: KEWAR,
      fileName: 'kewar-fixed.csv',
      bytes: toCsv(fixed),
    });
    expect(r.upload).toMatchObject({ rows: 50, valid: 5, invalid: 0, kept: 45 });
    expect(r.batch).toMatchObject({ status: 'draft', valid: 50, invalid: 0 });
  });

  it('ends with 50 active participants after submission, verification and activation', async () => {
    const batchId = (
      await deps.db.query<{ id: number }>(`SELECT id FROM enrolment_batch WHERE village_code = $1`, [KEWAR])
    ).rows[0]!.id;
    expect((await submitEnrolmentBatch(deps, kewar, batchId)).batch.status).toBe('submitted');
    const district = await demoActor(deps, 'dinas.belu');
    expect((await verifyEnrolmentBatch(deps, district, batchId)).batch.status).toBe('verified');
    const branch = await demoActor(deps, 'cabang.atambua');
    const a = await activateEnrolmentBatch(deps, branch, batchId);
    expect(a).toMatchObject({ participantsCreated: 50, batch: { status: 'activated' } });

    const list = await listParticipants(deps, kewar, { limit: 100 });
    expect(list.participants).toHaveLength(50);
    expect(list.nextCursor).toBeNull();
    expect(list.participants.every((p) => p.status === 'active' && p.segment === 'BPU')).toBe(true);
    expect(list.participants[0]!.programs).toEqual(['JKK', 'JKM']);
    const kpjs = await deps.db.query<{ ok: boolean; n: number }>(
      'SELECT bool_and(kpj_valid(kpj)) AS ok, count(DISTINCT kpj)::int AS n FROM participant',
    );
    expect(kpjs.rows[0]).toEqual({ ok: true, n: 50 });
    const history = await deps.db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM participant_status GROUP BY status ORDER BY status',
    );
    expect(history.rows).toEqual([
      { status: 'active', n: 50 },
      { status: 'proposed', n: 50 },
      { status: 'verified', n: 50 },
    ]);
    const payer = await deps.db.query<{ kind: string; name: string }>('SELECT kind, name FROM payer');
    expect(payer.rows).toEqual([{ kind: 'village', name: 'Pemerintah Desa Kewar' }]);
  });

  it('refuses to enrol the same workers again through another village', async () => {
    const fulur = await demoActor(deps, 'desa.fulur');
    const r = await uploadEnrolment(deps, fulur, {
      villageCode: '53.04.01.2002',
      fileName: 'fulur.csv',
      bytes: toCsv(validWorkers(3)),
    });
    expect(r.upload).toMatchObject({ valid: 0, invalid: 3 });
    expect(r.problems[0]!.errors.map((e) => e.code)).toEqual(['ALREADY_COVERED']);
  });
});
