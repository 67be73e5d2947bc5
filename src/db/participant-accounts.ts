// Participant self-service accounts: the one-time activation codes printed on the card letter
// (only their hash is stored) and the participant's app_user row they lead to.
import type { Queryable } from './types.ts';

export interface ParticipantForCode {
  id: number;
  kpj: string;
  fullName: string;
  status: string;
  regionCode: string;
  regencyCode: string;
}

/** A participant inside the caller's scopes (null outside, which the caller answers with 404). */
export async function findParticipantInScope(
  q: Queryable,
  participantId: number,
  scopes: readonly string[],
): Promise<ParticipantForCode | null> {
  const r = await q.query<ParticipantForCode>(
    `SELECT pa.id, pa.kpj, p.full_name AS "fullName", pa.status, pa.region_code AS "regionCode",
            pa.regency_code AS "regencyCode"
     FROM participant pa JOIN person p ON p.id = pa.person_id
     WHERE pa.id = $1 AND region_in_scope(pa.region_code, $2::text[])`,
    [participantId, scopes],
  );
  return r.rows[0] ?? null;
}

/** The id of the participant's account (username = KPJ), if one was created. */
export async function findParticipantUserId(q: Queryable, kpj: string): Promise<number | undefined> {
  const r = await q.query<{ id: number }>(
    `SELECT id FROM app_user WHERE scope_type = 'participant' AND scope_code = $1`,
    [kpj],
  );
  return r.rows[0]?.id;
}

/** Revokes the participant's live code (unused, not yet revoked), if any. */
export async function revokeLiveCodes(q: Queryable, participantId: number, at: string): Promise<void> {
  await q.query(
    `UPDATE participant_activation_code SET revoked_at = $2
     WHERE participant_id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
    [participantId, at],
  );
}

export async function insertActivationCode(
  q: Queryable,
  c: {
    participantId: number;
    userId: number;
    regencyCode: string;
    codeHash: string;
    at: string;
    by: string;
    expiresAt: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO participant_activation_code
       (participant_id, user_id, regency_code, code_hash, created_at, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c.participantId, c.userId, c.regencyCode, c.codeHash, c.at, c.by, c.expiresAt],
  );
}

export interface LiveCode {
  id: number;
  participantId: number;
  userId: number;
  regionCode: string;
  codeHash: string;
  failedAttempts: number;
}

/** The KPJ's live code at `now`: unused, not revoked, not expired. */
export async function findLiveCode(q: Queryable, kpj: string, now: string): Promise<LiveCode | null> {
  const r = await q.query<LiveCode>(
    `SELECT c.id, c.participant_id AS "participantId", c.user_id AS "userId", pa.region_code AS "regionCode",
            c.code_hash AS "codeHash", c.failed_attempts AS "failedAttempts"
     FROM participant_activation_code c JOIN participant pa ON pa.id = c.participant_id
     WHERE pa.kpj = $1 AND c.used_at IS NULL AND c.revoked_at IS NULL AND c.expires_at > $2`,
    [kpj, now],
  );
  return r.rows[0] ?? null;
}

/** Counts a wrong try against a live code, and revokes it at the maxTries-th. */
export async function countFailedTry(q: Queryable, codeId: number, maxTries: number, now: string) {
  await q.query(
    `UPDATE participant_activation_code SET failed_attempts = failed_attempts + 1,
       revoked_at = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz END
     WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL`,
    [codeId, maxTries, now],
  );
}

/** Marks a live code used; false when it was no longer live. */
export async function markCodeUsed(q: Queryable, codeId: number, now: string): Promise<boolean> {
  // Only one of two racing requests with the same code gets the row.
  const used = await q.query(
    `UPDATE participant_activation_code SET used_at = $2
     WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
    [codeId, now],
  );
  return used.rowCount > 0;
}
