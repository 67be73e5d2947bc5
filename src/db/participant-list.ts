import type { Queryable } from './types.ts';

export interface ParticipantListRow {
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  segment: string;
  programs: string[];
  fundingSource: string;
  regionCode: string;
  villageName: string;
  status: string;
  statusSince: string;
}

/**
 * One page of the participants in scope, after `after` (keyset paging: no OFFSET, no count over
 * the whole list; issue 14, B3). `afterId` is the last row of the previous page: the cursor is that
 * id, not its name, so a masked list never carries a name in its URLs. The list is in (region,
 * name, id) order. A search of digits only is an exact KPJ or NIK, which the unique indexes answer;
 * any other search matches names, in three parts (NameMatch), each read from its own index.
 */
export interface ParticipantPageFilter {
  scopes: readonly string[];
  regionCode: string | null;
  search: string | null;
  limit: number;
  afterId: number | null;
}

/**
 * The parts of a name search, listed one after the other: names that begin with the text (a range
 * of person_name_prefix_birth_idx, 0034), then names whose part after the first word begins with
 * it, a family name (person_name_tail_birth_idx, 0037), each by that key, birth date and id, read in
 * order so that a page stops after its own rows; then names holding it anywhere else (the trigram
 * index, 0027), by name, birth date and id.
 */
export const NAME_MATCHES = ['start', 'tail', 'within'] as const;
export type NameMatch = (typeof NAME_MATCHES)[number];

/** The name of person p begins with the search ($n), or its part after the first word does. */
const starts = (n: string) => `p.name_key LIKE name_key(${n}) || '%'`;
const tailStarts = (n: string) => `name_tail(p.full_name) LIKE name_key(${n}) || '%'`;
const STARTS = starts('$4');
const TAIL_STARTS = tailStarts('$4');
const NAME_MATCH: Record<NameMatch, string> = {
  start: STARTS,
  tail: `${TAIL_STARTS} AND NOT ${STARTS}`,
  within: `p.name_key LIKE '%' || name_key($4) || '%' AND NOT ${STARTS} AND NOT ${TAIL_STARTS}`,
};

/** The cursor row's value of a sort column ($6 its participant id). */
const cursorOf = (column: string) =>
  `(SELECT ${column} FROM participant a JOIN person ap ON ap.id = a.person_id WHERE a.id = $6)`;

/**
 * A list order: where the page starts after the cursor row (conditions, each applied when there is
 * a cursor), the sort key the inner statement selects, and the ORDER BY. A name is compared byte by
 * byte (~<~, ~>~: the order of the text_pattern_ops indexes), so that an index gives the rows in
 * list order.
 */
interface Order {
  after: string[];
  key: string;
  by: (x: string) => string;
}

const byName = (key: string, cursorKey: string): Order => ({
  after: [
    `${key} ~>~ ${cursorOf(cursorKey)}
       OR (${key} = ${cursorOf(cursorKey)} AND (p.birth_date, pa.id) > ${cursorOf('ap.birth_date, a.id')})`,
    // The same bound on the key alone, which its btree can seek to.
    `${key} ~>=~ ${cursorOf(cursorKey)}`,
  ],
  key: `${key} AS sort_key`,
  by: (x) => `${x}sort_key USING ~<~, ${x}birth_date, ${x}id`,
});

const ORDERS: Record<'region' | NameMatch, Order> = {
  region: {
    after: [
      `(pa.region_code, p.full_name, pa.id) > ${cursorOf('a.region_code, ap.full_name, a.id')}`,
      // The same bound on region_code alone, which participant_region_code_idx can seek to (0027).
      `pa.region_code >= ${cursorOf('a.region_code')}`,
    ],
    key: 'NULL AS sort_key',
    by: (x) => `${x}region_code, ${x}full_name, ${x}id`,
  },
  start: byName('p.name_key', 'ap.name_key'),
  tail: byName('name_tail(p.full_name)', 'name_tail(ap.full_name)'),
  // By name, but not from the name btree: walking it in order and filtering, the planner took
  // 23 s at 10 M for a fragment of a common name ("osalia": 200,000 matches, all under "r");
  // sorting the trigram index's matches takes at most about 1.5 s.
  within: byName("(p.name_key || '')", "(ap.name_key || '')"),
};

/** The statement and parameters of one page (a test EXPLAINs it to see which indexes answer). */
export function participantPageQuery(
  f: ParticipantPageFilter,
  nameMatch: NameMatch = 'start',
): { sql: string; params: unknown[] } {
  const exact = f.search !== null && /^\d+$/.test(f.search) ? f.search : null;
  const name = f.search !== null && exact === null ? f.search : null;
  const order = ORDERS[name === null ? 'region' : nameMatch];
  return {
    // The village's name is joined to the page, not to every match: joined inside, the planner
    // walked the regions in order and rescanned every match once per region (3.7 s for a family
    // name at 10 M participants).
    sql: `SELECT x.id, x.kpj, x.nik, x.full_name AS "fullName", x.birth_date AS "birthDate", x.sex, x.segment,
            x.programs, x.funding_source AS "fundingSource", x.region_code AS "regionCode",
            x.status, x.status_since AS "statusSince", g.name AS "villageName"
     FROM (
     SELECT pa.id, pa.kpj, p.nik, p.full_name, ${order.key}, p.birth_date, p.sex, pa.segment,
            pa.programs, pa.funding_source, pa.region_code, pa.status, pa.status_since
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE region_in_scope(pa.region_code, $1::text[])
       AND ($2::text IS NULL OR pa.region_code = $2 OR left(pa.region_code, length($2) + 1) = $2 || '.')
       AND ($3::text IS NULL OR pa.kpj = $3 OR pa.person_id = (SELECT id FROM person WHERE nik = $3))
       AND ($4::text IS NULL OR (name_key($4) <> '' AND ${NAME_MATCH[nameMatch]}))
       ${order.after.map((c) => `AND ($6::bigint IS NULL OR (${c}))`).join('\n       ')}
     ORDER BY ${order.by('')} LIMIT $5) x
     JOIN region g ON g.code = x.region_code
     ORDER BY ${order.by('x.')}`,
    params: [f.scopes, f.regionCode, exact, name, f.limit, f.afterId],
  };
}

export async function listParticipantsInScope(
  q: Queryable,
  f: ParticipantPageFilter,
): Promise<ParticipantListRow[]> {
  const page = async (g: ParticipantPageFilter, match?: NameMatch) => {
    const { sql, params } = participantPageQuery(g, match);
    return (await q.query<ParticipantListRow>(sql, params)).rows;
  };
  if (f.search === null || /^\d+$/.test(f.search)) return page(f);
  // Most pages are filled by the first part alone; a later part is read only for the rest of a
  // page the earlier ones leave short, from its beginning unless the cursor row is in it.
  const from = f.afterId === null ? 0 : NAME_MATCHES.indexOf(await cursorPart(q, f.afterId, f.search));
  const rows: ParticipantListRow[] = [];
  for (const [i, match] of NAME_MATCHES.entries()) {
    if (i < from || rows.length >= f.limit) continue;
    rows.push(
      ...(await page({ ...f, afterId: i === from ? f.afterId : null, limit: f.limit - rows.length }, match)),
    );
  }
  return rows;
}

/** Which part of a name search the cursor row is in. */
async function cursorPart(q: Queryable, afterId: number, search: string): Promise<NameMatch> {
  const r = await q.query<{ part: NameMatch }>(
    `SELECT CASE WHEN ${starts('$2')} THEN 'start' WHEN ${tailStarts('$2')} THEN 'tail' ELSE 'within' END AS part
     FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.id = $1`,
    [afterId, search],
  );
  return r.rows[0]?.part ?? 'within';
}
