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
