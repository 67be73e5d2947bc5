// SQL of the claim aggregate: the participant a claim is for, the claim row and its events.
import type { Queryable } from '../../db/types.ts';

export interface ClaimParticipant {
  id: number;
  kpj: string;
  personId: number;
  nik: string;
  fullName: string;
  birthDate: string;
  segment: string;
  programs: string[];
  status: string;
  regionCode: string;
  regencyCode: string;
  officeCode: string | null;
  /** Last reported wage (PU: employment) or declared income (BPU); null when neither is known. */
  wageRp: number | null;
}

/** The participant by KPJ or id, only when the region lies in the caller's scopes. */
export async function findClaimParticipant(
  q: Queryable,
  a: { kpj?: string; participantId?: number; scopes: string[] | null },
): Promise<ClaimParticipant | null> {
  const r = await q.query<ClaimParticipant>(
    `SELECT pa.id, pa.kpj, pa.person_id AS "personId", p.nik, p.full_name AS "fullName",
            p.birth_date::text AS "birthDate", pa.segment, pa.programs, pa.status,
            pa.region_code AS "regionCode", pa.regency_code AS "regencyCode",
            (SELECT o.office_code FROM office_region o JOIN office f ON f.code = o.office_code AND f.level = 'branch'
             WHERE o.region_code = pa.regency_code ORDER BY o.office_code LIMIT 1) AS "officeCode",
            coalesce(e.wage_rp, pa.declared_income_rp) AS "wageRp"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     LEFT JOIN employment e ON e.participant_id = pa.id
     WHERE ($1::text IS NULL OR pa.kpj = $1) AND ($2::bigint IS NULL OR pa.id = $2)
       AND ($3::text[] IS NULL OR region_in_scope(pa.region_code, $3::text[]))`,
    [a.kpj ?? null, a.participantId ?? null, a.scopes],
  );
  return r.rows[0] ?? null;
}

/** Claims of the same person that are not rejected, for the duplicate and once-only checks. */
export async function openClaimsOfPerson(q: Queryable, personId: number) {
  const r = await q.query<{
    id: number;
    number: string;
    participantId: number;
    program: string;
    kind: string;
  }>(
    `SELECT id, number, participant_id AS "participantId", program, kind FROM claim
     WHERE person_id = $1 AND status <> 'rejected' ORDER BY id`,
    [personId],
  );
  return r.rows;
}

export interface NewClaim {
  participantId: number;
  personId: number;
  regencyCode: string;
  officeCode: string;
  program: string;
  kind: string;
  eventDate: string;
  eventDetail: Record<string, unknown>;
  claimantRelation: string;
  claimantName: string;
  claimantNik: string;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  channel: string;
  status: 'filed' | 'rejected';
  refusalCode: string | null;
  explanation: unknown;
  rulesVersion: string;
  filedBy: string;
  at: string;
}

/** Inserts the claim with the next KLM/<regency digits>/<year>/<serial> number. */
export async function insertClaim(q: Queryable, c: NewClaim): Promise<{ id: number; number: string }> {
  const r = await q.query<{ id: number; number: string }>(
    `INSERT INTO claim (number, participant_id, person_id, regency_code, office_code, program, kind, event_date,
       event_detail, claimant_relation, claimant_name, claimant_nik, bank_code, bank_account, account_holder,
       channel, status, refusal_code, rules_version, explanation, filed_by, filed_at, updated_at)
     VALUES ('KLM/' || replace($3, '.', '') || '/' || to_char(($21::timestamptz AT TIME ZONE 'Asia/Makassar'), 'YYYY')
               || '/' || lpad(nextval('claim_serial')::text, 6, '0'),
             $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21)
     RETURNING id, number`,
    [
      c.participantId,
      c.personId,
      c.regencyCode,
      c.officeCode,
      c.program,
      c.kind,
      c.eventDate,
      JSON.stringify(c.eventDetail),
      c.claimantRelation,
      c.claimantName,
      c.claimantNik,
      c.bankCode,
      c.bankAccount,
      c.accountHolder,
      c.channel,
      c.status,
      c.refusalCode,
      c.rulesVersion,
      JSON.stringify(c.explanation),
      c.filedBy,
      c.at,
    ],
  );
  return r.rows[0]!;
}

export interface ClaimEvent {
  claimId: number;
  regencyCode: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reasonCode?: string | null;
  note?: string | null;
  amountRp?: number | null;
  rulesVersion?: string | null;
  explanation?: unknown;
  actor: string;
  at: string;
}

export async function insertClaimEvent(q: Queryable, e: ClaimEvent): Promise<void> {
  await q.query(
    `INSERT INTO claim_event (claim_id, regency_code, action, from_status, to_status, reason_code, note, amount_rp,
       rules_version, explanation, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      e.claimId,
      e.regencyCode,
      e.action,
      e.fromStatus,
      e.toStatus,
      e.reasonCode ?? null,
      e.note ?? null,
      e.amountRp ?? null,
      e.rulesVersion ?? null,
      e.explanation === undefined ? null : JSON.stringify(e.explanation),
      e.actor,
      e.at,
    ],
  );
}

export interface ClaimRow {
  id: number;
  number: string;
  participantId: number;
  personId: number;
  kpj: string;
  participantName: string;
  regencyCode: string;
  regionCode: string;
  officeCode: string;
  program: string;
  kind: string;
  eventDate: string;
  eventDetail: Record<string, unknown>;
  claimantRelation: string;
  claimantName: string;
  claimantNik: string;
  bankCode: string;
  bankAccount: string;
  accountHolder: string;
  channel: string;
  status: string;
  refusalCode: string | null;
  amountRp: number | null;
  rulesVersion: string | null;
  explanation: Record<string, unknown> | null;
  documentsCompleteAt: string | null;
  slaDueAt: string | null;
  filedBy: string;
  filedAt: string;
  updatedAt: string;
}

const CLAIM_COLUMNS = `c.id, c.number, c.participant_id AS "participantId", c.person_id AS "personId", pa.kpj,
  p.full_name AS "participantName", c.regency_code AS "regencyCode", pa.region_code AS "regionCode",
  c.office_code AS "officeCode", c.program, c.kind, c.event_date::text AS "eventDate", c.event_detail AS "eventDetail",
  c.claimant_relation AS "claimantRelation", c.claimant_name AS "claimantName", c.claimant_nik AS "claimantNik",
  c.bank_code AS "bankCode", c.bank_account AS "bankAccount", c.account_holder AS "accountHolder", c.channel,
  c.status, c.refusal_code AS "refusalCode", c.amount_rp AS "amountRp", c.rules_version AS "rulesVersion",
  c.explanation, c.documents_complete_at AS "documentsCompleteAt", c.sla_due_at AS "slaDueAt",
  c.filed_by AS "filedBy", c.filed_at AS "filedAt", c.updated_at AS "updatedAt"`;

/**
 * One claim, when in scope: by region for officers (scopes), or the participant's own (participantId).
 * forUpdate locks the row so two checkers cannot decide the same claim at once.
 */
export async function loadClaim(
  q: Queryable,
  id: number,
  a: { scopes: string[] | null; participantId: number | null; forUpdate?: boolean },
): Promise<ClaimRow | null> {
  const r = await q.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS}
     FROM claim c JOIN participant pa ON pa.id = c.participant_id JOIN person p ON p.id = c.person_id
     WHERE c.id = $1 AND ($2::text[] IS NULL OR region_in_scope(pa.region_code, $2::text[]))
       AND ($3::bigint IS NULL OR c.participant_id = $3)
     ${a.forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [id, a.scopes, a.participantId],
  );
  return r.rows[0] ?? null;
}

export interface ClaimFilter {
  status?: string;
  program?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** The queue: claims in scope, oldest due first; overdue = still open past the SLA due instant. */
export async function queryClaims(
  q: Queryable,
  a: ClaimFilter & { scopes: string[] | null; participantId: number | null; now: string },
) {
  const where = `($1::text[] IS NULL OR region_in_scope(pa.region_code, $1::text[]))
       AND ($2::bigint IS NULL OR c.participant_id = $2)
       AND ($3::text IS NULL OR c.status = $3) AND ($4::text IS NULL OR c.program = $4)
       AND ($5::boolean IS NULL OR coalesce(c.status IN ('filed', 'submitted', 'appealed') AND c.sla_due_at < $6::timestamptz, false) = $5)`;
  const params = [a.scopes, a.participantId, a.status ?? null, a.program ?? null, a.overdue ?? null, a.now];
  const total = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM claim c JOIN participant pa ON pa.id = c.participant_id WHERE ${where}`,
    params,
  );
  const rows = await q.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS}
     FROM claim c JOIN participant pa ON pa.id = c.participant_id JOIN person p ON p.id = c.person_id
     WHERE ${where}
     ORDER BY c.sla_due_at NULLS LAST, c.id LIMIT $7 OFFSET $8`,
    [...params, a.limit, a.offset],
  );
  return { total: total.rows[0]?.n ?? 0, rows: rows.rows };
}
