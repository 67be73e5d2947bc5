import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NameMatch, participantPageQuery } from '../../src/db/participant-list.ts';
import type { Deps } from '../../src/services/actor.ts';
import { registerEmployer } from '../../src/services/register-employer.ts';
import { demoActor } from '../support/actors.ts';
import { insertBulkParticipants } from '../support/bulk-participants.ts';
import { preparedDeps, type TestDb } from '../support/db.ts';
import { demoServer, loginAll } from '../support/http.ts';
import { serialName } from '../support/names.ts';

// Keyset paging (issue 15 point 5, issue 16 point 6): every row exactly once however many rows
// share a sort key, a village's pages hold only its rows, an unknown query parameter is a 400, and
// exact KPJ / NIK and name lookups are answered by indexes.

const BELU = '53.04';
const KEWAR = '53.04.01.2001';
const PARTICIPANTS = 1203;
const VILLAGES = 12;
const PERIODS = 24;

type Page<K extends string> = Record<
  K,
  { id: number; regionCode?: string; payerRegion?: string | null }[]
> & {
  nextCursor: string | null;
  total?: number;
};

describe('keyset paging of the participant and invoice lists', () => {
  let t: TestDb;
  let deps: Deps;
  let app: FastifyInstance;
  let c: Record<string, string>;

  const get = (who: string, url: string, lang = 'id') =>
    app.inject({ method: 'GET', url, headers: { cookie: c[who]!, 'accept-language': lang } });

  /** Every page of a list, following nextCursor; fails on a page that is not 200. */
  async function allPages<K extends string>(who: string, path: string, key: K, limit: number) {
    const pages: Page<K>[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(who, `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as Page<K>;
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 1000);
    return { pages, rows: pages.flatMap((p) => p[key]) };
  }

  const ids = async (sql: string, params: unknown[]) =>
    (await deps.db.query<{ id: number }>(sql, params)).rows.map((r) => Number(r.id)).sort((a, b) => a - b);

  /**
   * The plan of one page of a participant search, with the named planner methods turned off
   * (`EXPLAIN options`, e.g. "(ANALYZE, COSTS OFF)").
   */
  async function explainPage(
    search: string,
    match: NameMatch | undefined,
    limit: number,
    off: string[],
    options = '',
  ) {
    const { sql, params } = participantPageQuery(
      { scopes: [BELU], regionCode: null, search, limit, afterId: null },
      match,
    );
    return deps.db.transaction(async (tx) => {
      for (const method of off) await tx.query(`SET LOCAL enable_${method} = off`);
      const r = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${options} ${sql}`, params);
      return r.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  beforeAll(async () => {
    ({ deps, t } = await preparedDeps());
    app = await demoServer(deps);
    await insertBulkParticipants(deps.db, {
      regencyCode: BELU,
      count: PARTICIPANTS,
      villages: VILLAGES,
      effectiveDate: '2026-11-01',
      at: '2026-11-01T00:00:00Z',
    });
    // Three names per village: the list's sort key (village, name) repeats hundreds of times, so
    // only the id tiebreaker keeps the order total. One person is findable by a rare name.
    const names = [1, 2, 3].map((n) => `Maria ${serialName(n)} Bere`);
    await deps.db.query(
      `UPDATE person SET full_name = ($1::text[])[1 + id % 3], name_key = name_key(($1::text[])[1 + id % 3])`,
      [names],
    );
    await deps.db.query(
      `UPDATE person SET full_name = 'Yohanes Nahak Seran', name_key = name_key('Yohanes Nahak Seran')
       WHERE id = (SELECT max(id) FROM person)`,
    );
    // Invoices of every payer for two years of months: each month's invoices share one due date.
    const run = await deps.db.query<{ id: number }>(
      `INSERT INTO billing_run (regency_code, period, rules_version, kind, participants, lines, total_rp, actor, at)
       VALUES ($1, '2024-12', 'test', 'regular', 0, 0, 0, 'test', '2026-11-01T00:00:00Z') RETURNING id`,
      [BELU],
    );
    await deps.db.query(
      `INSERT INTO invoice (number, payer_id, regency_code, period, billing_run_id, kind, issued_at, due_date, total_rp)
       SELECT 'TEST/' || p.id || '/' || m, p.id, $1, to_char(date '2025-01-01' + (m || ' month')::interval, 'YYYY-MM'),
              $2, 'regular', '2026-11-01T00:00:00Z', (date '2025-01-15' + (m || ' month')::interval)::date, 42000
       FROM payer p CROSS JOIN generate_series(0, $3::int - 1) AS m
       WHERE p.kind IN ('village', 'regency')`,
      [BELU, run.rows[0]!.id, PERIODS],
    );
    await deps.db.query('ANALYZE person');
    await deps.db.query('ANALYZE participant');
    // 23 employers under one name: the employer list's sort key (name) repeats, the id decides.
    const branch = await demoActor(deps, 'cabang.atambua');
    for (let n = 1; n <= 23; n++)
      await registerEmployer(deps, branch, {
        npp: String(53049000 + n),
        name: 'CV Maju Bersama',
        businessTypeCode: 'konveksi',
        scale: 'small',
        regionCode: KEWAR,
      });
    c = await loginAll(app, ['dinas.belu', 'desa.kewar', 'auditor']);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('pages through every participant of the regency exactly once, 37 at a time', async () => {
    const { pages, rows } = await allPages('dinas.belu', '/api/v1/participants', 'participants', 37);
    const expected = await ids('SELECT id FROM participant WHERE regency_code = $1', [BELU]);
    expect(expected.length).toBeGreaterThanOrEqual(PARTICIPANTS);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(pages.length).toBe(Math.ceil(expected.length / 37));
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it('pages through every invoice exactly once, with the total on every page', async () => {
    const { pages, rows } = await allPages('dinas.belu', '/api/v1/invoices', 'invoices', 11);
    const expected = await ids('SELECT id FROM invoice WHERE regency_code = $1', [BELU]);
    // 12 village payers and the regency's treasury, 24 months each.
    expect(expected.length).toBe((VILLAGES + 1) * PERIODS);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([expected.length]));
  });

  it('pages through every employer exactly once by name and id, with the total on every page', async () => {
    const { pages, rows } = await allPages('dinas.belu', '/api/v1/employers', 'employers', 4);
    const expected = await ids('SELECT id FROM employer WHERE regency_code = $1', [BELU]);
    expect(expected.length).toBeGreaterThanOrEqual(23);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([expected.length]));
    // Projects and migrant workers page the same way (here: one page, no cursor after it).
    for (const [path, key] of [
      ['/api/v1/projects', 'projects'],
      ['/api/v1/pmi', 'placements'],
    ] as const) {
      const list = await allPages('dinas.belu', path, key, 5);
      expect(list.pages.at(-1)!.nextCursor).toBeNull();
      expect(new Set(list.rows.map((r) => r.id)).size).toBe(list.rows.length);
    }
  });

  it("keeps a village operator's pages to the village's own rows", async () => {
    const people = await allPages('desa.kewar', '/api/v1/participants', 'participants', 9);
    expect(people.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      await ids('SELECT id FROM participant WHERE region_code = $1', [KEWAR]),
    );
    expect(new Set(people.rows.map((r) => r.regionCode))).toEqual(new Set([KEWAR]));
    const bills = await allPages('desa.kewar', '/api/v1/invoices', 'invoices', 5);
    expect(bills.rows).toHaveLength(PERIODS);
    expect(new Set(bills.rows.map((r) => r.payerRegion))).toEqual(new Set([KEWAR]));
    expect(bills.pages[0]!.total).toBe(PERIODS);
  });

  it('pages through the audit log newest first, each entry of the scope once', async () => {
    const expected = await ids(`SELECT id FROM audit_log WHERE region_in_scope(region_code, $1::text[])`, [
      [BELU],
    ]);
    const { rows } = await allPages('auditor', '/api/v1/audit', 'entries', 13);
    // Listing writes no audit entry, so the log is the one counted before the first page.
    expect(rows.map((r) => r.id)).toEqual([...expected].reverse());
  });

  it('refuses an unknown query parameter in both languages instead of ignoring it', async () => {
    for (const url of [
      '/api/v1/participants?stauts=active',
      '/api/v1/invoices?offset=100',
      '/api/v1/payers?region=53.04',
    ]) {
      const res = await get('dinas.belu', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('QUERY_PARAMETER_UNKNOWN');
      expect(res.json().error.message).toMatch(/^Parameter \w+ tidak dikenal/);
    }
    const en = await get('dinas.belu', '/api/v1/invoices?stauts=open', 'en');
    expect(en.json().error.message).toBe(
      'Unknown parameter stauts for this address. Known parameters: payer, period, status, limit, cursor.',
    );
    // A cursor that names no row of the list's kind is refused too, not read as "from the start".
    expect((await get('dinas.belu', '/api/v1/invoices?cursor=abc')).statusCode).toBe(400);
  });

  it('answers exact KPJ, exact NIK and name searches from indexes', async () => {
    const one = (
      await deps.db.query<{ kpj: string; nik: string }>(
        `SELECT pa.kpj, p.nik FROM participant pa JOIN person p ON p.id = pa.person_id ORDER BY pa.id DESC LIMIT 1`,
      )
    ).rows[0]!;
    // At a thousand rows a whole-table walk is cheapest, so the plan would say nothing. With
    // sequential and plain index scans off, a table is read through an index condition (a
    // bitmap scan) where one fits; where none does, it is still scanned whole and shows so.
    const plan = (search: string, match?: NameMatch) =>
      explainPage(search, match, 51, ['seqscan', 'indexscan']);
    const byKpj = await plan(one.kpj);
    expect(byKpj).toMatch(/Bitmap Index Scan on participant_kpj_key/);
    const byNik = await plan(one.nik);
    expect(byNik).toMatch(/Bitmap Index Scan on person_nik_key/);
    // A name's beginning is a range of the btree; the rest of a page, names holding the text
    // further in, comes from the trigram index.
    const byNameStart = await plan('Yohanes Na');
    expect(byNameStart).toMatch(/Bitmap Index Scan on person_name_prefix_birth_idx/);
    expect(byNameStart).not.toMatch(/person_name_key_trgm_idx/);
    // A family name's beginning, from the index of the name after its first word.
    const byFamilyName = await plan('Nahak Se', 'tail');
    expect(byFamilyName).toMatch(/Bitmap Index Scan on person_name_tail_birth_idx/);
    expect(byFamilyName).not.toMatch(/person_name_key_trgm_idx/);
    const byNameWithin = await plan('ahak', 'within');
    expect(byNameWithin).toMatch(/Bitmap Index Scan on person_name_key_trgm_idx/);
    for (const p of [byKpj, byNik, byNameStart, byFamilyName, byNameWithin])
      expect(p).not.toMatch(/Seq Scan on (person|participant)/);
    // And the search finds that one person through the API.
    const res = await get('dinas.belu', '/api/v1/participants?q=Nahak');
    expect(res.json().participants.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Yohanes Nahak Seran',
    ]);
  });
  it.each([
    // Every person here is "Maria A Bere", "Maria B Bere" or "Maria C Bere".
    ['maria', 'start', 'person_name_prefix_birth_idx'],
    ['A Be', 'tail', 'person_name_tail_birth_idx'],
  ] as const)(
    'reads the part "%s" finds in list order from its btree (%s), stopping after the page',
    async (search, match, index) => {
      // Hundreds of people match: a page of 20 must not read the others. At a thousand rows a
      // whole-table walk and a sort are cheapest; the order the index gives is what a
      // 10-million-row table needs, so only index scans are left to choose from.
      const plan = await explainPage(search, match, 20, ['seqscan', 'bitmapscan'], '(ANALYZE, COSTS OFF)');
      const scan = plan.match(
        new RegExp(`Index Scan using ${index} on person p \\(actual time=[\\d.]+ rows=(\\d+)`),
      );
      expect(scan, plan).not.toBeNull();
      expect(Number(scan![1]), plan).toBeLessThanOrEqual(21);
      // No sort of every match: at most a sort of equal names by id, within the index's order.
      expect(plan).not.toMatch(/(?<!Incremental )Sort \(actual/);
      expect(plan).toMatch(/Presorted Key: /);
      // And the page is full: the index was not stopped short.
      expect(plan).toMatch(/Limit \(actual time=[\d.]+ rows=20/);
    },
  );

  it('sorts the matches of a fragment found anywhere in a name instead of walking the name index for them', async () => {
    // Walked in name order and filtered, a common fragment whose names sort late was read through
    // most of the index (23 s at 10 M people for "osalia"). Even with sorting priced out, this
    // part offers the planner no such walk: its matches are found, then sorted.
    const plan = await explainPage('ere', 'within', 20, ['sort', 'seqscan']);
    expect(plan).not.toMatch(/person_name_prefix_birth_idx|person_name_tail_birth_idx/);
    expect(plan).toMatch(/Sort Key: \(\(p\.name_key/);
  });

  it('lists the names beginning with the text, then the family names, then the rest, each once across pages', async () => {
    // Every 40th person is renamed "Bere …" and every 40th but 13 "Yosef Bere …": a search for
    // "bere" begins the first names, begins the second ones after their first word, and ends
    // everyone else's ("Maria … Bere"), so the three parts of the search span several pages each.
    for (const [name, rest] of [
      ['Bere Lusia Klau', 0],
      ['Yosef Bere Mau', 13],
    ] as const)
      await deps.db.query(`UPDATE person SET full_name = $1, name_key = name_key($1) WHERE id % 40 = $2`, [
        name,
        rest,
      ]);
    const { pages, rows } = await allPages('dinas.belu', '/api/v1/participants?q=bere', 'participants', 7);
    const listed = rows as { id: number; fullName: string; regionCode: string }[];
    const all = await ids(
      `SELECT pa.id FROM participant pa JOIN person p ON p.id = pa.person_id
       WHERE pa.regency_code = $1 AND p.name_key LIKE '%bere%'`,
      [BELU],
    );
    expect(listed.map((r) => r.id).sort((a, b) => a - b)).toEqual(all);
    expect(new Set(listed.map((r) => r.id)).size).toBe(listed.length);
    const partOf = (r: (typeof listed)[number]) =>
      r.fullName.startsWith('Bere ') ? 0 : r.fullName.startsWith('Yosef Bere ') ? 1 : 2;
    const parts = [0, 1, 2].map((n) => listed.filter((r) => partOf(r) === n));
    // The parts one after the other, each longer than a page.
    expect(listed).toEqual(parts.flat());
    for (const part of parts) expect(part.length).toBeGreaterThan(7);
    // Each part in its order: the key it was found by (byte by byte: the name's key, for the
    // family names the key of the name after its first word), then birth date, then id.
    const sortKeys = new Map(
      (
        await deps.db.query<{ id: number; name_key: string; tail: string; birth_date: string }>(
          `SELECT pa.id, p.name_key, name_tail(p.full_name) AS tail, p.birth_date
           FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.id = ANY($1::bigint[])`,
          [listed.map((r) => r.id)],
        )
      ).rows.map((r) => [Number(r.id), r]),
    );
    const key = (id: number, part: number) => {
      const r = sortKeys.get(id)!;
      return [part === 1 ? r.tail : r.name_key, r.birth_date, Number(r.id)] as const;
    };
    const before = (a: readonly [string, string, number], b: readonly [string, string, number]) =>
      a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
    for (const [n, part] of parts.entries())
      for (let i = 1; i < part.length; i++)
        expect(before(key(part[i - 1]!.id, n), key(part[i]!.id, n)), `part ${n} row ${i}`).toBe(true);
    // Not the village order of the unfiltered list: the names lead, across villages.
    expect(new Set(listed.slice(0, 7).map((r) => r.regionCode)).size).toBeGreaterThan(1);
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });
});
