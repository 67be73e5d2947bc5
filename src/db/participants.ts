import type { Queryable } from './types.ts';

/**
 * Turns a verified batch's valid rows into persons, payer and active BPU participants, each
 * step one set-based statement. Returns the number of participants created.
 */
export async function activateBatchRows(
  q: Queryable,
  a: { batchId: number; at: string; effectiveDate: string; actor: string; programs: string[] },
): Promise<number> {
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, phone, address, region_code, created_at)
     SELECT r.nik, r.full_name, name_key(r.full_name), r.birth_date, r.sex, r.occupation, nullif(r.phone, ''),
            nullif(r.address, ''), b.village_code, $2
     FROM enrolment_row r JOIN enrolment_batch b ON b.id = r.batch_id
     WHERE r.batch_id = $1 AND r.state = 'valid'
     ON CONFLICT (nik) DO NOTHING`,
    [a.batchId, a.at],
  );
  // APBDes batches are paid by the village, APBD batches by the regency treasury.
  await q.query(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT CASE b.funding_source WHEN 'APBDES' THEN 'village' ELSE 'regency' END,
            CASE b.funding_source WHEN 'APBDES' THEN 'Pemerintah Desa ' || v.name ELSE 'Pemerintah ' || initcap(g.name) END,
            CASE b.funding_source WHEN 'APBDES' THEN b.village_code ELSE b.regency_code END, $2
     FROM enrolment_batch b JOIN region v ON v.code = b.village_code JOIN region g ON g.code = b.regency_code
     WHERE b.id = $1
     ON CONFLICT (kind, region_code) WHERE kind IN ('regency', 'village') DO NOTHING`,
    [a.batchId, a.at],
  );
  const created = await q.query(
    `INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
       declared_income_rp, status, status_since, enrolment_batch_id, created_at)
     SELECT next_kpj(extract(year FROM $3::date)::int), p.id, 'BPU', $4::text[], b.funding_source, pay.id,
            b.village_code, b.regency_code, r.declared_income_rp, 'active', $3::date, b.id, $2
     FROM enrolment_row r
     JOIN enrolment_batch b ON b.id = r.batch_id
     JOIN person p ON p.nik = r.nik
     JOIN payer pay ON pay.kind = CASE b.funding_source WHEN 'APBDES' THEN 'village' ELSE 'regency' END
                   AND pay.region_code = CASE b.funding_source WHEN 'APBDES' THEN b.village_code ELSE b.regency_code END
     WHERE r.batch_id = $1 AND r.state = 'valid'
       -- Covered since validation (an employer registered them): PU comes first (src/rules/kepesertaan.ts),
       -- the row gets no village membership rather than failing the batch (migration 0019's trigger).
       AND NOT EXISTS (SELECT 1 FROM participant o
                       WHERE o.person_id = p.id AND o.status = 'active'
                         AND NOT membership_may_hold_both(o.segment, o.programs, 'BPU', $4::text[]))
     ORDER BY r.upload_id, r.row_number`,
    [a.batchId, a.at, a.effectiveDate, a.programs],
  );
  // The history carries the batch's earlier steps, so coverage can be traced from the proposal on.
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT pa.id, pa.regency_code, s.status, s.on_date, s.reason, $3, $2
     FROM participant pa JOIN enrolment_batch b ON b.id = pa.enrolment_batch_id
     CROSS JOIN LATERAL (VALUES
       ('proposed', (b.submitted_at AT TIME ZONE 'Asia/Makassar')::date, 'enrolment batch ' || b.id || ' submitted'),
       ('verified', (b.verified_at AT TIME ZONE 'Asia/Makassar')::date, 'enrolment batch ' || b.id || ' verified'),
       ('active', $4::date, 'enrolment batch ' || b.id || ' activated')) AS s (status, on_date, reason)
     WHERE pa.enrolment_batch_id = $1`,
    [a.batchId, a.at, a.actor, a.effectiveDate],
  );
  return created.rowCount;
}

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
 * any other search matches names, listed by name (then birth date, then id): first those that
 * begin with it, read in order from a btree range (migration 0034) so a page stops after its own
 * rows, then those that hold it further in (the trigram index of migration 0027).
 */
export interface ParticipantPageFilter {
  scopes: readonly string[];
  regionCode: string | null;
  search: string | null;
  limit: number;
  afterId: number | null;
}

/** Which part of a name search a statement reads: names beginning with the text, or holding it further in. */
export type NameMatch = 'start' | 'within';

const NAME_MATCH: Record<NameMatch, string> = {
  start: `p.name_key LIKE name_key($4) || '%'`,
  within: `p.name_key LIKE '%' || name_key($4) || '%' AND p.name_key NOT LIKE name_key($4) || '%'`,
};

/** The cursor row's value of a sort column ($6 its participant id). */
const cursorOf = (column: string) =>
  `(SELECT ${column} FROM participant a JOIN person ap ON ap.id = a.person_id WHERE a.id = $6)`;

/**
 * The two orders of the list: where the page starts after the cursor row, and its ORDER BY. A
 * name is compared byte by byte (~<~, ~>~: the order of person_name_prefix_birth_idx, whose
 * text_pattern_ops are those operators), so that the index gives the rows in list order.
 */
const ORDERS = {
  region: {
    after: [
      `(pa.region_code, p.full_name, pa.id) > ${cursorOf('a.region_code, ap.full_name, a.id')}`,
      // The same bound on region_code alone, which participant_region_code_idx can seek to (0027).
      `pa.region_code >= ${cursorOf('a.region_code')}`,
    ],
    by: (x: string) => `${x}region_code, ${x}full_name, ${x}id`,
  },
  name: {
    after: [
      `p.name_key ~>~ ${cursorOf('ap.name_key')}
       OR (p.name_key = ${cursorOf('ap.name_key')} AND (p.birth_date, pa.id) > ${cursorOf('ap.birth_date, a.id')})`,
      // The same bound on the name alone, which the btree can seek to.
      `p.name_key ~>=~ ${cursorOf('ap.name_key')}`,
    ],
    by: (x: string) => `${x}name_key USING ~<~, ${x}birth_date, ${x}id`,
  },
};

/** The statement and parameters of one page (a test EXPLAINs it to see which indexes answer). */
export function participantPageQuery(
  f: ParticipantPageFilter,
  nameMatch: NameMatch = 'start',
): { sql: string; params: unknown[] } {
  const exact = f.search !== null && /^\d+$/.test(f.search) ? f.search : null;
  const name = f.search !== null && exact === null ? f.search : null;
  const order = ORDERS[name === null ? 'region' : 'name'];
  return {
    // The village's name is joined to the page, not to every match: joined inside, the planner
    // walked the regions in order and rescanned every match once per region (3.7 s for a family
    // name at 10 M participants).
    sql: `SELECT x.id, x.kpj, x.nik, x.full_name AS "fullName", x.birth_date AS "birthDate", x.sex, x.segment,
            x.programs, x.funding_source AS "fundingSource", x.region_code AS "regionCode",
            x.status, x.status_since AS "statusSince", g.name AS "villageName"
     FROM (
     SELECT pa.id, pa.kpj, p.nik, p.full_name, p.name_key, p.birth_date, p.sex, pa.segment,
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
  // The names beginning with the text fill most pages from the btree alone; the trigram index is
  // read only for the rest of a page they leave short, and from the start of that part unless
  // the cursor row is already in it.
  const cursorInStart = f.afterId === null || (await cursorBeginsWith(q, f.afterId, f.search));
  const start = cursorInStart ? await page(f, 'start') : [];
  if (start.length >= f.limit) return start;
  const within = await page(
    { ...f, afterId: cursorInStart ? null : f.afterId, limit: f.limit - start.length },
    'within',
  );
  return [...start, ...within];
}

async function cursorBeginsWith(q: Queryable, afterId: number, search: string): Promise<boolean> {
  const r = await q.query<{ starts: boolean }>(
    `SELECT p.name_key LIKE name_key($2) || '%' AS starts
     FROM participant pa JOIN person p ON p.id = pa.person_id WHERE pa.id = $1`,
    [afterId, search],
  );
  return r.rows[0]?.starts === true;
}

/** Village-programme workers (APBDes, APBD) of the village who are covered or lapsed. */
export async function villageActiveCount(q: Queryable, villageCode: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM participant
     WHERE region_code = $1 AND segment = 'BPU' AND funding_source IN ('APBDES', 'APBD') AND status IN ('active', 'lapsed')`,
    [villageCode],
  );
  return r.rows[0]?.n ?? 0;
}

export async function findParticipantIdByKpj(q: Queryable, kpj: string): Promise<number | null> {
  const r = await q.query<{ id: number }>('SELECT id FROM participant WHERE kpj = $1', [kpj]);
  return r.rows[0] ? Number(r.rows[0].id) : null;
}
