import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { publicUrlStatus } from '../../services/public-url-status.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

export interface SystemRouteOptions {
  deps: Deps;
  /** The host `serve` listens on; null when the server was built without one. */
  listenHost: string | null;
}

/** What the admin screen warns about in the server's own set-up. */
export const systemRoutes: FastifyPluginAsyncZod<SystemRouteOptions> = async (app, { listenHost }) => {
  app.get(
    '/api/v1/system/public-url',
    {
      schema: {
        tags: ['system'],
        summary:
          'The address cards and activation letters print (LINDUNG_PUBLIC_URL) and whether it is still a loopback one on a reachable server (admin)',
        response: {
          200: z
            .object({
              publicBaseUrl: z.string(),
              listenHost: z.string().nullable(),
              problem: z
                .enum(['loopback', 'not_url'])
                .nullable()
                .describe('loopback: cards print a localhost address others cannot open; not_url: not a URL'),
            })
            .meta({ id: 'PublicUrlStatus' }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => publicUrlStatus(requireActor(req), listenHost),
  );
};
