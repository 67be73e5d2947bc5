// Pekerja Migran Indonesia (0026): placement agencies (P3MI), the PMI membership with its periods
// of cover, and the premium invoice written at registration.
import { INVOICE_NUMBER, takeInvoiceSerials } from './invoice-numbers.ts';
import { type LedgerLine, postEntry } from './ledger.ts';
import { ensureInvoiceLinePartitions, ensureRegencyPartitions } from './partitions.ts';
import type { Queryable } from './types.ts';

export interface AgencyRow {
  id: number;
  licenseNumber: string;
  name: string;
  payerId: number;
  regionCode: string;
}

/** The agency with this licence number, created (with its payer) when new; its name is kept. */
export async function upsertAgency(
  q: Queryable,
  a: { licenseNumber: string; name: string; regionCode: string; by: string; at: string },
): Promise<AgencyRow & { created: boolean }> {
  const found = await q.query<AgencyRow>(
    `SELECT id, license_number AS "licenseNumber", name, payer_id AS "payerId", region_code AS "regionCode"
     FROM placement_agency WHERE license_number = $1 FOR UPDATE`,
    [a.licenseNumber],
  );
  if (found.rows[0]) return { ...found.rows[0], created: false };
  const r = await q.query<AgencyRow>(
    `WITH pay AS (INSERT INTO payer (kind, name, region_code, created_at) VALUES ('agency', $2, $3, $5) RETURNING id)
     INSERT INTO placement_agency (license_number, name, payer_id, region_code, created_by, created_at)
     SELECT $1, $2, pay.id, $3, $4, $5 FROM pay
     RETURNING id, license_number AS "licenseNumber", name, payer_id AS "payerId", region_code AS "regionCode"`,
    [a.licenseNumber, a.name, a.regionCode, a.by, a.at],
  );
  return { ...r.rows[0]!, created: true };
}

/** A payer for a PMI perseorangan, who pays their own premium. */
export async function insertSelfPayer(q: Queryable, a: { name: string; regionCode: string; at: string }) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO payer (kind, name, region_code, created_at) VALUES ('self', $1, $2, $3) RETURNING id`,
    [a.name, a.regionCode, a.at],
  );
  return r.rows[0]!.id;
}

export async function personName(q: Queryable, nik: string) {
  const r = await q.query<{ fullName: string }>('SELECT full_name AS "fullName" FROM person WHERE nik = $1', [
    nik,
  ]);
  return r.rows[0]?.fullName ?? null;
}

/**
 * The PMI participant (JKK, JKM) with its KPJ, active from registration, and its status history:
 * 'active' on coverFrom and 'ended' the day after coverTo (dated ahead, as a project's end is).
 */
export async function insertPmiParticipant(
  q: Queryable,
  a: {
    nik: string;
    payerId: number;
    regionCode: string;
    coverFrom: string;
    coverTo: string;
    actor: string;
    at: string;
    kpjYear: number;
  },
): Promise<{ id: number; kpj: string }> {
  const r = await q.query<{ id: number; kpj: string }>(
    `WITH pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         status, status_since, created_at)
       SELECT next_kpj($8), p.id, 'PMI', ARRAY['JKK', 'JKM'], 'SELF', $2, $3, left($3, 5), 'active', $4::date, $7
       FROM person p WHERE p.nik = $1
       RETURNING id, kpj, regency_code),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT pa.id, pa.regency_code, s.status, s.on_date, s.reason, $6, $7
       FROM pa CROSS JOIN LATERAL (VALUES
         ('active', $4::date, 'PMI registered: pre-departure cover starts'),
         ('ended', $5::date + 1, 'PMI cover ends after the post-placement period')) AS s (status, on_date, reason))
     SELECT id, kpj FROM pa`,
    [a.nik, a.payerId, a.regionCode, a.coverFrom, a.coverTo, a.actor, a.at, a.kpjYear],
  );
  return r.rows[0]!;
}

export interface PremiumLine {
  program: string;
  payerRole: 'employer' | 'worker' | 'participant';
  amountRp: number;
  basis: string;
  /** The iuran month of the line when it is not the invoice's (a BPU payment covering several months). */
  period?: string;
}

/**
 * A premium invoice (kind 'premium', or 'bpu' for a BPU self-payment (0028); no billing run) of one participant: numbered from the
 * regency's counter like the run's invoices, its lines, and its balanced ledger entry —
 * contribution income per programme against the payer's receivable.
 */
export async function issuePremiumInvoice(
  q: Queryable,
  a: {
    regencyCode: string;
    period: string;
    payerId: number;
    participantId: number;
    dueDate: string;
    lines: readonly PremiumLine[];
    at: string;
    kind?: 'premium' | 'bpu';
  },
): Promise<{ id: number; number: string; totalRp: number }> {
  const totalRp = a.lines.reduce((s, l) => s + l.amountRp, 0);
  const serial = (await takeInvoiceSerials(q, a.regencyCode, 1)) + 1;
  const inv = await q.query<{ id: number; number: string }>(
    `INSERT INTO invoice (number, payer_id, regency_code, period, billing_run_id, kind, issued_at, due_date, total_rp)
     VALUES (${INVOICE_NUMBER('$1::text', '$2::text', '$3::bigint')}, $4, $1, $2, NULL, $8, $5, $6, $7)
     RETURNING id, number`,
    [a.regencyCode, a.period, serial, a.payerId, a.at, a.dueDate, totalRp, a.kind ?? 'premium'],
  );
  const invoice = inv.rows[0]!;
  const periods = a.lines.map((l) => l.period ?? a.period);
  await ensureInvoiceLinePartitions(q, periods);
  await ensureRegencyPartitions(q, periods, a.regencyCode);
  await q.query(
    `INSERT INTO invoice_line (invoice_id, regency_code, participant_id, period, program, payer_role, kind, amount_rp, basis)
     SELECT $1, $2, $3, coalesce(l.period, $4), l.program, l.role, 'contribution', l.amount_rp, l.basis
     FROM unnest($5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[]) AS l (program, role, amount_rp, basis, period)`,
    [
      invoice.id,
      a.regencyCode,
      a.participantId,
      a.period,
      a.lines.map((l) => l.program),
      a.lines.map((l) => l.payerRole),
      a.lines.map((l) => l.amountRp),
      a.lines.map((l) => l.basis),
      a.lines.map((l) => l.period ?? null),
    ],
  );
  const byProgram = new Map<string, number>();
  for (const l of a.lines) byProgram.set(l.program, (byProgram.get(l.program) ?? 0) + l.amountRp);
  const ledger: LedgerLine[] = [
    ...[...byProgram].map(([program, amountRp]) => ({
      account: 'contribution_income' as const,
      program,
      amountRp: -amountRp,
    })),
    { account: 'receivable', payerId: a.payerId, amountRp: totalRp },
  ];
  await postEntry(q, { regencyCode: a.regencyCode, kind: 'invoice', refId: invoice.id, at: a.at }, ledger);
  return { ...invoice, totalRp };
}

/** The placement's agreement, periods and premium, as stored and as read. */
export interface Placement {
  countryCode: string;
  contractStart: string;
  contractMonths: number;
  departureDate: string;
  registeredOn: string;
  placementEnd: string;
  postPlacementEnd: string;
  premiumRp: number;
}

export interface PlacementRow extends Placement {
  /** The participant's id. */
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  regionCode: string;
  status: string;
  kind: 'agency' | 'perseorangan';
  agencyLicense: string | null;
  agencyName: string | null;
  invoiceNumber: string;
  invoiceId: number;
  payerId: number;
}

export async function insertPlacement(
  q: Queryable,
  a: Placement & {
    participantId: number;
    regencyCode: string;
    agencyId: number | null;
    premiumBasis: unknown;
    invoiceId: number;
    by: string;
    at: string;
  },
) {
  await q.query(
    `INSERT INTO pmi_placement (participant_id, regency_code, agency_id, country_code, contract_start, contract_months,
       departure_date, registered_on, placement_end, post_placement_end, premium_rp, premium_basis, invoice_id,
       created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      a.participantId,
      a.regencyCode,
      a.agencyId,
      a.countryCode,
      a.contractStart,
      a.contractMonths,
      a.departureDate,
      a.registeredOn,
      a.placementEnd,
      a.postPlacementEnd,
      a.premiumRp,
      JSON.stringify(a.premiumBasis),
      a.invoiceId,
      a.by,
      a.at,
    ],
  );
}

const SELECT_PLACEMENT = `SELECT pa.id, pa.kpj, p.nik, p.full_name AS "fullName", pa.region_code AS "regionCode", pa.status,
  CASE WHEN pm.agency_id IS NULL THEN 'perseorangan' ELSE 'agency' END AS kind,
  ag.license_number AS "agencyLicense", ag.name AS "agencyName", pm.country_code AS "countryCode",
  pm.contract_start AS "contractStart", pm.contract_months AS "contractMonths", pm.departure_date AS "departureDate",
  pm.registered_on AS "registeredOn", pm.placement_end AS "placementEnd", pm.post_placement_end AS "postPlacementEnd",
  pm.premium_rp AS "premiumRp", i.number AS "invoiceNumber", i.id AS "invoiceId", i.payer_id AS "payerId"
  FROM pmi_placement pm JOIN participant pa ON pa.id = pm.participant_id JOIN person p ON p.id = pa.person_id
  JOIN invoice i ON i.id = pm.invoice_id LEFT JOIN placement_agency ag ON ag.id = pm.agency_id`;

export async function findPlacementInScope(q: Queryable, kpj: string, scopes: readonly string[]) {
  const r = await q.query<PlacementRow>(
    `${SELECT_PLACEMENT} WHERE pa.kpj = $1 AND region_in_scope(pa.region_code, $2::text[])`,
    [kpj, scopes],
  );
  return r.rows[0] ?? null;
}

/** Placements in scope, newest registration first, the participant id as the tiebreaker, after `afterId` (keyset paging). */
export async function listPlacementsInScope(
  q: Queryable,
  f: { scopes: readonly string[]; limit: number; afterId: number | null },
) {
  const r = await q.query<PlacementRow & { total: number }>(
    `SELECT y.* FROM (SELECT x.*, count(*) OVER ()::int AS total FROM (${SELECT_PLACEMENT}
       WHERE region_in_scope(pa.region_code, $1::text[])) x) y
     WHERE $3::bigint IS NULL
        OR (y."registeredOn", y.id) < (SELECT registered_on, participant_id FROM pmi_placement WHERE participant_id = $3)
     ORDER BY y."registeredOn" DESC, y.id DESC LIMIT $2`,
    [f.scopes, f.limit, f.afterId],
  );
  return { total: r.rows[0]?.total ?? 0, rows: r.rows.map(({ total: _, ...row }) => row) };
}
