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
 * One page of the participants in scope, in (region, name, id) order, after `after` (keyset
 * paging: no OFFSET, no count over the whole list; issue 14, B3). `afterId` is the last row of the
 * previous page: the cursor is that id, not its name, so a masked list never carries a name in its
 * URLs. A search of digits only is an exact KPJ or NIK, which the unique indexes answer; any other
 * search matches names (the trigram index of migration 0027).
 */
export interface ParticipantPageFilter {
  scopes: readonly string[];
  regionCode: string | null;
  search: string | null;
  limit: number;
  afterId: number | null;
}

/** The statement and parameters of one page (a test EXPLAINs it to see which indexes answer). */
export function participantPageQuery(f: ParticipantPageFilter): { sql: string; params: unknown[] } {
  const exact = f.search !== null && /^\d+$/.test(f.search) ? f.search : null;
  const name = f.search !== null && exact === null ? f.search : null;
  return {
    sql: `SELECT pa.id, pa.kpj, p.nik, p.full_name AS "fullName", p.birth_date AS "birthDate", p.sex, pa.segment,
            pa.programs, pa.funding_source AS "fundingSource", pa.region_code AS "regionCode", g.name AS "villageName",
            pa.status, pa.status_since AS "statusSince"
     FROM participant pa JOIN person p ON p.id = pa.person_id JOIN region g ON g.code = pa.region_code
     WHERE region_in_scope(pa.region_code, $1::text[])
       AND ($2::text IS NULL OR pa.region_code = $2 OR left(pa.region_code, length($2) + 1) = $2 || '.')
       AND ($3::text IS NULL OR pa.kpj = $3 OR pa.person_id = (SELECT id FROM person WHERE nik = $3))
       AND ($4::text IS NULL OR (name_key($4) <> '' AND p.name_key LIKE '%' || name_key($4) || '%'))
       AND ($6::bigint IS NULL OR (pa.region_code, p.full_name, pa.id) > (
             SELECT a.region_code, ap.full_name, a.id FROM participant a JOIN person ap ON ap.id = a.person_id
             WHERE a.id = $6))
       -- The same bound on region_code alone, which participant_region_code_idx can seek to (0027).
       AND ($6::bigint IS NULL OR pa.region_code >= (SELECT a.region_code FROM participant a WHERE a.id = $6))
     ORDER BY pa.region_code, p.full_name, pa.id LIMIT $5`,
    params: [f.scopes, f.regionCode, exact, name, f.limit, f.afterId],
  };
}

export async function listParticipantsInScope(
  q: Queryable,
  f: ParticipantPageFilter,
): Promise<ParticipantListRow[]> {
  const { sql, params } = participantPageQuery(f);
  return (await q.query<ParticipantListRow>(sql, params)).rows;
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
