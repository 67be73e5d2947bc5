// An applied exit (0017): the membership_change row of an end that nobody proposes — a paid
// claim, an employer's leave in the wage report, a PU registration taking over a BPU, a budget
// year not renewed. Every end is the same event (docs/membership.md), so they write it with one
// INSERT; each end keeps its own participant update and status row in the same statement.

/** Who applied the exits and when, as SQL expressions of the caller's statement (`$6`, `$7`). */
export interface AppliedBy {
  actor: string;
  at: string;
}

/**
 * The INSERT … SELECT of applied exits, to end a caller's WITH chain (append RETURNING if needed).
 * `source` is a SELECT yielding one row per ended membership with the columns participant_id,
 * regency_code, region_code, reason (0017's list), effective_date, note, status_before and
 * claim_id (`NULL::bigint` when no claim ended it). The region stays: an exit is not a move.
 */
export function appliedExitsSql(source: string, by: AppliedBy): string {
  return `INSERT INTO membership_change (participant_id, regency_code, kind, reason, effective_date, note, state,
       status_before, status_after, region_before, region_after, claim_id, proposed_by, proposed_at, decided_by, decided_at)
     SELECT x.participant_id, x.regency_code, 'exit', x.reason, x.effective_date, x.note, 'applied',
            x.status_before, 'ended', x.region_code, x.region_code, x.claim_id, ${by.actor}, ${by.at}, ${by.actor}, ${by.at}
     FROM (${source}) AS x`;
}
