import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Period } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { closePeriod, listClosedPeriods } from '../../services/close-period.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const PeriodClose = z
  .object({ regencyCode: z.string(), period: z.string(), closedBy: z.string(), closedAt: z.string() })
  .meta({ id: 'PeriodClose' });

export const periodRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/regencies/:code/closed-periods',
    {
      schema: {
        tags: ['billing'],
        summary: 'The months a regency’s books are closed through, and each closing act',
        params: z.object({ code: z.string() }),
        response: {
          200: z.object({
            regencyCode: z.string(),
            closedThrough: z.string().nullable(),
            closes: z.array(PeriodClose),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => listClosedPeriods(deps, requireActor(req), req.params.code),
  );

  app.post(
    '/api/v1/regencies/:code/closed-periods',
    {
      schema: {
        tags: ['billing'],
        summary: 'Close a regency’s books through a month that has ended (branch supervisor; never reopened)',
        params: z.object({ code: z.string() }),
        body: z.object({ period: Period }),
        response: {
          201: z.object({
            regencyCode: z.string(),
            closedThrough: z.string(),
            closedBy: z.string(),
            closedAt: z.string(),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const r = await closePeriod(deps, requireActor(req), {
        regencyCode: req.params.code,
        period: req.body.period,
      });
      return reply.status(201).send(r);
    },
  );
};
