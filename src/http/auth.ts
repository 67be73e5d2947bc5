import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { requirePermission as requireOf } from '../services/access.ts';
import type { Actor, Deps, Permission } from '../services/actor.ts';
import { actorForApiToken, actorForSession } from '../services/log-in.ts';

export const SESSION_COOKIE = 'lindung_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Finds the caller from the session cookie (browser) or a bearer token (machines). */
export async function identify(deps: Deps, req: FastifyRequest): Promise<Actor | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return actorForApiToken(deps, auth.slice(7).trim());
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? actorForSession(deps, cookie) : null;
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function requirePermission(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  requireOf(actor, permission);
  return actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}
