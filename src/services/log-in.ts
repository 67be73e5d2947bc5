import {
  clearAttempts,
  countAttempts,
  deleteSession,
  findUserByApiToken,
  findUserBySession,
  findUserByUsername,
  insertSession,
  pruneAttempts,
  setPasswordHash,
  touchSession,
  uncountAttempt,
} from '../db/users.ts';
import { AppError } from '../errors.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../security/password.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import type { Actor, Deps } from './actor.ts';
import { resolveActor } from './resolve-actor.ts';

/** A session ends 12 hours after log-in, or after 30 minutes unused (ASVS 3.3.2, L2). */
export const SESSION_HOURS = 12;
export const SESSION_IDLE_MINUTES = 30;
/** A session's last use is written at most once a minute. */
const TOUCH_EVERY_MS = 60_000;
/** Attempts per account, and per client address, in a window of THROTTLE_MINUTES. */
export const THROTTLE_FAILURES = 5;
export const THROTTLE_IP_FAILURES = 20;
export const THROTTLE_MINUTES = 15;

function minus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) - ms).toISOString();
}

function plus(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/**
 * Counts this attempt against every key (key → limit) in one statement, before any password is
 * checked; LOGIN_THROTTLED when a key is over its limit. Parallel attempts each get their own
 * count, so at most `limit` of them reach the KDF in a window.
 */
export async function countAttempt(deps: Deps, limits: Record<string, number>): Promise<void> {
  const now = deps.clock.now();
  const counts = await countAttempts(
    deps.db,
    Object.keys(limits),
    now,
    minus(now, THROTTLE_MINUTES * 60_000),
  );
  for (const [key, limit] of Object.entries(limits)) {
    if ((counts.get(key) ?? 0) > limit) throw new AppError('LOGIN_THROTTLED', { minutes: THROTTLE_MINUTES });
  }
}

/**
 * Checks the password and returns a new session token. Every failure (unknown user, wrong
 * password, disabled account, account waiting for activation) costs one KDF and answers
 * INVALID_CREDENTIALS. A hash made with weaker scrypt parameters is upgraded on success.
 */
export async function logIn(deps: Deps, username: string, password: string, ip = 'local') {
  const name = username.trim().toLowerCase();
  await countAttempt(deps, { [accountKey(name)]: THROTTLE_FAILURES, [addressKey(ip)]: THROTTLE_IP_FAILURES });
  const user = await findUserByUsername(deps.db, name);
  const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash());
  if (!user || !ok || user.disabled) throw new AppError('INVALID_CREDENTIALS');
  const upgraded = needsRehash(user.passwordHash) ? await hashPassword(password) : null;
  const now = deps.clock.now();
  const token = newToken('lss');
  await deps.db.transaction(async (tx) => {
    await clearAttempts(tx, accountKey(name));
    await uncountAttempt(tx, addressKey(ip));
    await pruneAttempts(tx, minus(now, THROTTLE_MINUTES * 60_000));
    if (upgraded) await setPasswordHash(tx, user.id, upgraded);
    await insertSession(tx, hashToken(token), user.id, now, plus(now, SESSION_HOURS));
  });
  return { token, expiresAt: plus(now, SESSION_HOURS), actor: await resolveActor(deps.db, user) };
}

/** A new session for a user already identified (after a password change). */
export async function newSession(deps: Deps, userId: number) {
  const now = deps.clock.now();
  const token = newToken('lss');
  await insertSession(deps.db, hashToken(token), userId, now, plus(now, SESSION_HOURS));
  return { token, expiresAt: plus(now, SESSION_HOURS) };
}

export async function logOut(deps: Deps, token: string): Promise<void> {
  await deleteSession(deps.db, hashToken(token));
}

export async function actorForSession(deps: Deps, token: string): Promise<Actor | null> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const user = await findUserBySession(deps.db, tokenHash, now, minus(now, SESSION_IDLE_MINUTES * 60_000));
  if (!user) return null;
  if (Date.parse(now) - Date.parse(user.lastSeenAt) >= TOUCH_EVERY_MS)
    await touchSession(deps.db, tokenHash, now);
  return resolveActor(deps.db, user);
}

export async function actorForApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const user = await findUserByApiToken(deps.db, hashToken(token), deps.clock.now());
  return user ? resolveActor(deps.db, user) : null;
}
