import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { renewBudgetYear } from '../../services/renew-budget-year.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const Reasons = {
  renewed: z.number().int(),
  agedOut: z.number().int(),
  ended: z.number().int(),
  overQuota: z.number().int(),
  overBudget: z.number().int(),
  noAllocation: z.number().int(),
};

export const RenewalBody = z.object({
  regencyCode: z.string().min(1).max(20),
  /** One village's cohort; absent: the whole regency's. */
  villageCode: z.string().min(1).max(20).nullish(),
  fromYear: z.number().int().min(2015).max(2099),
  /** false: only the counts of who would carry over and who would be left out. */
  confirm: z.boolean(),
});

export const RenewalResult = z
  .object({
    regencyCode: z.string(),
    villageCode: z.string().nullable(),
    fromYear: z.number().int(),
    toYear: z.number().int(),
    ageMaxYears: z.number().int(),
    villages: z.array(z.object({ regionCode: z.string(), regionName: z.string(), ...Reasons })),
    totals: z.object(Reasons),
    renewal: z
      .object({ id: z.number().int(), renewed: z.number().int(), leftOut: z.number().int() })
      .nullable(),
    leftOut: z.array(
      z.object({
        kpj: z.string(),
        fullName: z.string(),
        regionCode: z.string(),
        reason: z.enum(['aged_out', 'ended', 'over_quota', 'over_budget', 'no_allocation']),
      }),
    ),
    reinstated: z.number().int(),
    membershipsEnded: z.number().int(),
  })
  .meta({ id: 'BudgetRenewal' });

export const budgetRenewalRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/budget-renewals',
    {
      config: { longRunning: true },
      schema: {
        tags: ['agreements'],
        summary:
          'Renew a village’s (or the regency’s) village-funded cohort into the next fiscal year’s allocations; without confirm, a preview (district officer)',
        body: RenewalBody,
        response: { 200: RenewalResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => renewBudgetYear(deps, requireActor(req), req.body),
  );
};
