import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { officeDate } from '../../services/clock.ts';
import {
  applyJhtReturns,
  creditJhtContributions,
  jhtStatement,
  listJhtReturnRates,
  recordJhtOpeningBalance,
  setJhtReturnRate,
} from '../../services/jht/index.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const Year = z.coerce.number().int().min(2000).max(2100);
const Rate = z
  .object({
    year: z.number().int(),
    rateBp: z.number().int(),
    source: z.string(),
    enteredBy: z.string(),
    enteredAt: z.string(),
  })
  .meta({ id: 'JhtReturnRate' });

export const jhtRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/participants/:id/jht',
    {
      schema: {
        tags: ['jht'],
        summary:
          'A participant’s JHT statement for a year: opening, contributions, returns, withdrawals, closing',
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ year: Year.optional() }),
        response: {
          200: z.object({
            participantId: z.number().int(),
            kpj: z.string(),
            year: z.number().int(),
            openingRp: z.number().int(),
            carriedOverRp: z.number().int(),
            contributionsRp: z.number().int(),
            returnsRp: z.number().int(),
            withdrawalsRp: z.number().int(),
            closingRp: z.number().int(),
            returnRate: z.object({ rateBp: z.number().int(), source: z.string() }).nullable(),
            entries: z.array(
              z.object({
                id: z.number().int(),
                kind: z.enum(['opening', 'contribution', 'return', 'withdrawal', 'withdrawal_reversal']),
                amountRp: z.number().int(),
                effectiveDate: z.string(),
                period: z.string().nullable(),
                invoiceId: z.number().int().nullable(),
                claimId: z.number().int().nullable(),
                payoutId: z.number().int().nullable(),
                rateBp: z.number().int().nullable(),
                source: z.string().nullable(),
              }),
            ),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) =>
      jhtStatement(
        deps,
        requireActor(req),
        req.params.id,
        req.query.year ?? Number(officeDate(deps.clock.now()).slice(0, 4)),
      ),
  );

  app.post(
    '/api/v1/participants/:id/jht/opening',
    {
      schema: {
        tags: ['jht'],
        summary: 'Record the JHT balance carried over from the previous system (once per account)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ amountRp: z.number().int().min(0), asOf: z.string(), source: z.string().max(300) }),
        response: {
          201: z.object({
            entryId: z.number().int(),
            balance: z.object({
              participantId: z.number().int(),
              asOf: z.string(),
              balanceRp: z.number().int(),
              entries: z.number().int(),
              lastEntryOn: z.string().nullable(),
            }),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await recordJhtOpeningBalance(deps, requireActor(req), {
          participantId: req.params.id,
          ...req.body,
        }),
      ),
  );

  app.get(
    '/api/v1/jht/return-rates',
    {
      schema: {
        tags: ['jht'],
        summary: 'JHT return rates entered per year, as announced by BPJS Ketenagakerjaan',
        response: { 200: z.object({ rates: z.array(Rate) }), ...errors(401, 403) },
      },
    },
    async (req) => listJhtReturnRates(deps, requireActor(req)),
  );

  app.put(
    '/api/v1/jht/return-rates/:year',
    {
      schema: {
        tags: ['jht'],
        summary: 'Enter a year’s JHT return rate with its source (branch supervisor, admin)',
        params: z.object({ year: Year }),
        body: z.object({ rateBp: z.number().int().min(0).max(10_000), source: z.string().max(300) }),
        response: { 200: Rate, ...errors(400, 401, 403, 409) },
      },
    },
    async (req) => setJhtReturnRate(deps, requireActor(req), { year: req.params.year, ...req.body }),
  );

  app.post(
    '/api/v1/jht/contributions/credit',
    {
      schema: {
        tags: ['jht'],
        summary: 'Credit JHT accounts from fully paid invoices not yet credited (idempotent)',
        body: z.object({ regencyCode: z.string(), upTo: z.string().optional() }),
        response: {
          200: z.object({
            entries: z.number().int(),
            participants: z.number().int(),
            amountRp: z.number().int(),
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (req) => creditJhtContributions(deps, requireActor(req), req.body),
  );

  app.post(
    '/api/v1/jht/returns/apply',
    {
      schema: {
        tags: ['jht'],
        summary:
          'Credit a finished year’s JHT return to the regency’s accounts at the entered rate (idempotent)',
        body: z.object({ regencyCode: z.string(), year: z.number().int() }),
        response: {
          200: z.object({
            year: z.number().int(),
            rateBp: z.number().int(),
            accounts: z.number().int(),
            amountRp: z.number().int(),
          }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (req) => applyJhtReturns(deps, requireActor(req), req.body),
  );
};
