// The writes of the claim aggregate. insertClaim files a claim with its first event; after that
// transitionClaims is the one writer of a claim's status, and writes every change's event with it.
import type { Queryable } from './types.ts';

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

/** Inserts the claim with the next KLM/<regency digits>/<year>/<serial> number, and its filing event. */
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
  const claim = r.rows[0]!;
  await insertEvents(
    q,
    [
      {
        claimId: claim.id,
        action: c.status === 'rejected' ? 'reject' : 'file',
        fromStatus: null,
        to: c.status,
        reasonCode: c.refusalCode,
        rulesVersion: c.rulesVersion,
        explanation: c.explanation,
      },
    ],
    { actor: c.filedBy, at: c.at },
  );
  return claim;
}

export type ClaimAction =
  | 'file'
  | 'document'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'appeal'
  | 'batch'
  | 'pay'
  | 'fail'
  | 'return';

/** The statuses a claim can have (the CHECK on claim.status). */
export type ClaimStatus = 'filed' | 'submitted' | 'approved' | 'rejected' | 'appealed' | 'batched' | 'paid';

/** A claim moving to another status (or staying, for a document), as its claim_event records it. */
export interface ClaimTransition {
  claimId: number;
  action: ClaimAction;
  to: ClaimStatus;
  note?: string | null;
  /** The event's amount: the benefit decided, or the amount batched or paid. */
  amountRp?: number | null;
  /**
   * A decision (submit, approve, reject, appeal) also records on the claim its refusal code (null
   * clears it) and, when given, the amount, the rules version and the explanation.
   */
  decision?: { refusalCode: string | null; rulesVersion?: string | null; explanation?: unknown };
}

interface EventRow extends Omit<ClaimTransition, 'decision'> {
  /** The status before; read from the claim when undefined. */
  fromStatus?: string | null;
  reasonCode?: string | null;
  rulesVersion?: string | null;
  explanation?: unknown;
}

type By = { actor: string; at: string };

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/**
 * Appends the events, set-based; from_status is the claim's status as it is now unless given. An
 * event's period (claim_event's partition key, 0036) is the office month of its time.
 */
async function insertEvents(q: Queryable, events: readonly EventRow[], by: By) {
  await q.query(
    `INSERT INTO claim_event (claim_id, regency_code, action, from_status, to_status, reason_code, note, amount_rp,
       rules_version, explanation, actor, at, period)
     SELECT c.id, c.regency_code, s.action, CASE WHEN s.from_given THEN s.from_status ELSE c.status END, s.to_status,
            s.reason_code, s.note, s.amount_rp, s.rules_version, s.explanation::jsonb, $11, $12, office_period($12::timestamptz)
     FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
                 $9::text[], $10::text[])
       AS s (claim_id, action, from_given, from_status, to_status, reason_code, note, amount_rp, rules_version, explanation)
     JOIN claim c ON c.id = s.claim_id`,
    [
      events.map((e) => e.claimId),
      events.map((e) => e.action),
      events.map((e) => e.fromStatus !== undefined),
      events.map((e) => e.fromStatus ?? null),
      events.map((e) => e.to),
      events.map((e) => e.reasonCode ?? null),
      events.map((e) => e.note ?? null),
      events.map((e) => e.amountRp ?? null),
      events.map((e) => e.rulesVersion ?? null),
      events.map((e) => json(e.explanation)),
      by.actor,
      by.at,
    ],
  );
}

/**
 * The one writer of claim status: moves each claim to its new status and appends the event
 * (from the status it had) in the caller's transaction, set-based, so a payout batch or a bank
 * file moves thousands of claims in two statements. The caller has locked the claims and checked
 * that each move is allowed.
 */
export async function transitionClaims(
  q: Queryable,
  steps: readonly ClaimTransition[],
  by: By,
): Promise<void> {
  if (!steps.length) return;
  await insertEvents(
    q,
    steps.map(({ decision, ...s }) =>
      decision
        ? {
            ...s,
            reasonCode: decision.refusalCode,
            rulesVersion: decision.rulesVersion,
            explanation: decision.explanation,
          }
        : s,
    ),
    by,
  );
  await q.query(
    `UPDATE claim c SET status = s.to_status,
       refusal_code = CASE WHEN s.decision THEN s.refusal_code ELSE c.refusal_code END,
       amount_rp = CASE WHEN s.decision THEN coalesce(s.amount_rp, c.amount_rp) ELSE c.amount_rp END,
       rules_version = CASE WHEN s.decision THEN coalesce(s.rules_version, c.rules_version) ELSE c.rules_version END,
       explanation = CASE WHEN s.decision THEN coalesce(s.explanation::jsonb, c.explanation) ELSE c.explanation END,
       updated_at = $8
     FROM unnest($1::bigint[], $2::text[], $3::boolean[], $4::text[], $5::bigint[], $6::text[], $7::text[])
       AS s (claim_id, to_status, decision, refusal_code, amount_rp, rules_version, explanation)
     WHERE c.id = s.claim_id`,
    [
      steps.map((s) => s.claimId),
      steps.map((s) => s.to),
      steps.map((s) => s.decision !== undefined),
      steps.map((s) => s.decision?.refusalCode ?? null),
      steps.map((s) => s.amountRp ?? null),
      steps.map((s) => s.decision?.rulesVersion ?? null),
      steps.map((s) => json(s.decision?.explanation)),
      by.at,
    ],
  );
}

/** A document added to a claim: an event that leaves its status as it is. */
export async function recordDocumentEvent(
  q: Queryable,
  e: { claimId: number; status: ClaimStatus; note: string },
  by: By,
): Promise<void> {
  await insertEvents(
    q,
    [{ claimId: e.claimId, action: 'document', fromStatus: e.status, to: e.status, note: e.note }],
    by,
  );
}

/** Documents complete: the SLA clock starts. */
export async function markDocumentsComplete(q: Queryable, claimId: number, at: string, slaDueAt: string) {
  await q.query(
    `UPDATE claim SET documents_complete_at = $2, sla_due_at = $3, updated_at = $2 WHERE id = $1`,
    [claimId, at, slaDueAt],
  );
}
