import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { showHome } from '../../services/show-home.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const count = z.number().int().nonnegative();

const Home = z
  .object({
    enrolmentBatches: z
      .object({ draft: count, submitted: count, verified: count, rejected: count })
      .nullable()
      .describe('Enrolment batches in scope by status; null when the caller cannot list batches'),
    claims: z
      .object({ filed: count, submitted: count, overdue: count })
      .nullable()
      .describe('Claims in scope: filed (documents pending), submitted (awaiting decision), open past SLA'),
    invoices: z.object({ open: count }).nullable().describe('Invoices in scope not yet paid in full'),
    payoutBatches: z
      .object({ draft: count, approved: count })
      .nullable()
      .describe('Payout batches awaiting approval (draft) and awaiting the bank (approved)'),
  })
  .meta({ id: 'Home' });

export const homeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/home',
    {
      schema: {
        tags: ['system'],
        summary: 'The caller’s to-dos: how much waits in each queue they can open, in their scope',
        response: { 200: Home, ...errors(401, 403) },
      },
    },
    async (req) => showHome(deps, requireActor(req)),
  );
};
