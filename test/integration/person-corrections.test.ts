import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.ts';
import type { Actor, Deps } from '../../src/services/actor.ts';
import { decideCorrection } from '../../src/services/person-corrections/decide-correction.ts';
import { listCorrections } from '../../src/services/person-corrections/list-corrections.ts';
import { proposeCorrection } from '../../src/services/person-corrections/propose-correction.ts';
import type { ProposeCorrectionInput } from '../../src/services/person-corrections/schemas.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginCookie } from '../support/http.ts';

// Corrections of a person's data by maker-checker (issue 12, point 1). Kewar's workers come from
// validWorkers(10, 1), the first four: serial 1 Maria Bere A (P, 1965-01-01, NIK 5304014101650001), serial 2
// Yohanes Asa B (L, 1966-02-02, 5304010202660002), serial 3 Agustina Tae C (P, 1967-03-03,
// 5304014303670003), serial 4 Petrus Mau D (L, 1968-04-04, 5304010404680004). Fulur's, from
// serial 100, repeat the names and birth dates: Maria Bere A there holds 5304014101650100.

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';
const NIK = {
  maria: '5304014101650001',
  yohanes: '5304010202660002',
  agustina: '5304014303670003',
  petrus: '5304010404680004',
  fulurMaria: '5304014101650100',
};

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
  return 'no error';
}

describe('person corrections: maker-checker with every NIK check', () => {
  let t: TestDb;
  let deps: Deps;
  let kewar: Actor;
  let fulur: Actor;
  let officer: Actor;
  let supervisor: Actor;
  let district: Actor;
  const ids: Record<string, number> = {};

  const person = async (nik: string) =>
    (
      await deps.db.query<{ fullName: string; nameKey: string; birthDate: string; sex: string; nik: string }>(
        `SELECT full_name AS "fullName", name_key AS "nameKey", birth_date::text AS "birthDate", sex, nik
         FROM person WHERE nik = $1`,
        [nik],
      )
    ).rows[0];
  const lastAudit = async () =>
    (
      await deps.db.query<{ action: string; entity: string; actor: string; before: unknown; after: unknown }>(
        'SELECT action, entity, actor, before, after FROM audit_log ORDER BY id DESC LIMIT 1',
      )
    ).rows[0]!;
  const propose = (actor: Actor, who: keyof typeof NIK, changes: ProposeCorrectionInput['changes']) =>
    proposeCorrection(deps, actor, {
      participantId: ids[who]!,
      changes,
      reason: 'Salah ketik saat pendaftaran',
      evidenceNote: 'KTP dan Kartu Keluarga diperiksa di kantor desa',
    });

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    deps = p.deps;
    await enrolActive(deps, KEWAR, 10);
    await enrolActive(deps, FULUR, 10, { serialStart: 100 });
    for (const [who, nik] of Object.entries(NIK)) {
      const r = await deps.db.query<{ id: number }>(
        'SELECT pa.id::int AS id FROM participant pa JOIN person p ON p.id = pa.person_id WHERE p.nik = $1',
        [nik],
      );
      ids[who] = r.rows[0]!.id;
    }
    kewar = await demoActor(deps, 'desa.kewar');
    fulur = await demoActor(deps, 'desa.fulur');
    officer = await demoActor(deps, 'cabang.atambua');
    supervisor = await demoActor(deps, 'supervisor.atambua');
    district = await demoActor(deps, 'dinas.belu');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('propose → approve changes the name and its key; the audit row carries before and after', async () => {
    const proposed = await propose(kewar, 'maria', { fullName: 'Maria Goreti Bere' });
    expect(proposed.warnings).toEqual([]);
    expect(proposed.correction).toMatchObject({
      status: 'pending',
      kpj: expect.any(String),
      old: { fullName: 'Maria Bere A' },
      new: { fullName: 'Maria Goreti Bere' },
      proposedBy: 'desa.kewar',
      decidedBy: null,
    });
    // Nothing changes before the checker decides.
    expect((await person(NIK.maria))!.fullName).toBe('Maria Bere A');
    const queue = await listCorrections(deps, supervisor);
    expect(queue.corrections.map((c) => c.id)).toEqual([proposed.correction.id]);
    expect(queue.canDecide).toBe(true);

    const decided = await decideCorrection(deps, supervisor, proposed.correction.id, { approve: true });
    expect(decided.correction).toMatchObject({ status: 'approved', decidedBy: 'supervisor.atambua' });
    expect(await person(NIK.maria)).toEqual({
      fullName: 'Maria Goreti Bere',
      nameKey: 'mariagoretibere',
      birthDate: '1965-01-01',
      sex: 'P',
      nik: NIK.maria,
    });
    // Audit rows mask personal data (issue 14, L2); the full values stay on the correction.
    expect(await lastAudit()).toEqual({
      action: 'person.correct',
      entity: 'person',
      actor: 'supervisor.atambua',
      before: { fullName: 'M**** B*** A*' },
      after: {
        fullName: 'M**** G***** B***',
        correctionId: proposed.correction.id,
        proposedBy: 'desa.kewar',
      },
    });
    expect((await listCorrections(deps, supervisor)).corrections).toEqual([]);
  });

  it('corrects birth date, sex and NIK together (a woman registered as a man, day and NIK mistyped)', async () => {
    const proposed = await propose(officer, 'yohanes', {
      birthDate: '1966-02-12',
      sex: 'P',
      nik: '5304015202660002',
    });
    expect(proposed.correction.old).toEqual({ birthDate: '1966-02-02', sex: 'L', nik: NIK.yohanes });
    await decideCorrection(deps, supervisor, proposed.correction.id, { approve: true, note: 'cocok KTP' });
    expect(await person('5304015202660002')).toMatchObject({ birthDate: '1966-02-12', sex: 'P' });
    expect(await person(NIK.yohanes)).toBeUndefined();
    expect(await lastAudit()).toMatchObject({
      action: 'person.correct',
      before: { birthDate: '****-**-**', sex: '*', nik: '5304**********02' },
      after: { birthDate: '****-**-**', sex: '*', nik: '5304**********02' },
    });
  });

  it('corrects a NIK typo alone', async () => {
    const proposed = await propose(kewar, 'agustina', { nik: '5304014303670030' });
    await decideCorrection(deps, supervisor, proposed.correction.id, { approve: true });
    expect((await person('5304014303670030'))!.fullName).toBe('Agustina Tae C');
  });

  it('refuses a NIK that fails the enrolment checks, each with its code', async () => {
    expect(await code(propose(kewar, 'petrus', { nik: '530401040468000' }))).toBe('NIK_FORMAT');
    expect(await code(propose(kewar, 'petrus', { nik: '5304010404680000' }))).toBe('NIK_SERIAL_FORMAT');
    expect(await code(propose(kewar, 'petrus', { nik: '5304013504680004' }))).toBe('NIK_BIRTH_FORMAT');
    expect(await code(propose(kewar, 'petrus', { nik: '0004010404680004' }))).toBe('NIK_REGION_FORMAT');
    // Day 05 where the birth date says 04; a woman's day (44) for a man.
    expect(await code(propose(kewar, 'petrus', { nik: '5304010504680004' }))).toBe('NIK_BIRTH_DATE_MISMATCH');
    expect(await code(propose(kewar, 'petrus', { nik: '5304014404680004' }))).toBe('NIK_SEX_MISMATCH');
    // A birth date or sex alone that the NIK contradicts.
    expect(await code(propose(kewar, 'petrus', { birthDate: '1968-04-05' }))).toBe('NIK_BIRTH_DATE_MISMATCH');
    expect(await code(propose(kewar, 'petrus', { sex: 'P' }))).toBe('NIK_SEX_MISMATCH');
    expect(await code(propose(kewar, 'petrus', { fullName: 'Petrus 2' }))).toBe('NAME_INVALID');
    expect(await code(propose(kewar, 'petrus', { birthDate: '1968-02-30' }))).toBe('DATE_INVALID');
    expect(await code(propose(kewar, 'petrus', { fullName: 'Petrus Mau D' }))).toBe('CORRECTION_NO_CHANGE');
    expect(
      await code(
        proposeCorrection(deps, kewar, {
          participantId: ids.petrus!,
          changes: { fullName: 'Petrus Mau Dominggus' },
          reason: 'salah ketik',
          evidenceNote: '  ',
        }),
      ),
    ).toBe('CORRECTION_REASON_REQUIRED');
    expect((await listCorrections(deps, supervisor)).corrections).toEqual([]);
  });

  it('refuses a NIK another person holds: by name in scope, as a branch matter outside it', async () => {
    // Fulur's Maria holds 5304014101650100 (same birth date and sex as Kewar's Maria).
    expect(await code(propose(officer, 'maria', { nik: NIK.fulurMaria }))).toBe('NIK_TAKEN');
    expect(await code(propose(kewar, 'maria', { nik: NIK.fulurMaria }))).toBe('NEEDS_BRANCH_REVIEW');
    // Two pending corrections cannot both claim one NIK.
    await propose(officer, 'fulurMaria', { nik: '5304014101650777' });
    expect(await code(propose(officer, 'maria', { nik: '5304014101650777' }))).toBe('NIK_TAKEN');
    expect(await person('5304014101650777')).toBeUndefined();
  });

  it('warns of a possible duplicate when a name becomes another person’s (same birth date)', async () => {
    const r = await propose(officer, 'maria', { fullName: 'Maria Bere A' });
    expect(r.warnings).toEqual(['fullName:POSSIBLE_DUPLICATE']);
    const approved = await decideCorrection(deps, supervisor, r.correction.id, { approve: true });
    expect(approved.warnings).toEqual(['fullName:POSSIBLE_DUPLICATE']);
    expect((await person(NIK.maria))!.nameKey).toBe('mariaberea');
  });

  it('allows one pending correction per field; a reject leaves the data', async () => {
    const first = await propose(kewar, 'petrus', { fullName: 'Petrus Mau Dominggus' });
    expect(await code(propose(officer, 'petrus', { fullName: 'Petrus Dominggus Mau' }))).toBe(
      'CORRECTION_PENDING',
    );
    // Another field of the same person may be pending beside it.
    const nik = await propose(officer, 'petrus', { nik: '5304010404680044' });
    expect(await code(decideCorrection(deps, supervisor, first.correction.id, { approve: false }))).toBe(
      'REASON_REQUIRED',
    );
    const rejected = await decideCorrection(deps, supervisor, first.correction.id, {
      approve: false,
      note: 'KTP tidak dilampirkan',
    });
    expect(rejected.correction).toMatchObject({ status: 'rejected', decisionNote: 'KTP tidak dilampirkan' });
    expect(await person(NIK.petrus)).toMatchObject({ fullName: 'Petrus Mau D', nameKey: 'petrusmaud' });
    expect(await lastAudit()).toEqual({
      action: 'person_correction.reject',
      entity: 'person_correction',
      actor: 'supervisor.atambua',
      before: { status: 'pending' },
      after: { status: 'rejected', note: 'KTP tidak dilampirkan' },
    });
    expect(await code(decideCorrection(deps, supervisor, first.correction.id, { approve: true }))).toBe(
      'CORRECTION_STATE',
    );
    // The name field is free again.
    await propose(officer, 'petrus', { fullName: 'Petrus Dominggus Mau' });
    expect((await listCorrections(deps, kewar)).corrections.map((c) => c.new)).toEqual([
      { nik: '5304010404680044' },
      { fullName: 'Petrus Dominggus Mau' },
    ]);
    expect(nik.correction.status).toBe('pending');
  });

  it('never lets the maker approve their own proposal', async () => {
    const own = await propose(supervisor, 'agustina', { fullName: 'Agustina Tae Bere' });
    expect(await code(decideCorrection(deps, supervisor, own.correction.id, { approve: true }))).toBe(
      'CORRECTION_SAME_USER',
    );
    expect((await person('5304014303670030'))!.fullName).toBe('Agustina Tae C');
  });

  it('denies other villages (404) and roles without the permission (403)', async () => {
    expect(await code(propose(fulur, 'petrus', { fullName: 'Petrus Seran' }))).toBe('NOT_FOUND');
    expect(await code(propose(district, 'petrus', { fullName: 'Petrus Seran' }))).toBe('FORBIDDEN');
    const pending = (await listCorrections(deps, supervisor)).corrections;
    const kewarOne = pending.find((c) => c.regionCode === KEWAR)!;
    expect(await code(decideCorrection(deps, kewar, kewarOne.id, { approve: true }))).toBe('FORBIDDEN');
    expect(await code(decideCorrection(deps, officer, kewarOne.id, { approve: true }))).toBe('FORBIDDEN');
    // Fulur's operator sees only Fulur's pending correction, Kewar's operator only Kewar's.
    expect((await listCorrections(deps, fulur)).corrections.map((c) => c.regionCode)).toEqual([FULUR]);
    expect(new Set((await listCorrections(deps, kewar)).corrections.map((c) => c.regionCode))).toEqual(
      new Set([KEWAR]),
    );
    expect(await code(listCorrections(deps, district))).toBe('FORBIDDEN');
    // The auditor reads the queue with the values masked.
    const auditor = await demoActor(deps, 'auditor');
    const seen = (await listCorrections(deps, auditor)).corrections.find((c) => c.id === kewarOne.id)!;
    expect(Object.values(seen.new).every((v) => String(v).includes('*'))).toBe(true);
    expect((await listCorrections(deps, auditor)).canDecide).toBe(false);
  });

  it('answers over HTTP with the catalog code in both languages; a member may be named by KPJ', async () => {
    const app = await demoServer(deps);
    try {
      const cookie = await loginCookie(app, 'cabang.atambua');
      const kpj = (
        await deps.db.query<{ kpj: string }>('SELECT kpj FROM participant WHERE id = $1', [ids.maria])
      ).rows[0]!.kpj;
      const body = {
        kpj,
        changes: { nik: NIK.fulurMaria },
        reason: 'Salah ketik',
        evidenceNote: 'KTP diperiksa',
      };
      const send = (lang: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/person-corrections',
          headers: { cookie, 'accept-language': lang },
          payload: body,
        });
      const id = await send('id');
      expect(id.statusCode).toBe(409);
      expect(id.json()).toEqual({
        error: {
          code: 'NIK_TAKEN',
          message:
            'NIK ini sudah dipakai orang lain di registri (atau diusulkan untuk orang lain); koreksi ditolak.',
        },
      });
      expect((await send('en')).json().error.message).toBe(
        'This NIK is already held by another person in the registry (or proposed for another person); the correction is refused.',
      );
      const ok = await app.inject({
        method: 'POST',
        url: '/api/v1/person-corrections',
        headers: { cookie },
        payload: { ...body, changes: { fullName: 'Maria Goreti Bere Luan' } },
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().correction).toMatchObject({ kpj, status: 'pending', proposedBy: 'cabang.atambua' });
    } finally {
      await app.close();
    }
  });
});
