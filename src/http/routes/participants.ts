import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listParticipants } from '../../services/list-participants.ts';
import { showParticipant } from '../../services/show-participant.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';
import { Contributions, CoverageHistory, MyClaim } from './me.ts';

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

const ParticipantPage = z
  .object({
    participant: Participant.extend({ payerName: z.string(), regencyName: z.string() }),
    personalDataInFull: z
      .boolean()
      .describe(
        'NIK, name, birth date and sex are shown in full, and this view was written to the audit log',
      ),
    memberships: z
      .array(Participant.omit({ id: true, nik: true, fullName: true, birthDate: true, sex: true }))
      .describe('The same person’s other memberships inside the caller’s scope'),
    coverage: z.object(CoverageHistory),
    contributions: Contributions.nullable().describe('null unless the role reads billing'),
    claims: z.array(MyClaim).nullable().describe('null unless the role reads claims'),
    account: z
      .enum(['none', 'pending', 'active'])
      .nullable()
      .describe(
        'The self-service account: none, waiting for its activation code, or in use (null unless the role issues codes)',
      ),
    actions: z.object({ printCard: z.boolean(), activationLetter: z.boolean(), fileClaim: z.boolean() }),
  })
  .meta({ id: 'ParticipantPage' });

export const participantRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/participants',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Participants in the caller’s scope, by region, name and id (a name search by name, birth date and id), a page at a time (NIK and names masked unless the role needs them; a view in full is audited)',
        querystring: z.object({
          region: z.string().optional(),
          q: z
            .string()
            .max(100)
            .optional()
            .describe(
              'Digits: an exact KPJ or NIK. Otherwise a name: the names beginning with it first, then those whose part after the first word (a family name) begins with it, then those holding it elsewhere; each part by the name it matched, birth date and id',
            ),
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

  app.get(
    '/api/v1/participants/:kpj',
    {
      schema: {
        tags: ['participants'],
        summary:
          'One participant by KPJ: identity (masked unless the role needs it; a view in full is audited), memberships, coverage, contributions, claims, history',
        params: z.object({ kpj: z.string().max(20) }),
        response: { 200: ParticipantPage, ...errors(401, 403, 404) },
      },
    },
    async (req) => showParticipant(deps, requireActor(req), req.params.kpj),
  );
};
