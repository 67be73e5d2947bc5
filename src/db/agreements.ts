import type { Queryable } from './types.ts';

export interface Signatory {
  name: string;
  position: string;
  office: string;
  party: 'regency' | 'branch';
}

export interface AgreementRow {
  id: number;
  number: string;
  title: string;
  regencyCode: string;
  regencyName: string;
  officeCode: string;
  signedOn: string;
  validFrom: string;
  validTo: string;
  signatories: Signatory[];
  legalBasis: string[];
  createdAt: string;
  createdBy: string;
}

const SELECT_AGREEMENT = `SELECT g.id, g.number, g.title, g.regency_code AS "regencyCode", r.name AS "regencyName",
  g.office_code AS "officeCode", g.signed_on AS "signedOn", g.valid_from AS "validFrom", g.valid_to AS "validTo",
  g.signatories, g.legal_basis AS "legalBasis", g.created_at AS "createdAt", g.created_by AS "createdBy"
  FROM agreement g JOIN region r ON r.code = g.regency_code`;

export async function insertAgreement(
  q: Queryable,
  a: Omit<AgreementRow, 'id' | 'regencyName'>,
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO agreement (number, title, regency_code, office_code, signed_on, valid_from, valid_to, signatories,
       legal_basis, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::text[], $10, $11) RETURNING id`,
    [
      a.number,
      a.title,
      a.regencyCode,
      a.officeCode,
      a.signedOn,
      a.validFrom,
      a.validTo,
      JSON.stringify(a.signatories),
      a.legalBasis,
      a.createdAt,
      a.createdBy,
    ],
  );
  return r.rows[0]!.id;
}

/** An agreement whose regency lies in the caller's scope (otherwise null: the caller answers 404). */
export async function findAgreementInScope(q: Queryable, id: number, scopes: readonly string[]) {
  const r = await q.query<AgreementRow>(
    `${SELECT_AGREEMENT} WHERE g.id = $1 AND region_in_scope(g.regency_code, $2::text[])`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

export async function listAgreementsInScope(
  q: Queryable,
  scopes: readonly string[],
  regencyCode: string | null,
) {
  const r = await q.query<AgreementRow>(
    `${SELECT_AGREEMENT} WHERE region_in_scope(g.regency_code, $1::text[]) AND ($2::text IS NULL OR g.regency_code = $2)
     ORDER BY g.valid_from DESC, g.id DESC`,
    [scopes, regencyCode],
  );
  return r.rows;
}

/** The branch offices serving a regency (the agreement's other party). */
export async function branchesServing(q: Queryable, regencyCode: string) {
  const r = await q.query<{ code: string }>(
    `SELECT o.code FROM office o JOIN office_region x ON x.office_code = o.code
     WHERE x.region_code = $1 AND o.level = 'branch' ORDER BY o.code`,
    [regencyCode],
  );
  return r.rows.map((row) => row.code);
}

export async function findRegion(q: Queryable, code: string) {
  const r = await q.query<{ code: string; level: string; name: string; regencyCode: string | null }>(
    `SELECT code, level, name, regency_code AS "regencyCode" FROM region WHERE code = $1`,
    [code],
  );
  return r.rows[0] ?? null;
}

/**
 * The payer of a funding party, created when missing. Regency and village payers are unique per
 * region (named like activation names them); a CSR donor is found by name within the regency.
 */
export async function ensurePayer(
  q: Queryable,
  p: { kind: 'regency' | 'village' | 'csr'; regionCode: string; name: string | null; at: string },
): Promise<number> {
  if (p.kind === 'csr') {
    const found = await q.query<{ id: number }>(
      `SELECT id FROM payer WHERE kind = 'csr' AND region_code = $1 AND lower(name) = lower($2) ORDER BY id LIMIT 1`,
      [p.regionCode, p.name],
    );
    if (found.rows[0]) return found.rows[0].id;
    const r = await q.query<{ id: number }>(
      `INSERT INTO payer (kind, name, region_code, created_at) VALUES ('csr', $1, $2, $3) RETURNING id`,
      [p.name, p.regionCode, p.at],
    );
    return r.rows[0]!.id;
  }
  await q.query(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT $1, CASE $1 WHEN 'village' THEN 'Pemerintah Desa ' || r.name ELSE 'Pemerintah ' || initcap(r.name) END,
            r.code, $3
     FROM region r WHERE r.code = $2
     ON CONFLICT (kind, region_code) WHERE kind IN ('regency', 'village') DO NOTHING`,
    [p.kind, p.regionCode, p.at],
  );
  const r = await q.query<{ id: number }>(`SELECT id FROM payer WHERE kind = $1 AND region_code = $2`, [
    p.kind,
    p.regionCode,
  ]);
  return r.rows[0]!.id;
}

export interface AllocationRow {
  id: number;
  agreementId: number;
  payerId: number;
  payerName: string;
  payerKind: string;
  payerRegion: string;
  fundingSource: string;
  fiscalYear: number;
  amountRp: number;
  quotaWorkers: number | null;
}

const SELECT_ALLOCATION = `SELECT a.id, a.agreement_id AS "agreementId", a.payer_id AS "payerId", p.name AS "payerName",
  p.kind AS "payerKind", p.region_code AS "payerRegion", a.funding_source AS "fundingSource",
  a.fiscal_year AS "fiscalYear", a.amount_rp AS "amountRp", a.quota_workers AS "quotaWorkers"
  FROM budget_allocation a JOIN payer p ON p.id = a.payer_id`;

export async function insertAllocation(
  q: Queryable,
  a: {
    agreementId: number;
    payerId: number;
    fundingSource: string;
    fiscalYear: number;
    amountRp: number;
    quotaWorkers: number | null;
  },
): Promise<AllocationRow> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO budget_allocation (agreement_id, payer_id, funding_source, fiscal_year, amount_rp, quota_workers)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [a.agreementId, a.payerId, a.fundingSource, a.fiscalYear, a.amountRp, a.quotaWorkers],
  );
  const row = await q.query<AllocationRow>(`${SELECT_ALLOCATION} WHERE a.id = $1`, [r.rows[0]!.id]);
  return row.rows[0]!;
}

export async function allocationsOf(q: Queryable, agreementId: number) {
  const r = await q.query<AllocationRow>(
    `${SELECT_ALLOCATION} WHERE a.agreement_id = $1 ORDER BY a.fiscal_year, p.kind, p.region_code, a.id`,
    [agreementId],
  );
  return r.rows;
}
