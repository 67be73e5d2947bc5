// Accounts after creation: a user changes their own password; an admin issues a one-time reset
// code, disables and re-enables a user, unlocks a throttled account, lists and revokes sessions
// and API tokens. Every write is audited; no password, code or token reaches the audit log.
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../db/audit.ts';
import type { Queryable } from '../db/types.ts';
import {
  attemptsOf,
  clearAttempts,
  deleteUserSessions,
  findUserByUsername,
  insertPasswordReset,
  listApiTokens,
  listSessions,
  resetCodeIsLive,
  revokeApiToken as revokeTokenRow,
  setPasswordHash,
  setUserDisabled,
  useResetCode,
} from '../db/users.ts';
import { AppError } from '../errors.ts';
import { hashPassword, verifyPassword } from '../security/password.ts';
import { checkPasswordPolicy } from '../security/password-policy.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import {
  accountKey,
  addressKey,
  countAttempt,
  newSession,
  THROTTLE_FAILURES,
  THROTTLE_IP_FAILURES,
  THROTTLE_MINUTES,
} from './log-in.ts';

/** A reset code is good for 24 hours, once. */
export const RESET_CODE_HOURS = 24;

const codeHash = (code: string) => createHash('sha256').update(code.trim()).digest('hex');

async function targetUser(q: Queryable, username: string) {
  const user = await findUserByUsername(q, username.trim().toLowerCase());
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

function audit(tx: Queryable, actor: string, action: string, userId: number, at: string, after?: object) {
  return recordAudit(tx, {
    at,
    actor,
    action,
    entity: 'app_user',
    entityId: String(userId),
    ...(after ? { after: after as Record<string, unknown> } : {}),
  });
}

/**
 * The caller changes their own password: the current one is checked (throttled like a log-in),
 * the new one must pass the policy. Every session of the user ends; a new one is returned.
 */
export async function changeOwnPassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip = 'local',
) {
  const user = await targetUser(deps.db, actor.username);
  checkPasswordPolicy(input.newPassword, [user.username, user.displayName]);
  await countAttempt(deps, {
    [accountKey(user.username)]: THROTTLE_FAILURES,
    [addressKey(ip)]: THROTTLE_IP_FAILURES,
  });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await clearAttempts(tx, accountKey(user.username));
    await audit(tx, actor.username, 'user.password_change', user.id, at);
  });
  return newSession(deps, user.id);
}

/**
 * An admin issues a one-time code with which the user sets a new password (POST
 * /api/v1/auth/password-reset). The code is shown once, stored as its SHA-256, expires after
 * RESET_CODE_HOURS and replaces any earlier code of the user. The old password keeps working
 * until the code is used.
 */
export async function issuePasswordReset(deps: Deps, actor: Actor, username: string) {
  requirePermission(actor, 'users.manage');
  const code = randomBytes(15).toString('base64url');
  const at = deps.clock.now();
  const expiresAt = new Date(Date.parse(at) + RESET_CODE_HOURS * 3_600_000).toISOString();
  return deps.db.transaction(async (tx) => {
    const user = await targetUser(tx, username);
    await insertPasswordReset(tx, {
      userId: user.id,
      codeHash: codeHash(code),
      createdBy: actor.username,
      at,
      expiresAt,
    });
    await audit(tx, actor.username, 'user.password_reset_issue', user.id, at, { expiresAt });
    return { username: user.username, code, expiresAt };
  });
}

/**
 * Sets a new password with an admin's reset code: throttled per account and address, spends the
 * code, ends every session and unlocks the account. Any wrong part answers RESET_FAILED.
 */
export async function resetPasswordWithCode(
  deps: Deps,
  input: { username: string; code: string; newPassword: string },
  ip = 'local',
) {
  const name = input.username.trim().toLowerCase();
  await countAttempt(deps, { [`reset:${name}`]: THROTTLE_FAILURES, [addressKey(ip)]: THROTTLE_IP_FAILURES });
  const user = await findUserByUsername(deps.db, name);
  // The code is checked before any slow step, so a known and an unknown username answer alike.
  if (!user || !(await resetCodeIsLive(deps.db, user.id, codeHash(input.code), deps.clock.now()))) {
    throw new AppError('RESET_FAILED');
  }
  checkPasswordPolicy(input.newPassword, [user.username, user.displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await useResetCode(tx, user.id, codeHash(input.code), at))) throw new AppError('RESET_FAILED');
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await clearAttempts(tx, accountKey(name));
    await clearAttempts(tx, `reset:${name}`);
    await audit(tx, name, 'user.password_reset', user.id, at);
  });
}

/** Disables (ending every session; tokens stop working) or re-enables a user. */
export async function setDisabled(deps: Deps, actor: Actor, username: string, disabled: boolean) {
  requirePermission(actor, 'users.manage');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await targetUser(tx, username);
    if (disabled && user.id === actor.userId) {
      throw new AppError('VALIDATION_FAILED', { detail: 'an admin cannot disable their own account' });
    }
    await setUserDisabled(tx, user.id, disabled);
    const sessionsEnded = disabled ? await deleteUserSessions(tx, user.id) : 0;
    await recordAudit(tx, {
      at,
      actor: actor.username,
      action: disabled ? 'user.disable' : 'user.enable',
      entity: 'app_user',
      entityId: String(user.id),
      before: { disabled: user.disabled },
      after: { disabled, sessionsEnded },
    });
    return { username: user.username, disabled, sessionsEnded };
  });
}

/** Lifts the log-in throttle of an account (an admin locked out by someone guessing). */
export async function unlockUser(deps: Deps, actor: Actor, username: string) {
  requirePermission(actor, 'users.manage');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await targetUser(tx, username);
    const wasLocked = await clearAttempts(tx, accountKey(user.username));
    await audit(tx, actor.username, 'user.unlock', user.id, at, { wasLocked });
    return { username: user.username, wasLocked };
  });
}

/** The user's state, live sessions and API tokens (no secrets). */
export async function userAccess(deps: Deps, actor: Actor, username: string) {
  requirePermission(actor, 'users.manage');
  const user = await targetUser(deps.db, username);
  const now = deps.clock.now();
  const since = new Date(Date.parse(now) - THROTTLE_MINUTES * 60_000).toISOString();
  const attempts = await attemptsOf(deps.db, accountKey(user.username), since);
  return {
    username: user.username,
    disabled: user.disabled,
    locked: attempts >= THROTTLE_FAILURES,
    sessions: (await listSessions(deps.db, user.id)).filter((s) => s.expiresAt > now),
    tokens: await listApiTokens(deps.db, user.id),
  };
}

/** Ends every session of the user ("log out everywhere"). */
export async function revokeSessions(deps: Deps, actor: Actor, username: string) {
  requirePermission(actor, 'users.manage');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await targetUser(tx, username);
    const revoked = await deleteUserSessions(tx, user.id);
    await audit(tx, actor.username, 'user.sessions_revoke', user.id, at, { revoked });
    return { username: user.username, revoked };
  });
}

/** Revokes one API token of the user; revoking it again changes nothing. */
export async function revokeApiToken(deps: Deps, actor: Actor, username: string, tokenId: number) {
  requirePermission(actor, 'users.manage');
  const at = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await targetUser(tx, username);
    const revoked = await revokeTokenRow(tx, user.id, tokenId, at);
    if (revoked === null) throw new AppError('NOT_FOUND');
    if (revoked) await audit(tx, actor.username, 'api_token.revoke', user.id, at, { tokenId });
    return { username: user.username, tokenId, revoked };
  });
}
