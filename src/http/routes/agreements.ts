import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { addBudgetAllocation } from '../../services/add-budget-allocation.ts';
import { arrearsAgeing } from '../../services/arrears.ts';
import { budgetUseReport } from '../../services/budget-use.ts';
import { createAgreement, listAgreements, showAgreement } from '../../services/create-agreement.ts';
import { updateCoverage } from '../../services/update-coverage.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';
import {
  Agreement,
  AgreementBody,
  Allocation,
  AllocationBody,
  Arrears,
  BudgetLine,
  BudgetUse,
  CoverageBody,
  CoverageResult,
  IdParam,
} from './agreement-schemas.ts';

export const agreementRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Record the PKS/MoU between the regency and the branch (district officer)',
        body: AgreementBody,
        response: { 200: z.object({ agreement: Agreement }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => createAgreement(deps, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Agreements of the regencies in the caller’s scope',
        querystring: z.object({ regency: z.string().optional() }),
        response: { 200: z.object({ agreements: z.array(Agreement) }), ...errors(401, 403) },
      },
    },
    async (req) => listAgreements(deps, requireActor(req), req.query.regency ?? null),
  );

  app.get(
    '/api/v1/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'An agreement with its budget allocations and their use per fiscal year',
        params: IdParam,
        response: {
          200: z.object({
            agreement: Agreement,
            allocations: z.array(Allocation),
            budgetUse: z.array(z.object({ fiscalYear: z.number().int(), payers: z.array(BudgetLine) })),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showAgreement(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/agreements/:id/allocations',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Add a funding party’s budget for a fiscal year (APBD, a village’s APBDes, CSR)',
        params: IdParam,
        body: AllocationBody,
        response: { 200: z.object({ allocation: Allocation }), ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => addBudgetAllocation(deps, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/budget-use',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Allocated, committed, used and remaining budget per funding party for a fiscal year',
        querystring: z.object({ regency: z.string(), year: z.coerce.number().int() }),
        response: { 200: BudgetUse, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) =>
      budgetUseReport(deps, requireActor(req), {
        regencyCode: req.query.regency,
        fiscalYear: req.query.year,
      }),
  );

  app.get(
    '/api/v1/arrears',
    {
      schema: {
        tags: ['billing'],
        summary: 'Open invoice amounts by payer in ageing buckets as of a date',
        querystring: z.object({ asOf: z.string(), regency: z.string().optional() }),
        response: { 200: Arrears, ...errors(400, 401, 403) },
      },
    },
    async (req) =>
      arrearsAgeing(deps, requireActor(req), {
        asOf: req.query.asOf,
        regencyCode: req.query.regency ?? null,
      }),
  );

  app.post(
    '/api/v1/coverage/update',
    {
      schema: {
        tags: ['billing'],
        summary: 'Lapse and resume BPU coverage from invoices and payments as of a date (branch staff)',
        body: CoverageBody,
        response: { 200: CoverageResult, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => updateCoverage(deps, requireActor(req), req.body),
  );
};
