import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegencyCode } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { setEnrolmentPolicy, showEnrolmentPolicy } from '../../services/set-enrolment-policy.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const Policy = z
  .object({
    ageMinYears: z.number().int(),
    ageMaxYears: z.number().int(),
    villageWorkersMin: z.number().int(),
    villageWorkersMax: z.number().int().nullable(),
  })
  .meta({ id: 'EnrolmentPolicy' });
const Regency = z.object({ regency: RegencyCode });

export const enrolmentPolicyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/enrolment-policies/:regency',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'The regency’s enrolment rules: age limits, workers per village batch, village quota',
        params: Regency,
        response: { 200: Policy, ...errors(401, 404) },
      },
    },
    async (req) => showEnrolmentPolicy(deps, requireActor(req), req.params.regency),
  );
  app.put(
    '/api/v1/enrolment-policies/:regency',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Set the regency’s enrolment rules (district officer)',
        params: Regency,
        body: Policy,
        response: { 200: Policy, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => setEnrolmentPolicy(deps, requireActor(req), req.params.regency, req.body),
  );
};
