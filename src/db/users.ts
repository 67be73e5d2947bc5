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

export async function findUserBySession(q: Queryable, tokenHash: string, nowIso: string) {
  const r = await q.query<UserRow>(
    `${SELECT_USER} JOIN user_session s ON s.user_id = u.id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, nowIso],
  );
  return r.rows[0] ?? null;
}

export async function findUserByApiToken(q: Queryable, tokenHash: string) {
  const r = await q.query<UserRow>(
    `${SELECT_USER} JOIN api_token t ON t.user_id = u.id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT u.disabled`,
    [tokenHash],
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

export async function countRecentFailures(q: Queryable, username: string, sinceIso: string): Promise<number> {
  const r = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM login_failure WHERE username = $1 AND at > $2',
    [username, sinceIso],
  );
  return r.rows[0]?.n ?? 0;
}

export async function recordFailure(q: Queryable, username: string, atIso: string): Promise<void> {
  await q.query('INSERT INTO login_failure (username, at) VALUES ($1, $2)', [username, atIso]);
}

export async function clearFailures(q: Queryable, username: string): Promise<void> {
  await q.query('DELETE FROM login_failure WHERE username = $1', [username]);
}

export async function insertSession(
  q: Queryable,
  tokenHash: string,
  userId: number,
  at: string,
  expires: string,
) {
  await q.query(
    'INSERT INTO user_session (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [tokenHash, userId, at, expires],
  );
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function insertApiToken(
  q: Queryable,
  userId: number,
  name: string,
  tokenHash: string,
  at: string,
) {
  await q.query('INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)', [
    userId,
    name,
    tokenHash,
    at,
  ]);
}

export async function setPasswordHash(q: Queryable, userId: number, passwordHash: string): Promise<void> {
  await q.query('UPDATE app_user SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

/** Ends every session of the user. */
export async function deleteUserSessions(q: Queryable, userId: number): Promise<void> {
  await q.query('DELETE FROM user_session WHERE user_id = $1', [userId]);
}
