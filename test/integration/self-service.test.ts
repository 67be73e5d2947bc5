import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/services/actor.ts';
import type { fixedClock } from '../../src/services/clock.ts';
import { consoleActor } from '../../src/services/console-actor.ts';
import { recordJhtOpeningBalance } from '../../src/services/jht/index.ts';
import { postPayment } from '../../src/services/post-payment.ts';
import { runBilling } from '../../src/services/run-billing.ts';
import { ACTIVATION_CODE_MAX_TRIES } from '../../src/services/self-service/activation-code.ts';
import { notBefore, preparedDeps, type TestDb } from '../support/db.ts';
import { enrolActive } from '../support/enrol.ts';
import { demoServer, loginCookie } from '../support/http.ts';
import { pdfText } from '../support/pdf.ts';

const KEWAR = '53.04.01.2001';
const PASSWORD = 'kata-sandi-peserta-1';
const CODE_FORMAT = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

interface Person {
  id: number;
  kpj: string;
  fullName: string;
}

describe('participant self-service', () => {
  let deps: Deps;
  let t: TestDb;
  let app: FastifyInstance;
  let people: Person[];
  let branch: string;
  let village: string;
  const claimIds: number[] = [];

  const clock = () => deps.clock as ReturnType<typeof fixedClock>;
  const issue = (who: string, participantId: number) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/participants/${participantId}/activation-code`,
      headers: { cookie: who },
    });
  const activate = (kpj: string, code: string, password = PASSWORD) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/activate', payload: { kpj, code, password } });
  const get = (cookie: string, url: string) => app.inject({ url, headers: { cookie } });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `lindung_session=${res.cookies.find((c) => c.name === 'lindung_session')!.value}`;

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    await enrolActive(deps, KEWAR, 10);
    const run = await runBilling(notBefore(deps, '2026-12-01'), consoleActor(), {
      regencyCode: '53.04',
      period: '2026-12',
    });
    const inv = run.invoices.find((i) => i.payerRegion === KEWAR)!;
    const total = (
      await deps.db.query<{ t: number }>('SELECT total_rp AS t FROM invoice WHERE id = $1', [inv.id])
    ).rows[0]!.t;
    await postPayment(notBefore(deps, '2026-12-10'), consoleActor(), {
      payerId: inv.payerId,
      amountRp: total,
      receivedOn: '2026-12-10',
      reference: 'SP2D-0042',
      idempotencyKey: 'kewar-sp2d-0042',
    });
    people = (
      await deps.db.query<Person>(
        `SELECT pa.id, pa.kpj, p.full_name AS "fullName" FROM participant pa JOIN person p ON p.id = pa.person_id
         ORDER BY pa.id`,
      )
    ).rows;
    // Claims as the claims workflow leaves them: one decided for the first participant, one filed
    // for the second, and one the branch refused for the first.
    for (const [i, status, amount, refusal] of [
      [0, 'approved', 42_000_000, null],
      [1, 'filed', null, null],
      [0, 'rejected', null, 'EVENT_NOT_PROVEN'],
    ] as const) {
      const pa = people[i]!;
      const r = await deps.db.query<{ id: number }>(
        `INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
           claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder, channel, status,
           amount_rp, refusal_code, filed_by, filed_at, updated_at)
         SELECT $2, pa.id, pa.person_id, pa.regency_code, 'KC-ATAMBUA', 'JKM', 'kematian', '2026-11-20', 'pasangan',
                'Ahli Waris', '5304016505800001', 'BRI', '0123456789012', 'Ahli Waris', 'branch', $3, $4, $5,
                'cabang.atambua', '2026-11-21T01:00:00Z', '2026-11-23T01:00:00Z'
         FROM participant pa WHERE pa.id = $1 RETURNING id`,
        [pa.id, `KLM-2026-${claimIds.length + 1}`, status, amount, refusal],
      );
      claimIds.push(r.rows[0]!.id);
    }
    await recordJhtOpeningBalance(deps, consoleActor(), {
      participantId: people[0]!.id,
      amountRp: 1_250_000,
      asOf: '2026-01-01',
      source: 'Saldo sistem lama per 1 Januari 2026',
    });
    app = await demoServer(deps);
    branch = await loginCookie(app, 'cabang.atambua');
    village = await loginCookie(app, 'desa.kewar');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('the branch issues a one-time code; it is stored only hashed and its issue is audited', async () => {
    const res = await issue(branch, people[0]!.id);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ participantId: people[0]!.id, kpj: people[0]!.kpj, accountCreated: true });
    expect(body.code).toMatch(CODE_FORMAT);
    expect(body.expiresAt).toBe('2027-02-22T02:00:00.000Z');
    const stored = await deps.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM participant_activation_code WHERE participant_id = $1',
      [people[0]!.id],
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.code_hash).toMatch(/^\$scrypt\$/);
    expect(stored.rows[0]!.code_hash).not.toContain(body.code.replace(/-/g, ''));
    const audit = await deps.db.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_log WHERE action = 'participant_account.code_issue' AND entity_id = $1`,
      [String(people[0]!.id)],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain(body.code);
    // The account exists, but no password logs into it until the participant sets one.
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: people[0]!.kpj, password: '!activation-pending' },
    });
    expect(login.statusCode).toBe(401);
  });

  it('only roles that may issue codes do; an unknown participant is 404', async () => {
    expect((await issue(village, people[0]!.id)).statusCode).toBe(403);
    const missing = await issue(branch, 999_999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('activate → set password → log in → card, coverage, contributions, claims; wrong and reused codes refused', async () => {
    const a = people[0]!;
    const { code } = (await issue(branch, a.id)).json();
    const wrong = await activate(a.kpj, 'AAAA-BBBB-CCCC');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('ACTIVATION_FAILED');
    const short = await activate(a.kpj, code, 'pendek');
    expect(short.statusCode).toBe(400);

    // Typed in lower case with spaces, as people do from paper.
    const ok = await activate(a.kpj, code.toLowerCase().replace(/-/g, ' '));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ username: a.kpj, role: 'participant' });
    expect(ok.json().user.permissions).toContain('self_service.read');
    expect((await get(cookieOf(ok), '/api/v1/me/membership')).statusCode).toBe(200);

    const reused = await activate(a.kpj, code, 'kata-sandi-lain-2');
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.code).toBe('ACTIVATION_FAILED');

    const me = await loginCookie(app, a.kpj, PASSWORD);
    const membership = (await get(me, '/api/v1/me/membership')).json();
    expect(membership).toMatchObject({
      kpj: a.kpj,
      fullName: a.fullName,
      segment: 'BPU',
      status: 'active',
      fundingSource: 'APBDES',
      villageName: 'Kewar',
      regencyName: 'Kabupaten Belu',
    });
    expect(membership.programs.map((p: { code: string }) => p.code)).toEqual(['JKK', 'JKM']);

    const card = await get(me, '/api/v1/me/card.pdf');
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(pdfText(card.rawPayload)).toContain(membership.kpjFormatted);

    const coverage = (await get(me, '/api/v1/me/coverage')).json();
    expect(coverage.status).toBe('active');
    expect(coverage.periods).toEqual([{ from: membership.statusSince, to: null }]);
    expect(coverage.history.map((h: { status: string }) => h.status)).toContain('active');

    const contributions = (await get(me, '/api/v1/me/contributions')).json();
    // BPU village worker: JKK Rp10.000 + JKM Rp6.800 a month, on the village's invoice, paid in full.
    expect(
      contributions.lines.map(
        (l: { period: string; program: string; amountRp: number; invoiceState: string }) => [
          l.period,
          l.program,
          l.amountRp,
          l.invoiceState,
        ],
      ),
    ).toEqual([
      ['2026-12', 'JKK', 10_000, 'paid'],
      ['2026-12', 'JKM', 6_800, 'paid'],
    ]);
    expect(contributions.lines[0].paidOn).toBe('2026-12-10');
    expect(contributions.totals).toEqual({ billedRp: 16_800, paidRp: 16_800, unpaidRp: 0 });

    const claims = (await get(me, '/api/v1/me/claims')).json().claims;
    expect(claims.map((c: { number: string }) => c.number)).toEqual(['KLM-2026-3', 'KLM-2026-1']);
    expect(claims[1]).toMatchObject({
      id: claimIds[0],
      number: 'KLM-2026-1',
      program: 'JKM',
      status: 'approved',
      amountRp: 42_000_000,
      bankAccountMasked: '*********9012',
      refusal: null,
    });
    // A refusal in words in both languages, with its code; the page shows the words, not the code.
    expect(claims[0]).toMatchObject({
      status: 'rejected',
      refusalCode: 'EVENT_NOT_PROVEN',
      refusal: {
        code: 'EVENT_NOT_PROVEN',
        id: 'Kejadian (kematian, kecelakaan, PHK) tidak terbukti.',
        en: 'The event (death, accident, termination) is not proven.',
      },
    });
    expect((await get(me, `/api/v1/me/claims/${claimIds[2]}`)).json().refusal.id).toBe(
      'Kejadian (kematian, kecelakaan, PHK) tidak terbukti.',
    );
    expect(JSON.stringify(claims)).not.toContain('0123456789012');
    expect((await get(me, `/api/v1/me/claims/${claimIds[0]}`)).json().number).toBe('KLM-2026-1');

    // A balance carried over from the previous system (the village worker has no JHT programme now).
    const jht = (await get(me, '/api/v1/me/jht')).json();
    expect(jht).toEqual({
      available: true,
      balanceRp: 1_250_000,
      // Nothing paid and waiting for the branch's credit run (claim-intake.test.ts covers that).
      notYetCreditedRp: 0,
      asOf: '2026-11-24',
      lastEntryOn: '2026-01-01',
    });
  });

  it("a participant sees only their own data: another participant's claim is 404, staff lists are 403", async () => {
    const me = await loginCookie(app, people[0]!.kpj, PASSWORD);
    const other = await get(me, `/api/v1/me/claims/${claimIds[1]}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('NOT_FOUND');
    expect((await get(me, '/api/v1/participants')).statusCode).toBe(403);
    expect((await issue(me, people[1]!.id)).statusCode).toBe(403);
    // And staff have no "me": the self-service reads are for participants.
    expect((await get(branch, '/api/v1/me/membership')).statusCode).toBe(403);
    expect((await get('', '/api/v1/me/membership')).statusCode).toBe(401);
  });

  it('a new code revokes the old one; wrong tries are throttled and burn the code', async () => {
    const b = people[1]!;
    const first = (await issue(branch, b.id)).json().code;
    const second = (await issue(branch, b.id)).json().code;
    expect((await issue(branch, b.id)).json().accountCreated).toBe(false);
    const third = (await issue(branch, b.id)).json().code;
    for (const old of [first, second]) expect((await activate(b.kpj, old)).statusCode).toBe(401);
    for (let i = 2; i < ACTIVATION_CODE_MAX_TRIES; i++) {
      expect((await activate(b.kpj, 'ZZZZ-ZZZZ-ZZZZ')).statusCode).toBe(401);
    }
    const throttled = await activate(b.kpj, third);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('LOGIN_THROTTLED');
    clock().advance(16 * 60_000);
    // Three of the five wrong tries were against the live code: two more burn it.
    expect((await activate(b.kpj, 'ZZZZ-ZZZZ-ZZZZ')).statusCode).toBe(401);
    expect((await activate(b.kpj, 'ZZZZ-ZZZZ-ZZZZ')).statusCode).toBe(401);
    const burnt = await deps.db.query<{ failed_attempts: number; revoked: boolean }>(
      `SELECT failed_attempts, revoked_at IS NOT NULL AS revoked FROM participant_activation_code
       WHERE participant_id = $1 ORDER BY id DESC LIMIT 1`,
      [b.id],
    );
    expect(burnt.rows[0]).toEqual({ failed_attempts: ACTIVATION_CODE_MAX_TRIES, revoked: true });
    clock().advance(16 * 60_000);
    expect((await activate(b.kpj, third)).statusCode).toBe(401);
    // 32 minutes without a request: the branch officer's session has timed out (30 min idle).
    branch = await loginCookie(app, 'cabang.atambua');
    const fresh = (await issue(branch, b.id)).json().code;
    expect((await activate(b.kpj, fresh)).statusCode).toBe(200);
  });

  it('the card letter prints the card and a live code; an expired code is refused', async () => {
    const c = people[2]!;
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/participants/${c.id}/activation-letter`,
      headers: { cookie: branch },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(c.fullName);
    expect(text).toContain(
      `${c.kpj.slice(0, 2)} ${c.kpj.slice(2, 6)} ${c.kpj.slice(6, 10)} ${c.kpj.slice(10)}`,
    );
    const printed = text.find((s) => CODE_FORMAT.test(s));
    expect(printed).toBeDefined();
    expect((await activate(c.kpj, printed!)).statusCode).toBe(200);

    const d = people[3]!;
    const code = (await issue(branch, d.id)).json().code;
    clock().advance(91 * 86_400_000);
    expect((await activate(d.kpj, code)).statusCode).toBe(401);
  });
});
