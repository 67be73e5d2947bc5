import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { nationalSummary } from '../../services/national/national-summary.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';
import { ActiveBySegment, ClaimsByProgram, CountAmount } from './reports.ts';

// The national reporting database's summary (docs/federation.md). Attaching a member stays on the
// console (`lindung national attach`): it takes the member's credentials.

const Int = z.number().int();
const figures = { active: ActiveBySegment, claims: ClaimsByProgram, claimsTotal: CountAmount };

const NationalSummary = z
  .object({
    asOf: z.string(),
    from: z.string(),
    to: z.string(),
    generatedAt: z.string(),
    members: z.array(z.object({ name: z.string(), host: z.string(), port: Int, dbname: z.string() })),
    provinces: z.array(
      z.object({ member: z.string(), provinceCode: z.string(), provinceName: z.string(), ...figures }),
    ),
    ...figures,
  })
  .meta({ id: 'NationalSummary' });

export const nationalRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/national/summary',
    {
      schema: {
        tags: ['reports'],
        summary:
          'National summary from every member database: active participants by province and segment, claims paid by programme',
        querystring: z.object({ asOf: IsoDate, from: IsoDate.optional() }),
        response: { 200: NationalSummary, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => nationalSummary(deps, requireActor(req), { asOf: req.query.asOf, from: req.query.from }),
  );
};
