import type { Queryable } from './types.ts';

/** What a membership card prints about one participant. */
export interface CardRow {
  kpj: string;
  fullName: string;
  segment: string;
  programs: string[];
  fundingSource: string;
  status: string;
  statusSince: string;
  regionCode: string;
  villageName: string;
  villageKind: string | null;
  regencyName: string;
  payerName: string;
}

const SELECT_CARD = `
  SELECT pa.kpj, p.full_name AS "fullName", pa.segment, pa.programs, pa.funding_source AS "fundingSource",
         pa.status, pa.status_since AS "statusSince", pa.region_code AS "regionCode",
         v.name AS "villageName", v.kind AS "villageKind", g.name AS "regencyName", pay.name AS "payerName"
  FROM participant pa
  JOIN person p ON p.id = pa.person_id
  JOIN region v ON v.code = pa.region_code
  JOIN region g ON g.code = pa.regency_code
  JOIN payer pay ON pay.id = pa.payer_id`;

/** One participant's card data, if the participant lies inside the caller's scopes. */
export async function findCardInScope(
  q: Queryable,
  kpj: string,
  scopes: readonly string[],
): Promise<CardRow | null> {
  const r = await q.query<CardRow>(
    `${SELECT_CARD} WHERE pa.kpj = $1 AND region_in_scope(pa.region_code, $2::text[])`,
    [kpj, scopes],
  );
  return r.rows[0] ?? null;
}

/** Card data of one participant by id (the caller has already decided it may see it). */
export async function findCardById(q: Queryable, participantId: number): Promise<CardRow | null> {
  const r = await q.query<CardRow>(`${SELECT_CARD} WHERE pa.id = $1`, [participantId]);
  return r.rows[0] ?? null;
}

/** Card data of every active participant of one village, in print order (name, then KPJ). */
export async function listActiveVillageCards(q: Queryable, villageCode: string): Promise<CardRow[]> {
  const r = await q.query<CardRow>(
    `${SELECT_CARD} WHERE pa.region_code = $1 AND pa.status = 'active' ORDER BY p.full_name, pa.kpj`,
    [villageCode],
  );
  return r.rows;
}

export interface VerificationRow {
  kpj: string;
  fullName: string;
  status: string;
  programs: string[];
  /** The latest date the participant became active; null if never. */
  coverageStart: string | null;
}

/** The public facts of a membership, for a KPJ whose check digit is right; else null. */
export async function findVerification(q: Queryable, kpj: string): Promise<VerificationRow | null> {
  const r = await q.query<VerificationRow>(
    `SELECT pa.kpj, p.full_name AS "fullName", pa.status, pa.programs,
            CASE WHEN pa.status = 'active' THEN pa.status_since
                 ELSE (SELECT max(s.effective_date) FROM participant_status s
                       WHERE s.participant_id = pa.id AND s.status = 'active') END AS "coverageStart"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.kpj = $1 AND kpj_valid($1)`,
    [kpj],
  );
  return r.rows[0] ?? null;
}
