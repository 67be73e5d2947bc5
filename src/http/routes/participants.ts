import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listParticipants } from '../../services/list-participants.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';

export const Participant = z
  .object({
    id: z.number().int(),
    kpj: z.string(),
    nik: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    sex: z.string(),
    segment: z.string(),
    programs: z.array(z.string()),
    fundingSource: z.string(),
    regionCode: z.string(),
    villageName: z.string(),
    status: z.string(),
    statusSince: z.string(),
  })
  .meta({ id: 'Participant' });

export const participantRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/participants',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Participants in the caller’s scope, by region, name and id, a page at a time (NIK and names masked unless the role needs them; a view in full is audited)',
        querystring: z.object({
          region: z.string().optional(),
          q: z.string().max(100).optional(),
          ...PageQuery,
        }),
        response: {
          200: z.object({
            participants: z.array(Participant),
            nextCursor: NextCursor,
            personalDataInFull: z
              .boolean()
              .describe('NIK and names are shown in full, and this view was written to the audit log'),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) =>
      listParticipants(deps, requireActor(req), {
        regionCode: req.query.region ?? null,
        search: req.query.q ?? null,
        limit: req.query.limit,
        cursor: req.query.cursor ?? null,
      }),
  );
};
