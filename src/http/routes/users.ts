import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  issuePasswordReset,
  revokeApiToken,
  revokeSessions,
  setDisabled,
  unlockUser,
  userAccess,
} from '../../services/accounts.ts';
import type { Deps } from '../../services/actor.ts';
import { ROLES } from '../../services/actor.ts';
import { addUser, createApiToken, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../services/add-user.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

export const userRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: z.object({
          username: z.string(),
          displayName: z.string(),
          role: z.enum(ROLES),
          scope: z
            .string()
            .optional()
            .describe('region code (53.04, 53.04.01.2001) or office code (KC-ATAMBUA)'),
          password: z.string(),
        }),
        response: {
          201: z.object({
            id: z.number().int(),
            username: z.string(),
            displayName: z.string(),
            role: z.enum(ROLES),
            scopeType: z.string(),
            scopeCode: z.string().nullable(),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const user = await addUser(deps, requireActor(req), req.body);
      return reply.status(201).send(user);
    },
  );

  const Username = z.object({ username: z.string().min(1).max(64) });
  const Disabled = z.object({ username: z.string(), disabled: z.boolean(), sessionsEnded: z.number().int() });

  app.post(
    '/api/v1/users/:username/password-reset',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue a one-time password-reset code for the user (admin); shown once, expires in 24 h',
        params: Username,
        response: {
          201: z.object({ username: z.string(), code: z.string(), expiresAt: z.string() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issuePasswordReset(deps, requireActor(req), req.params.username)),
  );
  app.post(
    '/api/v1/users/:username/disable',
    {
      schema: {
        tags: ['users'],
        summary: 'Disable the user (admin): log-in refused, sessions ended, tokens stop working',
        params: Username,
        response: { 200: Disabled, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => setDisabled(deps, requireActor(req), req.params.username, true),
  );
  app.post(
    '/api/v1/users/:username/enable',
    {
      schema: {
        tags: ['users'],
        summary: 'Enable a disabled user again (admin)',
        params: Username,
        response: { 200: Disabled, ...errors(401, 403, 404) },
      },
    },
    async (req) => setDisabled(deps, requireActor(req), req.params.username, false),
  );
  app.post(
    '/api/v1/users/:username/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Lift the log-in throttle of the account (admin)',
        params: Username,
        response: {
          200: z.object({ username: z.string(), wasLocked: z.boolean() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => unlockUser(deps, requireActor(req), req.params.username),
  );
  app.get(
    '/api/v1/users/:username/sessions',
    {
      schema: {
        tags: ['users'],
        summary: "The user's state, live sessions and API tokens (admin)",
        params: Username,
        response: {
          200: z.object({
            username: z.string(),
            disabled: z.boolean(),
            locked: z.boolean(),
            sessions: z.array(
              z.object({
                id: z.number().int(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                expiresAt: z.string(),
              }),
            ),
            tokens: z.array(
              z.object({
                id: z.number().int(),
                name: z.string(),
                createdAt: z.string(),
                expiresAt: z.string(),
                revokedAt: z.string().nullable(),
              }),
            ),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => userAccess(deps, requireActor(req), req.params.username),
  );
  app.post(
    '/api/v1/users/:username/sessions/revoke',
    {
      schema: {
        tags: ['users'],
        summary: 'End every session of the user (admin)',
        params: Username,
        response: {
          200: z.object({ username: z.string(), revoked: z.number().int() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => revokeSessions(deps, requireActor(req), req.params.username),
  );
  app.post(
    '/api/v1/users/:username/tokens',
    {
      schema: {
        tags: ['users'],
        summary: 'Issue a bearer API token for the user (admin); shown once, expires',
        params: Username,
        body: z.object({
          name: z.string().min(1).max(80),
          days: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
        }),
        response: {
          201: z.object({ id: z.number().int(), token: z.string(), expiresAt: z.string() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await createApiToken(deps, requireActor(req), req.params.username, req.body.name, req.body.days),
        ),
  );
  app.post(
    '/api/v1/users/:username/tokens/:id/revoke',
    {
      schema: {
        tags: ['users'],
        summary: 'Revoke one API token of the user (admin)',
        params: z.object({
          username: z.string().min(1).max(64),
          id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        }),
        response: {
          200: z.object({ username: z.string(), tokenId: z.number().int(), revoked: z.boolean() }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => revokeApiToken(deps, requireActor(req), req.params.username, req.params.id),
  );
};
