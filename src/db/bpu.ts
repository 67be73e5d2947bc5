// BPU mandiri (0028): self-paying informal workers registered one by one or from a file, each with
// a personal payment code; their payments' invoices and the months those cover.
import { monthCoverSql } from './month-cover.ts';
import type { Queryable } from './types.ts';

export interface BpuMember {
  nik: string;
  fullName: string | null;
  birthDate: string | null;
  sex: string | null;
  occupation: string | null;
  address: string | null;
  /** The worker's village (desa/kelurahan): the membership belongs to it. */
  regionCode: string;
  /** The day cover starts: the registration day, or an earlier day for a member carried over. */
  since: string;
  incomeRp: number;
  /** Programme codes, e.g. ['JKK', 'JKM', 'JHT']. */
  programs: readonly string[];
  frequencyMonths: number;
}

/** The id of the collector's payer of this name in this region, if there is one. */
export async function findAgentPayer(q: Queryable, regionCode: string, name: string) {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM payer WHERE kind = 'self' AND region_code = $1 AND name = $2 ORDER BY id LIMIT 1`,
    [regionCode, name],
  );
  return r.rows[0]?.id ?? null;
}

/** The collector's payer (kind 'self', as the branch's Perisai collectives are) by region and name, created when new. */
export async function agentPayer(q: Queryable, a: { name: string; regionCode: string; at: string }) {
  const found = await findAgentPayer(q, a.regionCode, a.name);
  if (found) return found;
  const r = await q.query<{ id: number }>(
    `INSERT INTO payer (kind, name, region_code, created_at) VALUES ('self', $2, $1, $3) RETURNING id`,
    [a.regionCode, a.name, a.at],
  );
  return r.rows[0]!.id;
}

/**
 * One personal payer per member (named after the person), in the members' order: the identity
 * column numbers the rows in the order the ordered SELECT feeds them.
 */
export async function personalPayers(q: Queryable, members: readonly BpuMember[], at: string) {
  const r = await q.query<{ id: number }>(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT 'self', coalesce(p.full_name, t.name), t.region, $4
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t (nik, name, region, ord)
     LEFT JOIN person p ON p.nik = t.nik
     ORDER BY t.ord
     RETURNING id`,
    [members.map((m) => m.nik), members.map((m) => m.fullName), members.map((m) => m.regionCode), at],
  );
  return r.rows.map((x) => Number(x.id)).sort((a, b) => a - b);
}

/**
 * Writes, set-based, the persons that are new (an existing NIK keeps its person), the active BPU
 * participants (SELF) with their KPJ in order of their start, each one's status row and its
 * registration with the payment code '88' + KPJ. payerIds: one per member, in order.
 */
export async function insertBpuMembers(
  q: Queryable,
  a: {
    members: readonly BpuMember[];
    payerIds: readonly number[];
    agentName: string | null;
    registeredOn: string;
    reason: string;
    actor: string;
    at: string;
  },
): Promise<{ id: number; kpj: string; nik: string; paymentCode: string }[]> {
  const m = a.members;
  await q.query(
    `INSERT INTO person (nik, full_name, name_key, birth_date, sex, occupation, address, region_code, created_at)
     SELECT t.nik, t.name, name_key(t.name), t.birth, t.sex, t.job, t.addr, t.region, $8
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS t (nik, name, birth, sex, job, addr, region)
     WHERE t.name IS NOT NULL AND t.birth IS NOT NULL AND t.sex IN ('L', 'P')
     ON CONFLICT (nik) DO NOTHING`,
    [
      m.map((x) => x.nik),
      m.map((x) => x.fullName),
      m.map((x) => x.birthDate),
      m.map((x) => x.sex),
      m.map((x) => x.occupation),
      m.map((x) => x.address),
      m.map((x) => x.regionCode),
      a.at,
    ],
  );
  const r = await q.query<{ id: number; kpj: string; nik: string; paymentCode: string }>(
    `WITH pa AS (
       INSERT INTO participant (kpj, person_id, segment, programs, funding_source, payer_id, region_code, regency_code,
         declared_income_rp, status, status_since, created_at)
       SELECT next_kpj(extract(year FROM t.since)::int), p.id, 'BPU', string_to_array(t.programs, ','), 'SELF', t.payer,
              t.region, left(t.region, 5), t.income, 'active', t.since, $8
       FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[], $5::text[], $6::bigint[], $7::int[]) WITH ORDINALITY
         AS t (nik, region, since, income, programs, payer, freq, ord)
       JOIN person p ON p.nik = t.nik
       ORDER BY t.since, t.ord
       RETURNING id, kpj, person_id, regency_code, status_since, payer_id),
     st AS (
       INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
       SELECT id, regency_code, 'active', status_since, $10, $9, $8 FROM pa),
     reg AS (
       INSERT INTO bpu_registration (participant_id, regency_code, payment_code, frequency_months, collection,
         agent_name, registered_on, registered_by, created_at)
       SELECT pa.id, pa.regency_code, '88' || pa.kpj, t.freq, CASE WHEN $11::text IS NULL THEN 'personal' ELSE 'agent' END,
              $11, $12, $9, $8
       FROM pa JOIN person p ON p.id = pa.person_id
       JOIN unnest($1::text[], $7::int[]) AS t (nik, freq) ON t.nik = p.nik
       RETURNING participant_id, payment_code)
     SELECT pa.id, pa.kpj, p.nik, reg.payment_code AS "paymentCode"
     FROM pa JOIN person p ON p.id = pa.person_id JOIN reg ON reg.participant_id = pa.id ORDER BY pa.id`,
    [
      m.map((x) => x.nik),
      m.map((x) => x.regionCode),
      m.map((x) => x.since),
      m.map((x) => x.incomeRp),
      m.map((x) => x.programs.join(',')),
      a.payerIds,
      m.map((x) => x.frequencyMonths),
      a.at,
      a.actor,
      a.reason,
      a.agentName,
      a.registeredOn,
    ],
  );
  return r.rows;
}

export interface BpuRegistrationRow {
  /** The participant's id. */
  id: number;
  kpj: string;
  nik: string;
  fullName: string;
  regionCode: string;
  status: string;
  statusSince: string;
  declaredIncomeRp: number;
  programs: string[];
  payerId: number;
  paymentCode: string;
  frequencyMonths: number;
  collection: 'personal' | 'agent';
  agentName: string | null;
  registeredOn: string;
  /** The iuran months paid in full, oldest first. */
  paidMonths: string[];
}

/** A registration by KPJ or payment code, in scope, with the months its payments cover. */
export async function findBpuInScope(q: Queryable, key: string, scopes: readonly string[]) {
  const r = await q.query<Omit<BpuRegistrationRow, 'paidMonths'>>(
    `SELECT pa.id, pa.kpj, p.nik, p.full_name AS "fullName", pa.region_code AS "regionCode", pa.status,
            pa.status_since AS "statusSince", pa.declared_income_rp AS "declaredIncomeRp", pa.programs,
            pa.payer_id AS "payerId", b.payment_code AS "paymentCode", b.frequency_months AS "frequencyMonths",
            b.collection, b.agent_name AS "agentName", b.registered_on AS "registeredOn"
     FROM bpu_registration b JOIN participant pa ON pa.id = b.participant_id JOIN person p ON p.id = pa.person_id
     WHERE (pa.kpj = $1 OR b.payment_code = $1) AND region_in_scope(pa.region_code, $2::text[])`,
    [key, scopes],
  );
  const row = r.rows[0];
  if (!row) return null;
  const months = await invoicedMonths(q, row.id);
  return { ...row, paidMonths: paidMonths(months) };
}

/** One iuran month on one of a member's invoices, and how much of it is paid (monthCoverSql). */
export interface InvoicedMonth {
  period: string;
  invoiceKind: string;
  amountRp: number;
  coveredRp: number;
  paid: boolean;
}

/**
 * The member's iuran months on every invoice holding their lines, in the order money settles them
 * (due date, invoice, month).
 */
export async function invoicedMonths(q: Queryable, participantId: number) {
  const r = await q.query<InvoicedMonth>(
    `WITH inv AS (
       SELECT i.id, i.kind, i.total_rp, i.due_date,
              coalesce((SELECT sum(x.amount_rp) FROM payment_allocation x WHERE x.invoice_id = i.id), 0) AS paid_rp
       FROM invoice i WHERE i.id IN (SELECT invoice_id FROM invoice_line WHERE participant_id = $1)),
     month AS (${monthCoverSql('l.participant_id = $1')})
     SELECT mo.period, inv.kind AS "invoiceKind", mo.amount_rp::bigint AS "amountRp",
            mo.covered_rp::bigint AS "coveredRp", mo.paid
     FROM month mo JOIN inv ON inv.id = mo.invoice_id
     ORDER BY inv.due_date, inv.id, mo.period`,
    [participantId],
  );
  return r.rows;
}

/** The months paid in full on every invoice holding them (months netting to zero left out), oldest first. */
function paidMonths(months: readonly InvoicedMonth[]): string[] {
  const byPeriod = new Map<string, { amountRp: number; paid: boolean }>();
  for (const m of months) {
    const b = byPeriod.get(m.period) ?? { amountRp: 0, paid: true };
    byPeriod.set(m.period, { amountRp: b.amountRp + m.amountRp, paid: b.paid && m.paid });
  }
  return [...byPeriod]
    .filter(([, b]) => b.paid && b.amountRp > 0)
    .map(([period]) => period)
    .sort();
}

/** Lapsed → active again on the day the money came (a lapsed BPU member restarts by paying). */
export async function resumeBpu(
  q: Queryable,
  a: { participantId: number; regencyCode: string; on: string; reason: string; actor: string; at: string },
) {
  await q.query(
    `INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     VALUES ($1, $2, 'active', $3, $4, $5, $6)`,
    [a.participantId, a.regencyCode, a.on, a.reason, a.actor, a.at],
  );
  await q.query(`UPDATE participant SET status = 'active', status_since = $2 WHERE id = $1`, [
    a.participantId,
    a.on,
  ]);
}

/**
 * For each row of a registration file (by index, in order): whether its village lies inside the
 * upload's region and the caller's scopes, and whether the person already holds an active membership
 * a BPU mandiri cannot stand beside (the rule of 0019, membership_may_hold_both).
 */
export async function bpuFileConflicts(
  q: Queryable,
  a: {
    niks: readonly string[];
    regionCodes: readonly string[];
    programs: readonly string[];
    within: string;
    scopes: readonly string[];
  },
) {
  const r = await q.query<{ villageOk: boolean; covered: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM region g WHERE g.code = t.region AND g.level = 'village'
                      AND (g.code = $4 OR g.code LIKE $4 || '.%') AND region_in_scope(g.code, $5::text[])) AS "villageOk",
            EXISTS (SELECT 1 FROM person p JOIN participant o ON o.person_id = p.id AND o.status = 'active'
                    WHERE p.nik = t.nik
                      AND NOT membership_may_hold_both(o.segment, o.programs, 'BPU', string_to_array(t.programs, ','))) AS covered
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t (nik, region, programs, i)
     ORDER BY t.i`,
    [a.niks, a.regionCodes, a.programs, a.within, a.scopes],
  );
  return r.rows;
}
