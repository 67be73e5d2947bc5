import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { ROLES } from '../../services/actor.ts';
import { addUser } from '../../services/add-user.ts';
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
};
