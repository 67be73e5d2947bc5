import type { Queryable } from './types.ts';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: string;
  scopeType: string;
  scopeCode: string | null;
  passwordHash: string;
  disabled: boolean;
}

const SELECT_USER = `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.scope_type AS "scopeType",
  u.scope_code AS "scopeCode", u.password_hash AS "passwordHash", u.disabled FROM app_user u`;

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | null> {
  return (await q.query<UserRow>(`${SELECT_USER} WHERE u.username = $1`, [username])).rows[0] ?? null;
}

export interface SessionUser extends UserRow {
  lastSeenAt: string;
}

/** The user of a live session: not expired, not idle since idleSinceIso, user not disabled. */
export async function findUserBySession(
  q: Queryable,
  tokenHash: string,
  nowIso: string,
  idleSinceIso: string,
) {
  const r = await q.query<SessionUser>(
    `${SELECT_USER.replace(' FROM app_user u', ', s.last_seen_at AS "lastSeenAt" FROM app_user u')}
     JOIN user_session s ON s.user_id = u.id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND NOT u.disabled`,
    [tokenHash, nowIso, idleSinceIso],
  );
  return r.rows[0] ?? null;
}

/** Marks the session used now (for the idle timeout). */
export async function touchSession(q: Queryable, tokenHash: string, nowIso: string): Promise<void> {
  await q.query('UPDATE user_session SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [
    tokenHash,
    nowIso,
  ]);
}

export async function findUserByApiToken(q: Queryable, tokenHash: string, nowIso: string) {
  const r = await q.query<UserRow>(
    `${SELECT_USER} JOIN api_token t ON t.user_id = u.id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, nowIso],
  );
  return r.rows[0] ?? null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  scopeType: string;
  scopeCode: string | null;
  passwordHash: string;
  createdAt: string;
}

export async function insertUser(q: Queryable, u: NewUser): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, role, scope_type, scope_code, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [u.username, u.displayName, u.role, u.scopeType, u.scopeCode, u.passwordHash, u.createdAt],
  );
  return r.rows[0]!.id;
}

/**
 * Counts one attempt against each key in ONE statement, before the password is checked, and
 * returns each key's attempts in its window (a window older than sinceIso starts again at 1).
 * Parallel attempts each see their own count, so no more than the limit can pass.
 */
export async function countAttempts(
  q: Queryable,
  keys: string[],
  nowIso: string,
  sinceIso: string,
): Promise<Map<string, number>> {
  const r = await q.query<{ key: string; attempts: number }>(
    `INSERT INTO login_throttle AS t (key, window_start, attempts)
     SELECT k, $2::timestamptz, 1 FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       attempts = CASE WHEN t.window_start <= $3::timestamptz THEN 1 ELSE t.attempts + 1 END,
       window_start = CASE WHEN t.window_start <= $3::timestamptz THEN $2::timestamptz ELSE t.window_start END
     RETURNING key, attempts`,
    [keys, nowIso, sinceIso],
  );
  return new Map(r.rows.map((row) => [row.key, row.attempts]));
}

/** Takes back one counted attempt (a successful log-in is not a failure of its address). */
export async function uncountAttempt(q: Queryable, key: string): Promise<void> {
  await q.query('UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1', [key]);
}

/** Forgets a key's attempts: a successful log-in, or an admin unlocking the account. */
export async function clearAttempts(q: Queryable, key: string): Promise<boolean> {
  return (await q.query('DELETE FROM login_throttle WHERE key = $1', [key])).rowCount > 0;
}

/** Attempts of a key within the window (0 when none or the window is over). */
export async function attemptsOf(q: Queryable, key: string, sinceIso: string): Promise<number> {
  const r = await q.query<{ attempts: number }>(
    'SELECT attempts FROM login_throttle WHERE key = $1 AND window_start > $2',
    [key, sinceIso],
  );
  return r.rows[0]?.attempts ?? 0;
}

/** Drops windows that are over, so guessed usernames do not pile up. */
export async function pruneAttempts(q: Queryable, sinceIso: string): Promise<void> {
  await q.query('DELETE FROM login_throttle WHERE window_start <= $1', [sinceIso]);
}

export async function insertSession(
  q: Queryable,
  tokenHash: string,
  userId: number,
  at: string,
  expires: string,
) {
  await q.query(
    `INSERT INTO user_session (token_hash, user_id, created_at, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $3)`,
    [tokenHash, userId, at, expires],
  );
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function insertApiToken(
  q: Queryable,
  t: { userId: number; name: string; tokenHash: string; at: string; expiresAt: string },
): Promise<number> {
  const r = await q.query<{ id: number }>(
    `INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [t.userId, t.name, t.tokenHash, t.at, t.expiresAt],
  );
  return r.rows[0]!.id;
}

export interface SessionInfo {
  id: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function listSessions(q: Queryable, userId: number): Promise<SessionInfo[]> {
  const r = await q.query<SessionInfo>(
    `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt"
     FROM user_session WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
  return r.rows;
}

export interface TokenInfo {
  id: number;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export async function listApiTokens(q: Queryable, userId: number): Promise<TokenInfo[]> {
  const r = await q.query<TokenInfo>(
    `SELECT id, name, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt"
     FROM api_token WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
  return r.rows;
}

/** Revokes the user's token; null when the user has no such token, false when it was revoked already. */
export async function revokeApiToken(q: Queryable, userId: number, id: number, at: string) {
  const r = await q.query<{ revoked: boolean }>(
    `UPDATE api_token SET revoked_at = coalesce(revoked_at, $3) WHERE user_id = $1 AND id = $2
     RETURNING revoked_at = $3 AS revoked`,
    [userId, id, at],
  );
  return r.rows[0]?.revoked ?? null;
}

export async function setUserDisabled(q: Queryable, userId: number, disabled: boolean): Promise<void> {
  await q.query('UPDATE app_user SET disabled = $2 WHERE id = $1', [userId, disabled]);
}

export interface NewPasswordReset {
  userId: number;
  codeHash: string;
  createdBy: string;
  at: string;
  expiresAt: string;
}

/** A new reset code for the user; earlier live codes of the user are revoked. */
export async function insertPasswordReset(q: Queryable, r: NewPasswordReset): Promise<void> {
  await q.query(
    'UPDATE password_reset SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL',
    [r.userId, r.at],
  );
  await q.query(
    `INSERT INTO password_reset (user_id, code_hash, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [r.userId, r.codeHash, r.createdBy, r.at, r.expiresAt],
  );
}

/** Whether the user has a live (unused, unrevoked, unexpired) reset code with that hash. */
export async function resetCodeIsLive(q: Queryable, userId: number, codeHash: string, nowIso: string) {
  const r = await q.query(
    `SELECT 1 FROM password_reset
     WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3`,
    [userId, codeHash, nowIso],
  );
  return r.rows.length > 0;
}

/** Spends the user's live reset code with that hash; false when there is none (used, revoked, expired). */
export async function useResetCode(q: Queryable, userId: number, codeHash: string, nowIso: string) {
  const r = await q.query(
    `UPDATE password_reset SET used_at = $3
     WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3`,
    [userId, codeHash, nowIso],
  );
  return r.rowCount > 0;
}

export async function setPasswordHash(q: Queryable, userId: number, passwordHash: string): Promise<void> {
  await q.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Ends every session of the user; returns how many there were. */
export async function deleteUserSessions(q: Queryable, userId: number): Promise<number> {
  return (await q.query('DELETE FROM user_session WHERE user_id = $1', [userId])).rowCount;
}
