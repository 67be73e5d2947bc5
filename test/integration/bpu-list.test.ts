// GET /api/v1/bpu (issue 13 point 8, the BPU mandiri list screen): the registrations of the
// caller's scope, newest first, keyset-paged with the count of all matches; a search by KPJ, NIK,
// payment code or part of a name; NIK and names masked for a role that does not need them; unknown
// query parameters refused. GET /api/v1/bpu/{key} lists the member's payments.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payBpu } from '../../src/services/bpu/pay-bpu.ts';
import { registerBpu } from '../../src/services/bpu/register-bpu.ts';
import { demoActor } from '../support/actors.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { nikFor } from '../support/enrolment-csv.ts';
import { demoServer, loginAll } from '../support/http.ts';
import { serialName } from '../support/names.ts';

const KEWAR = '53.04.01.2001';
const FULUR = '53.04.01.2002';

type Row = { kpj: string; nik: string; fullName: string; regionCode: string; paidThrough: string | null };
type Page = { total: number; registrations: Row[]; nextCursor: string | null; personalDataInFull: boolean };

describe('HTTP: the BPU mandiri list and a member’s payments', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let c: Record<string, string>;
  const made: { kpj: string; paymentCode: string; nik: string; fullName: string; village: string }[] = [];
  const get = async (who: string, url: string, status = 200) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: c[who]! } });
    expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    const branch = await demoActor(p.deps, 'cabang.atambua');
    // Three workers of Kewar and two of Fulur, registered in this order (ids ascending).
    for (const [i, village] of [KEWAR, KEWAR, FULUR, KEWAR, FULUR].entries()) {
      const nik = nikFor({ birthDate: '1984-03-12', sex: 'P', serial: 700 + i });
      const fullName = `Yohana ${serialName(i + 1)}`;
      const r = await registerBpu(p.deps, branch, {
        nik,
        fullName,
        birthDate: '1984-03-12',
        sex: 'P',
        regionCode: village,
        declaredIncomeRp: 1_000_000,
        frequencyMonths: 1,
      });
      made.push({ kpj: r.registration.kpj, paymentCode: r.registration.paymentCode, nik, fullName, village });
    }
    // November 2026, income Rp 1.000.000, no JHT: JKK 1 % = 10.000 (PP 44/2015 Lampiran II) and
    // JKM 6.800 (Pasal 18), both halved by PP 50/2025 (2026-04 to 2026-12): 5.000 + 3.400 = 8.400.
    await payBpu(p.deps, branch, {
      paymentCode: made[0]!.paymentCode,
      amountRp: 8_400,
      receivedOn: '2026-11-20',
      reference: 'TRF-LIST-1',
      idempotencyKey: 'bpu-list-pay-1',
    });
    app = await demoServer(p.deps);
    c = await loginAll(app, ['desa.kewar', 'cabang.atambua', 'auditor']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('a village operator sees only their village, newest first, names in full', async () => {
    const page: Page = await get('desa.kewar', '/api/v1/bpu');
    expect(page.total).toBe(3);
    expect(page.registrations.map((r) => r.kpj)).toEqual([made[3]!.kpj, made[1]!.kpj, made[0]!.kpj]);
    expect(page.registrations.every((r) => r.regionCode === KEWAR)).toBe(true);
    expect(page.personalDataInFull).toBe(true);
    expect(page.registrations[2]).toMatchObject({ nik: made[0]!.nik, paidThrough: '2026-11' });
    expect(page.registrations[0]!.paidThrough).toBeNull();
  });

  it('the branch pages through all five by cursor, each row once, the total on every page', async () => {
    const first: Page = await get('cabang.atambua', '/api/v1/bpu?limit=2');
    const second: Page = await get('cabang.atambua', `/api/v1/bpu?limit=2&cursor=${first.nextCursor}`);
    const third: Page = await get('cabang.atambua', `/api/v1/bpu?limit=2&cursor=${second.nextCursor}`);
    expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
    expect(third.nextCursor).toBeNull();
    const kpjs = [...first.registrations, ...second.registrations, ...third.registrations].map((r) => r.kpj);
    expect(kpjs).toEqual(made.map((m) => m.kpj).reverse());
  });

  it('searches by KPJ, NIK, payment code and part of a name', async () => {
    const one = made[2]!;
    for (const q of [one.kpj, one.nik, one.paymentCode, one.fullName.split(' ')[1]!.toLowerCase()]) {
      const page: Page = await get('cabang.atambua', `/api/v1/bpu?q=${encodeURIComponent(q)}`);
      expect(
        page.registrations.map((r) => r.kpj),
        q,
      ).toEqual([one.kpj]);
      expect(page.total).toBe(1);
    }
    // Fulur's worker is not found from Kewar.
    expect((await get('desa.kewar', `/api/v1/bpu?q=${one.kpj}`)).total).toBe(0);
  });

  it('masks NIK and names for the auditor', async () => {
    const page: Page = await get('auditor', '/api/v1/bpu');
    expect(page.total).toBe(5);
    expect(page.personalDataInFull).toBe(false);
    for (const r of page.registrations) {
      expect(r.nik).toMatch(/^\d{4}\*{10}\d{2}$/);
      expect(made.map((m) => m.fullName)).not.toContain(r.fullName);
    }
  });

  it('refuses an unknown query parameter and a malformed cursor', async () => {
    expect((await get('cabang.atambua', '/api/v1/bpu?serach=x', 400)).error.code).toBe(
      'QUERY_PARAMETER_UNKNOWN',
    );
    expect((await get('cabang.atambua', '/api/v1/bpu?cursor=abc', 400)).error.code).toBe('VALIDATION_FAILED');
  });

  it('a member’s page lists the payment and the months it covered', async () => {
    const shown = await get('desa.kewar', `/api/v1/bpu/${made[0]!.kpj}`);
    expect(shown.villageName).toBe('Kewar');
    expect(shown.payments).toEqual([
      {
        id: expect.any(Number),
        receivedOn: '2026-11-20',
        amountRp: 8_400,
        reference: 'TRF-LIST-1',
        fromMonth: '2026-11',
        toMonth: '2026-11',
        reversed: false,
      },
    ]);
    expect((await get('desa.kewar', `/api/v1/bpu/${made[1]!.kpj}`)).payments).toEqual([]);
  });
});
