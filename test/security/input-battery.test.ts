import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/services/actor.ts';
import { type AccessFixture, accessFixture, BELU, KEWAR } from '../support/access-fixture.ts';
import { ACCESS_REQUESTS, type AccessRequest } from '../support/access-requests.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { validWorkers } from '../support/enrolment-csv.ts';
import { tally } from '../support/security-tally.ts';
import { ACCESS_TABLE } from './access-table.ts';

// The bad-input battery of issue 14 (B5, B6, point 4): the inputs the attack pass found answering
// 500 (NUL, lone surrogates, year 0000, int4 overflow, a malformed X-File-Name, an allocation of
// 2^53-1 that broke /budget-use) and the absurd values it found accepted (a wage of 2^53-1, a
// payment received on 9999-12-31, /invoices/0x10 naming invoice 16, a name =HYPERLINK(…)).
// Each is sent as a role allowed to use the route, on a request otherwise valid
// (test/support/access-requests.ts), and must answer its catalog error.

type Patch = (r: AccessRequest) => AccessRequest;
const body =
  (fields: Record<string, unknown>): Patch =>
  (r) => ({ ...r, payload: { ...(r.payload as object), ...fields } });
const header =
  (name: string, value: string): Patch =>
  (r) => ({ ...r, headers: { ...r.headers, [name]: value } });
const url =
  (to: (u: string) => string): Patch =>
  (r) => ({ ...r, url: to(r.url) });

interface BadInput {
  name: string;
  op: string;
  patch: Patch;
  status: number;
  code: string;
}

const MAX_SAFE = 9_007_199_254_740_991;

const BATTERY: BadInput[] = [
  // NUL (PostgreSQL 22021) and lone surrogates, in bodies and queries
  {
    name: 'NUL in an employer name',
    op: 'POST /api/v1/employers',
    patch: body({ name: 'PT\u0000Baru' }),
    status: 400,
    code: 'TEXT_INVALID',
  },
  {
    name: 'NUL in a payment reference',
    op: 'POST /api/v1/payments',
    patch: body({ reference: 'SP2D\u0000' }),
    status: 400,
    code: 'TEXT_INVALID',
  },
  {
    name: 'NUL in an appeal note',
    op: 'POST /api/v1/claims/{id}/appeal',
    patch: body({ note: 'a\u0000b' }),
    status: 400,
    code: 'TEXT_INVALID',
  },
  {
    name: 'NUL in a search',
    op: 'GET /api/v1/employers',
    patch: url((u) => `${u}?search=a%00b`),
    status: 400,
    code: 'TEXT_INVALID',
  },
  {
    name: 'a lone surrogate in an agreement title',
    op: 'POST /api/v1/agreements',
    patch: body({ title: 'PKS \ud800' }),
    status: 400,
    code: 'TEXT_INVALID',
  },
  {
    name: 'a lone surrogate in a project name',
    op: 'POST /api/v1/projects',
    patch: body({ name: 'Jalan \udfff' }),
    status: 400,
    code: 'TEXT_INVALID',
  },
  // year 0000 and 9999
  {
    name: 'arrears as of 0000-01-01',
    op: 'GET /api/v1/arrears',
    patch: url(() => '/api/v1/arrears?asOf=0000-01-01'),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    name: 'coverage as of 0000-01-01',
    op: 'POST /api/v1/coverage/update',
    patch: body({ asOf: '0000-01-01' }),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    name: 'a claim event on 0000-12-31',
    op: 'POST /api/v1/claims',
    patch: body({ eventDate: '0000-12-31' }),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    name: 'a benefit event on 0000-01-01',
    op: 'POST /api/v1/calculations/benefit',
    patch: body({ eventDate: '0000-01-01' }),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    name: 'an agreement signed on 2026-02-30',
    op: 'POST /api/v1/agreements',
    patch: body({ signedOn: '2026-02-30' }),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  {
    name: 'a payment received on 9999-12-31',
    op: 'POST /api/v1/payments',
    patch: body({ receivedOn: '9999-12-31' }),
    status: 400,
    code: 'DATE_OUT_OF_RANGE',
  },
  // counts above int4, money above its ceiling
  {
    name: 'quotaWorkers 2147483648',
    op: 'POST /api/v1/agreements/{id}/allocations',
    patch: body({ quotaWorkers: 2_147_483_648 }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  {
    name: 'a workforce of 2147483648',
    op: 'PUT /api/v1/workforce',
    patch: body({ workforce: 2_147_483_648 }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  {
    name: 'an allocation of 2^53-1',
    op: 'POST /api/v1/agreements/{id}/allocations',
    patch: body({ amountRp: MAX_SAFE }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  {
    name: 'a wage of 2^53-1',
    op: 'POST /api/v1/employers/{npp}/employees',
    patch: body({ wageRp: MAX_SAFE }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  {
    name: 'a contract value of 2^53-1',
    op: 'POST /api/v1/projects',
    patch: body({ contractValueRp: MAX_SAFE }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  {
    name: 'a payment of Rp 2 trillion',
    op: 'POST /api/v1/payments',
    patch: body({ amountRp: 2_000_000_000_000 }),
    status: 400,
    code: 'NUMBER_OUT_OF_RANGE',
  },
  // a malformed X-File-Name (decodeURIComponent threw)
  {
    name: 'X-File-Name %E0%A4%A on an enrolment upload',
    op: 'POST /api/v1/enrolment/uploads',
    patch: header('x-file-name', '%E0%A4%A'),
    status: 400,
    code: 'FILE_NAME_HEADER_INVALID',
  },
  {
    name: 'X-File-Name % on a wage report',
    op: 'POST /api/v1/employers/{npp}/wage-reports',
    patch: header('x-file-name', '%'),
    status: 400,
    code: 'FILE_NAME_HEADER_INVALID',
  },
  {
    name: 'X-File-Name %ZZ on a bank result',
    op: 'POST /api/v1/payout-batches/{id}/result',
    patch: header('x-file-name', '%ZZ'),
    status: 400,
    code: 'FILE_NAME_HEADER_INVALID',
  },
  // ids in canonical decimal only
  {
    name: '/invoices/0x10',
    op: 'GET /api/v1/invoices/{id}',
    patch: url(() => '/api/v1/invoices/0x10'),
    status: 400,
    code: 'NUMBER_NOT_DECIMAL',
  },
  {
    name: '/invoices/1e1',
    op: 'GET /api/v1/invoices/{id}',
    patch: url(() => '/api/v1/invoices/1e1'),
    status: 400,
    code: 'NUMBER_NOT_DECIMAL',
  },
  {
    name: '/claims/ 7 (spaces)',
    op: 'GET /api/v1/claims/{id}',
    patch: url(() => '/api/v1/claims/%207'),
    status: 400,
    code: 'NUMBER_NOT_DECIMAL',
  },
  {
    name: '?limit=0x10',
    op: 'GET /api/v1/claims',
    patch: url(() => '/api/v1/claims?limit=0x10'),
    status: 400,
    code: 'NUMBER_NOT_DECIMAL',
  },
  // personal names with characters no name has
  {
    name: 'an employee named =HYPERLINK(…)',
    op: 'POST /api/v1/employers/{npp}/employees',
    patch: body({ fullName: '=HYPERLINK("http://x.example","klik")' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a claimant named @SUM(A1)',
    op: 'POST /api/v1/claims',
    patch: (r) => ({
      ...r,
      payload: {
        ...(r.payload as Record<string, object>),
        claimant: { relation: 'pasangan', name: '@SUM(A1)', nik: '5304015506800001' },
      },
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
];

function allowedRole(op: string): Role | null {
  const row = ACCESS_TABLE[op];
  if (!row || row === 'public') return null;
  return (Object.entries(row.roles).find(([, outcome]) => outcome === 'allow')?.[0] as Role) ?? null;
}

describe('security: the bad-input battery answers catalog errors, never 500', () => {
  let t: TestDb;
  let f: AccessFixture;
  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    f = await accessFixture(p.deps);
  });
  afterAll(async () => {
    await f?.app.close();
    await t?.drop();
  });

  const send = (c: BadInput) => {
    const role = allowedRole(c.op);
    const build = ACCESS_REQUESTS[c.op];
    if (!build) throw new Error(`no request for ${c.op}`);
    const r = c.patch(build(f, role));
    const json = r.payload !== undefined && !Buffer.isBuffer(r.payload) && typeof r.payload === 'object';
    return f.app.inject({
      method: c.op.split(' ')[0] as 'POST',
      url: r.url,
      headers: {
        ...(role ? { cookie: f.cookies[role] } : {}),
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...r.headers,
      },
      payload: json ? JSON.stringify(r.payload) : (r.payload as string | Buffer | undefined),
    });
  };

  it.each(BATTERY.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const res = await send(c);
    tally('bad-input battery', { requests: 1, serverErrors: res.statusCode >= 500 ? 1 : 0 });
    expect([res.statusCode, res.json().error?.code], res.body).toEqual([c.status, c.code]);
  });

  it('still answers /budget-use after an allocation of 2^53-1 was tried', async () => {
    const res = await f.app.inject({
      url: `/api/v1/budget-use?regency=${BELU}&year=2026`,
      headers: { cookie: f.cookies.district_officer },
    });
    expect(res.statusCode).toBe(200);
  });

  it('marks enrolment rows whose name is =HYPERLINK(…) (a text cell) or holds brackets invalid: NAME_INVALID', async () => {
    const [a, b, c] = validWorkers(3, 650);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Peserta');
    ws.addRow(['NIK', 'Nama Lengkap', 'Tanggal Lahir', 'Jenis Kelamin', 'Pekerjaan']);
    const names = ['=HYPERLINK("http://x.example/?q=1","Maria Bere")', 'Yohana <b>Bere</b>', c!.name];
    [a!, b!, c!].forEach((w, i) => {
      ws.addRow([w.nik, names[i], w.birthDate, w.sex, w.occupation]);
    });
    const res = await f.app.inject({
      method: 'POST',
      url: `/api/v1/enrolment/uploads?village=${KEWAR}&dryRun=true`,
      headers: {
        cookie: f.cookies.village_operator,
        'content-type': 'application/octet-stream',
        'x-file-name': 'a.xlsx',
      },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json() as {
      upload: { valid: number; invalid: number };
      problems: { rowNumber: number; errors: { field: string; code: string }[] }[];
    };
    expect(answer.upload).toMatchObject({ valid: 1, invalid: 2 });
    const refused = answer.problems.filter((p) => p.errors.length > 0);
    expect(refused.map((p) => [p.rowNumber, p.errors.map((e) => e.code)])).toEqual([
      [2, ['NAME_INVALID']],
      [3, ['NAME_INVALID']],
    ]);
  });

  it('answers a broken JSON body, a body too large and a URL that does not decode in the catalog format', async () => {
    const headers = { cookie: f.cookies.branch_officer, 'content-type': 'application/json' };
    const broken = await f.app.inject({
      method: 'POST',
      url: '/api/v1/employers',
      headers,
      payload: '{"npp": ',
    });
    expect([broken.statusCode, broken.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const big = await f.app.inject({
      method: 'POST',
      url: '/api/v1/employers',
      headers,
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect([big.statusCode, big.json().error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    const badUrl = await f.app.inject({ url: '/api/v1/invoices/%E0%A4%A', headers });
    expect(badUrl.statusCode).toBeLessThan(500);
    expect(badUrl.json().error.code).toMatch(/^[A-Z_]+$/);
  });
});
