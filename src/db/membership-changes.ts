// Membership changes (0017): ends and moves with reason, date and who; proposals of the village
// operator verified by the district and applied by the branch. The ends paid claims write by
// themselves are in membership-claim-ends.ts.
import type { Queryable } from './types.ts';

export interface MembershipChangeRow {
  id: number;
  participantId: number;
  kpj: string;
  regencyCode: string;
  kind: 'exit' | 'move';
  reason: string;
  effectiveDate: string;
  note: string;
  state: 'proposed' | 'verified' | 'applied' | 'rejected';
  statusBefore: string;
  statusAfter: string;
  regionBefore: string;
  regionAfter: string;
  claimId: number | null;
  proposedBy: string;
  proposedAt: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
}

const SELECT_CHANGE = `SELECT c.id, c.participant_id AS "participantId", pa.kpj, c.regency_code AS "regencyCode", c.kind,
  c.reason, c.effective_date AS "effectiveDate", c.note, c.state, c.status_before AS "statusBefore",
  c.status_after AS "statusAfter", c.region_before AS "regionBefore", c.region_after AS "regionAfter",
  c.claim_id AS "claimId", c.proposed_by AS "proposedBy", c.proposed_at AS "proposedAt", c.verified_by AS "verifiedBy",
  c.verified_at AS "verifiedAt", c.decided_by AS "decidedBy", c.decided_at AS "decidedAt", c.reject_reason AS "rejectReason"
  FROM membership_change c JOIN participant pa ON pa.id = c.participant_id`;

/** The change if its sending or receiving village lies in scope (else null: 404); lock for writers. */
export async function findChangeInScope(q: Queryable, id: number, scopes: readonly string[], lock = false) {
  const r = await q.query<MembershipChangeRow>(
    `${SELECT_CHANGE} WHERE c.id = $1
       AND (region_in_scope(c.region_before, $2::text[]) OR region_in_scope(c.region_after, $2::text[]))
     ${lock ? 'FOR UPDATE OF c' : ''}`,
    [id, scopes],
  );
  return r.rows[0] ?? null;
}

export async function listChangesInScope(
  q: Queryable,
  f: { scopes: readonly string[]; state: string | null; limit: number },
) {
  const r = await q.query<MembershipChangeRow>(
    `${SELECT_CHANGE}
     WHERE (region_in_scope(c.region_before, $1::text[]) OR region_in_scope(c.region_after, $1::text[]))
       AND ($2::text IS NULL OR c.state = $2)
     ORDER BY c.id DESC LIMIT $3`,
    [f.scopes, f.state, f.limit],
  );
  return r.rows;
}

/** A membership a change may be proposed for, by KPJ, inside the scopes (else null). */
export async function findMembershipInScope(
  q: Queryable,
  kpj: string,
  scopes: readonly string[],
  lock = false,
) {
  const r = await q.query<{
    id: number;
    kpj: string;
    status: string;
    statusSince: string;
    regionCode: string;
    regencyCode: string;
    segment: string;
  }>(
    `SELECT pa.id, pa.kpj, pa.status, pa.status_since AS "statusSince", pa.region_code AS "regionCode",
            pa.regency_code AS "regencyCode", pa.segment
     FROM participant pa WHERE pa.kpj = $1 AND region_in_scope(pa.region_code, $2::text[])
     ${lock ? 'FOR UPDATE' : ''}`,
    [kpj, scopes],
  );
  return r.rows[0] ?? null;
}

export async function insertProposal(
  q: Queryable,
  p: {
    participantId: number;
    regencyCode: string;
    kind: 'exit' | 'move';
    reason: string;
    effectiveDate: string;
    note: string;
    statusBefore: string;
    regionBefore: string;
    regionAfter: string;
    by: string;
    at: string;
  },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO membership_change (participant_id, regency_code, kind, reason, effective_date, note, state,
       status_before, status_after, region_before, region_after, proposed_by, proposed_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'proposed', $7, CASE WHEN $3 = 'exit' THEN 'ended' ELSE $7 END, $8, $9, $10, $11)
     RETURNING id`,
    [
      p.participantId,
      p.regencyCode,
      p.kind,
      p.reason,
      p.effectiveDate,
      p.note,
      p.statusBefore,
      p.regionBefore,
      p.regionAfter,
      p.by,
      p.at,
    ],
  );
  return r.rows[0]!.id;
}

/** verified (district), applied or rejected (branch/district): who and when. */
export async function setChangeState(
  q: Queryable,
  s: {
    id: number;
    state: 'verified' | 'applied' | 'rejected';
    by: string;
    at: string;
    rejectReason?: string;
  },
) {
  await q.query(
    s.state === 'verified'
      ? `UPDATE membership_change SET state = 'verified', verified_by = $2, verified_at = $3 WHERE id = $1`
      : `UPDATE membership_change SET state = $4, decided_by = $2, decided_at = $3, reject_reason = $5 WHERE id = $1`,
    s.state === 'verified' ? [s.id, s.by, s.at] : [s.id, s.by, s.at, s.state, s.rejectReason ?? null],
  );
}

/** Ends one membership from a date: the participant, its status history (the counts follow). */
export async function endMembership(
  q: Queryable,
  e: { participantId: number; effectiveDate: string; reason: string; actor: string; at: string },
) {
  await q.query(
    `WITH pa AS (
       UPDATE participant SET status = 'ended', status_since = $2::date WHERE id = $1
       RETURNING id, regency_code)
     INSERT INTO participant_status (participant_id, regency_code, status, effective_date, reason, actor, at)
     SELECT id, regency_code, 'ended', $2::date, $3, $4, $5 FROM pa`,
    [e.participantId, e.effectiveDate, e.reason, e.actor, e.at],
  );
}

/**
 * Moves a membership to another village of its regency from a date: the region (and the village
 * payer of a village-paid membership), the person's address region, and the counts — the −1 of
 * the sending village and the +1 of the receiving one in the participant's status on that date.
 */
export async function moveMembership(
  q: Queryable,
  m: { participantId: number; toVillage: string; effectiveDate: string; at: string },
) {
  await q.query(
    `INSERT INTO payer (kind, name, region_code, created_at)
     SELECT 'village', 'Pemerintah Desa ' || v.name, v.code, $3
     FROM participant pa JOIN payer p ON p.id = pa.payer_id AND p.kind = 'village' JOIN region v ON v.code = $2
     WHERE pa.id = $1
     ON CONFLICT (kind, region_code) WHERE kind IN ('regency', 'village') DO NOTHING`,
    [m.participantId, m.toVillage, m.at],
  );
  await q.query(
    `INSERT INTO participant_count_delta AS d (regency_code, effective_date, region_code, segment, funding_source,
       via_village_batch, status, delta)
     SELECT pa.regency_code, $3::date, x.region_code, pa.segment, pa.funding_source, pa.enrolment_batch_id IS NOT NULL,
            pa.status, x.n
     FROM participant pa CROSS JOIN LATERAL (VALUES (pa.region_code, -1), ($2::text, 1)) AS x (region_code, n)
     WHERE pa.id = $1
     ON CONFLICT (regency_code, effective_date, region_code, segment, funding_source, via_village_batch, status)
     DO UPDATE SET delta = d.delta + excluded.delta`,
    [m.participantId, m.toVillage, m.effectiveDate],
  );
  await q.query(
    `WITH pa AS (
       UPDATE participant pa SET region_code = $2,
         payer_id = coalesce((SELECT np.id FROM payer op JOIN payer np ON np.kind = 'village' AND np.region_code = $2
                              WHERE op.id = pa.payer_id AND op.kind = 'village'), pa.payer_id)
       WHERE pa.id = $1 RETURNING pa.person_id)
     UPDATE person SET region_code = $2 FROM pa WHERE person.id = pa.person_id`,
    [m.participantId, m.toVillage],
  );
}

/** The membership's unfinished proposal (proposed or verified), if any. */
export async function findOpenChange(q: Queryable, participantId: number) {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM membership_change WHERE participant_id = $1 AND state IN ('proposed', 'verified')`,
    [participantId],
  );
  return r.rows[0] ?? null;
}

/** Marks a verified change applied, with the status the membership had then and has now. */
export async function markChangeApplied(
  q: Queryable,
  a: { id: number; statusBefore: string; by: string; at: string },
) {
  await q.query(
    `UPDATE membership_change SET state = 'applied', decided_by = $2, decided_at = $3, status_before = $4,
       status_after = CASE WHEN kind = 'exit' THEN 'ended' ELSE $4 END
     WHERE id = $1`,
    [a.id, a.by, a.at, a.statusBefore],
  );
}
