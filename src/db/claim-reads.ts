// Reading claims in the caller's scope: one claim (locked for a decision), the queue, the events.
import type { ClaimStatus } from './claims.ts';
import type { Queryable } from './types.ts';

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
  status: ClaimStatus;
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
  /** The last claim of the previous page (keyset paging); null for the first page. */
  afterId?: number | null;
}

type ClaimScope = { scopes: string[] | null; participantId: number | null; now: string };

// The claims a filter finds in scope. Overdue = still open past the SLA due instant.
const CLAIMS_WHERE = `($1::text[] IS NULL OR region_in_scope(pa.region_code, $1::text[]))
       AND ($2::bigint IS NULL OR c.participant_id = $2)
       AND ($3::text IS NULL OR c.status = $3) AND ($4::text IS NULL OR c.program = $4)
       AND ($5::boolean IS NULL OR coalesce(c.status IN ('filed', 'submitted', 'appealed') AND c.sla_due_at < $6::timestamptz, false) = $5)`;

function claimFilterParams(a: Omit<ClaimFilter, 'limit' | 'afterId'> & ClaimScope) {
  return [a.scopes, a.participantId, a.status ?? null, a.program ?? null, a.overdue ?? null, a.now];
}

/** How many claims the filter finds in scope, every page together (the queue's total, the home's counts). */
export async function countClaims(q: Queryable, a: Omit<ClaimFilter, 'limit' | 'afterId'> & ClaimScope) {
  const r = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM claim c JOIN participant pa ON pa.id = c.participant_id WHERE ${CLAIMS_WHERE}`,
    claimFilterParams(a),
  );
  return r.rows[0]?.n ?? 0;
}

/**
 * A page of the queue: claims in scope, oldest due first, id as the unique tiebreaker, after the
 * claim `afterId`; `total` counts every page. Overdue = still open past the SLA due instant.
 */
export async function queryClaims(q: Queryable, a: ClaimFilter & ClaimScope) {
  const params = claimFilterParams(a);
  const total = await countClaims(q, a);
  // After the cursor claim k in (sla_due_at NULLS LAST, id) order: a later due instant, the same
  // one with a higher id, or no due instant at all (those come last, by id).
  const rows = await q.query<ClaimRow>(
    `SELECT ${CLAIM_COLUMNS}
     FROM claim c JOIN participant pa ON pa.id = c.participant_id JOIN person p ON p.id = c.person_id
     WHERE ${CLAIMS_WHERE}
       AND ($8::bigint IS NULL OR EXISTS (
             SELECT 1 FROM claim k WHERE k.id = $8
               AND CASE WHEN k.sla_due_at IS NULL THEN c.sla_due_at IS NULL AND c.id > k.id
                        ELSE c.sla_due_at IS NULL OR (c.sla_due_at, c.id) > (k.sla_due_at, k.id) END))
     ORDER BY c.sla_due_at NULLS LAST, c.id LIMIT $7`,
    [...params, a.limit, a.afterId ?? null],
  );
  return { total, rows: rows.rows };
}
/** Who last took one of these actions on the claim (maker/checker). */
export async function lastClaimActor(q: Queryable, claimId: number, actions: readonly string[]) {
  const r = await q.query<{ actor: string }>(
    `SELECT actor FROM claim_event WHERE claim_id = $1 AND action = ANY($2::text[]) ORDER BY at DESC, id DESC LIMIT 1`,
    [claimId, actions],
  );
  return r.rows[0]?.actor ?? null;
}

/** A type, not an interface: it is returned where an open record is expected. */
export type ClaimEventRow = {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reasonCode: string | null;
  note: string | null;
  amountRp: number | null;
  rulesVersion: string | null;
  actor: string;
  at: string;
};

export async function claimEvents(q: Queryable, claimId: number) {
  const r = await q.query<ClaimEventRow>(
    `SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", reason_code AS "reasonCode", note,
            amount_rp AS "amountRp", rules_version AS "rulesVersion", actor, at
     FROM claim_event WHERE claim_id = $1 ORDER BY at, id`,
    [claimId],
  );
  return r.rows;
}
