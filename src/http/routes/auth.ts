import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword, resetPasswordWithCode } from '../../services/accounts.ts';
import type { Actor, Deps } from '../../services/actor.ts';
import { ROLES } from '../../services/actor.ts';
import { logIn, logOut } from '../../services/log-in.ts';
import { requireActor, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { errors } from '../schemas.ts';

export const UserBody = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    scope: z.object({
      type: z.enum(['system', 'region', 'office', 'employer', 'participant']),
      code: z.string().nullable(),
      name: z.string(),
    }),
    homeRegion: z.string().nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'User' });

function userOf(a: Actor): z.infer<typeof UserBody> {
  return {
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    scope: a.scope,
    homeRegion: a.homeRegion,
    permissions: [...a.permissions],
  };
}

export const authRoutes: FastifyPluginAsyncZod<{ deps: Deps; secureCookies: boolean }> = async (
  app,
  opts,
) => {
  const { deps } = opts;
  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets an HttpOnly session cookie',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: UserBody }), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const s = await logIn(deps, req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, s.token, s.expiresAt, opts.secureCookies);
      return { user: userOf(s.actor) };
    },
  );
  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logOut(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends every session and sets a new session cookie',
        body: z.object({
          currentPassword: z.string().min(1).max(512),
          newPassword: z.string().min(1).max(512).describe('12–128 characters, not a common password'),
        }),
        response: { 204: z.null(), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const s = await changeOwnPassword(deps, requireActor(req), req.body, req.ip);
      setSessionCookie(reply, s.token, s.expiresAt, opts.secureCookies);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the one-time code an admin issued; ends every session',
        security: [],
        body: z.object({
          username: z.string().min(1).max(64),
          code: z.string().min(1).max(64),
          newPassword: z.string().min(1).max(512).describe('12–128 characters, not a common password'),
        }),
        response: { 204: z.null(), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      await resetPasswordWithCode(deps, req.body, req.ip);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user, role, scope and permissions',
        response: { 200: z.object({ user: UserBody }), ...errors(401) },
      },
    },
    async (req) => ({ user: userOf(requireActor(req)) }),
  );
};
