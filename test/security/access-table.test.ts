import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/services/actor.ts';
import { type AccessFixture, accessFixture } from '../support/access-fixture.ts';
import { ACCESS_REQUESTS, type AccessRequest } from '../support/access-requests.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { tally } from '../support/security-tally.ts';
import { LIST_CASES } from './access-lists.ts';
import { OUT_OF_SCOPE } from './access-out-of-scope.ts';
import { ACCESS_TABLE, type Outcome } from './access-table.ts';

// Contract test (HOUSE_STYLE "Tests" 4): every operation of /api/openapi.json × every role,
// against the hand-written table in access-table.ts. A new route without its row fails here.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
const OPERATIONS = Object.keys(ACCESS_TABLE);
const PROTECTED = OPERATIONS.filter((op) => ACCESS_TABLE[op] !== 'public');
const PUBLIC = OPERATIONS.filter((op) => ACCESS_TABLE[op] === 'public');
const ROLE_CASES = PROTECTED.flatMap((op) => {
  const row = ACCESS_TABLE[op];
  if (row === 'public' || row === undefined) return [];
  return ROLES.map((role) => ({ op, role, expected: row.roles[role] }));
});

const SCOPE_CASES = OUT_OF_SCOPE.flatMap((c) =>
  c.roles.map((role) => ({ ...c, role, expected: c.answers ?? 404 })),
);

const LIST_ROLE_CASES = LIST_CASES.flatMap((c) => c.roles.map((role) => ({ ...c, role })));

describe('access table: every operation × every role', () => {
  let t: TestDb;
  let f: AccessFixture;
  // For the attack suite's totals: what was sent, 5xx answers, and answers that let a caller in
  // or out of scope where the table says no (each also fails its own test).
  const seen = { requests: 0, serverErrors: 0, leaks: 0 };
  const count = (status: number, denied: boolean) => {
    seen.requests++;
    if (status >= 500) seen.serverErrors++;
    if (denied && status < 400) seen.leaks++;
  };

  const send = (op: string, role: Role | null, request?: (f: AccessFixture) => AccessRequest) => {
    const build = ACCESS_REQUESTS[op];
    if (!build) throw new Error(`no request for ${op}`);
    const r: AccessRequest = request ? request(f) : build(f, role);
    const method = op.split(' ')[0] as Method;
    return f.app.inject({
      method,
      url: r.url,
      ...(r.payload === undefined ? {} : { payload: r.payload as string }),
      headers: { ...r.headers, ...(role ? { cookie: f.cookies[role] } : {}) },
    });
  };

  beforeAll(async () => {
    const p = await preparedDeps();
    t = p.t;
    f = await accessFixture(p.deps);
  });
  afterAll(async () => {
    tally('endpoint × role matrix', { ...seen, principals: ROLES.length + 1 });
    await f?.app.close();
    await t?.drop();
  });

  it('has a row and a request for exactly the operations of the OpenAPI document', async () => {
    const doc = (await f.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(90);
    expect(
      documented.filter((op) => !(op in ACCESS_TABLE)),
      'operations without an allow/deny row',
    ).toEqual([]);
    expect(
      OPERATIONS.filter((op) => !documented.includes(op)),
      'rows for operations that no longer exist',
    ).toEqual([]);
    expect(Object.keys(ACCESS_REQUESTS).sort()).toEqual([...OPERATIONS].sort());
  });

  it('names a public operation public in the OpenAPI document too, and only those', async () => {
    const doc = (await f.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const openInDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, o]) => Array.isArray(o.security) && o.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    // Login, logout and activate are public by nature but documented with the default security.
    const publicByNature = [
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/activate',
    ];
    const undocumented = ['GET /api/v1/health'];
    expect([...openInDoc, ...publicByNature, ...undocumented].sort()).toEqual([...PUBLIC].sort());
  });

  it.each(PUBLIC)('%s × (no login) → public', async (op) => {
    const res = await send(op, null);
    expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(300);
  });

  it.each(PROTECTED)('%s × (no login) → 401', async (op) => {
    const res = await send(op, null);
    count(res.statusCode, true);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(401);
  });

  it.each(ROLE_CASES.map((c) => [`${c.op} × ${c.role} → ${c.expected}`, c] as const))(
    '%s',
    async (_name, c: { op: string; role: Role; expected: Outcome }) => {
      const res = await send(c.op, c.role);
      count(res.statusCode, c.expected !== 'allow');
      const answer = `${res.statusCode} ${res.body.slice(0, 300)}`;
      if (c.expected === 'allow') {
        expect([401, 403, 404], answer).not.toContain(res.statusCode);
        expect(res.statusCode, answer).toBeLessThan(500);
      } else {
        expect(res.statusCode, answer).toBe(c.expected);
      }
    },
  );

  it('reaches out of scope only with a permission the role holds (else the 403 would answer first)', () => {
    const pointless = SCOPE_CASES.filter((c) => {
      const row = ACCESS_TABLE[c.op];
      return row === undefined || row === 'public' || row.roles[c.role] !== 'allow';
    });
    expect(pointless.map((c) => `${c.op} × ${c.role}`)).toEqual([]);
  });

  it.each(SCOPE_CASES.map((c) => [`${c.op} × ${c.role} reaching ${c.reaching} → ${c.expected}`, c] as const))(
    '%s',
    async (_name, c) => {
      const res = await send(c.op, c.role, c.request);
      count(res.statusCode, c.expected >= 400);
      expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(c.expected);
    },
  );

  it.each(LIST_ROLE_CASES.map((c) => [`${c.op} × ${c.role} leaves out ${c.outside}`, c] as const))(
    '%s',
    async (_name, c) => {
      const res = await f.app.inject({ url: c.url, headers: { cookie: f.cookies[c.role] } });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const items = c.items(res.json());
      count(res.statusCode, false);
      if (items.includes(c.key(f))) seen.leaks++;
      expect(items).toContain(c.inside(f));
      expect(items).not.toContain(c.key(f));
    },
  );
});
