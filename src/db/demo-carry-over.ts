// The demo's carry-over of self-paying informal (BPU mandiri) members from the branch's previous
// system, set-based, mirroring what batch activation writes: person, payer, active BPU participant
// with KPJ, and the status history. One payer per kecamatan (the Perisai collective).
import type { Queryable } from './types.ts';

export interface CarriedMember {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: string;
  occupation: string;
  address: string;
  regionCode: string;
  /** The day the member became active in the previous system. */
  since: string;
  income: number;
  /** Comma-separated programme codes, e.g. 'JKK,JKM,JHT'. */
  programs: string;
}

/** The self payer of a kecamatan with this name, if an earlier run created it. */
export async function findSelfPayer(q: Queryable, regionCode: string, name: string) {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM payer WHERE kind = 'self' AND region_code = $1 AND name = $2`,
    [regionCode, name],
  );
  return r.rows[0]?.id;
}

/**
 * Writes the payer, the persons (an existing NIK keeps its person), the active participants in
 * order of their start, and each one's status row. Returns the payer and the participants created.
 */
export async function carryOverSelfPaying(
  q: Queryable,
  a: {
    payerName: string;
    kecamatanCode: string;
    regencyCode: string;
    members: readonly CarriedMember[];
    actor: string;
    at: string;
  },
): Promise<{ payerId: number; participants: number }> {
  const rows = a.members;
  const payerId = (
    await q.query<{ id: number }>(
      `INSERT INTO payer (kind, name, region_code, created_at) VALUES ('self', $1, $2, $3) RETURNING id`,
      [a.payerName, a.kecamatanCode, a.at],
    )
  ).rows[0]!.id;
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, address, region_code, created_at)
     SELECT t.nik, t.name, name_key(t.name), t.birth, t.sex, t.job, t.addr, t.region, $8
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS t (nik, name, birth, sex, job, addr, region)
     ON CONFLICT (nik) DO NOTHING`,
    [
      rows.map((r) => r.nik),
      rows.map((r) => r.fullName),
      rows.map((r) => r.birthDate),
      rows.map((r) => r.sex),
      rows.map((r) => r.occupation),
      rows.map((r) => r.address),
      rows.map((r) => r.regionCode),
      a.at,
    ],
  );
  const inserted = await q.query(
    `INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
       declared_income_rp, status, status_since, created_at)
     SELECT next_kpj(extract(year FROM t.since)::int), p.id, 'BPU', string_to_array(t.programs, ','), 'SELF', $6,
            t.region, $7, t.income, 'active', t.since, $8
     FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[], $5::text[]) WITH ORDINALITY
       AS t (nik, region, since, income, programs, ord)
     JOIN person p ON p.nik = t.nik
     ORDER BY t.since, t.ord`,
    [
      rows.map((r) => r.nik),
      rows.map((r) => r.regionCode),
      rows.map((r) => r.since),
      rows.map((r) => r.income),
      rows.map((r) => r.programs),
      payerId,
      a.regencyCode,
      a.at,
    ],
  );
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT id, regency_code, 'active', status_since, 'BPU mandiri: carried over from the previous system', $2, $3
     FROM participant WHERE payer_id = $1`,
    [payerId, a.actor, a.at],
  );
  return { payerId, participants: inserted.rowCount ?? 0 };
}
