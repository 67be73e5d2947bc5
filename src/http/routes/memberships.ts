import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listMembershipConflicts } from '../../services/list-membership-conflicts.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';

const MembershipConflict = z
  .object({
    nik: z.string(),
    fullName: z.string(),
    memberships: z.array(
      z.object({
        kpj: z.string(),
        segment: z.string(),
        fundingSource: z.string(),
        programs: z.array(z.string()),
        regionCode: z.string(),
        statusSince: z.string(),
      }),
    ),
  })
  .meta({ id: 'MembershipConflict' });

export const membershipRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/membership-conflicts',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Review queue: persons holding two active memberships of one programme from before the one-membership rule (branch)',
        querystring: z.object(PageQuery),
        response: {
          200: z.object({
            persons: z.array(MembershipConflict),
            nextCursor: NextCursor,
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) =>
      listMembershipConflicts(deps, requireActor(req), {
        limit: req.query.limit,
        cursor: req.query.cursor ?? null,
      }),
  );
};
