import {
  clearFailures,
  countRecentFailures,
  deleteSession,
  findUserByApiToken,
  findUserBySession,
  findUserByUsername,
  insertSession,
  recordFailure,
} from '../db/users.ts';
import { AppError } from '../errors.ts';
import { DUMMY_HASH, verifyPassword } from '../security/password.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import type { Actor, Deps } from './actor.ts';
import { resolveActor } from './resolve-actor.ts';

export const SESSION_HOURS = 12;
export const THROTTLE_FAILURES = 5;
export const THROTTLE_MINUTES = 15;

function minus(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) - minutes * 60_000).toISOString();
}

function plus(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** Checks the password, throttling after repeated failures; returns a new session token. */
export async function logIn(deps: Deps, username: string, password: string) {
  const now = deps.clock.now();
  const name = username.trim().toLowerCase();
  const failures = await countRecentFailures(deps.db, name, minus(now, THROTTLE_MINUTES));
  if (failures >= THROTTLE_FAILURES) throw new AppError('LOGIN_THROTTLED', { minutes: THROTTLE_MINUTES });
  const user = await findUserByUsername(deps.db, name);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await recordFailure(deps.db, name, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const token = newToken('lss');
  await deps.db.transaction(async (tx) => {
    await clearFailures(tx, name);
    await insertSession(tx, hashToken(token), user.id, now, plus(now, SESSION_HOURS));
  });
  return { token, expiresAt: plus(now, SESSION_HOURS), actor: await resolveActor(deps.db, user) };
}

export async function logOut(deps: Deps, token: string): Promise<void> {
  await deleteSession(deps.db, hashToken(token));
}

export async function actorForSession(deps: Deps, token: string): Promise<Actor | null> {
  const user = await findUserBySession(deps.db, hashToken(token), deps.clock.now());
  return user ? resolveActor(deps.db, user) : null;
}

export async function actorForApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const user = await findUserByApiToken(deps.db, hashToken(token));
  return user ? resolveActor(deps.db, user) : null;
}
