// The public calculator over HTTP: no login needed. Invalid input answers 400 VALIDATION_FAILED
// naming the field (zod schemas shared with the service).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { calculateBenefit, calculateContribution } from '../../services/calculate.ts';
import { benefitInputSchema, contributionInputSchema } from '../../services/calculation-schemas.ts';
import { BenefitComponent, Coded, ContributionLine, errors, RuleExplanation } from '../schemas.ts';

const rupiah = z.number().int();
const LateFee = z
  .object({
    paidOn: z.string(),
    dueDate: z.string(),
    monthsLate: z.number().int(),
    totalRp: rupiah,
    lines: z.array(
      z.object({
        program: z.string(),
        iuranRp: rupiah,
        rateBp: z.number().int(),
        amountRp: rupiah,
        basis: z.string(),
      }),
    ),
  })
  .meta({ id: 'LateFee' });
const ContributionResult = z
  .object({
    totalRp: rupiah,
    lines: z.array(ContributionLine),
    dueDate: z.string().nullable(),
    lateFee: LateFee.optional(),
    explanation: RuleExplanation,
  })
  .meta({ id: 'ContributionResult' });
const BenefitResult = z
  .object({
    eligible: z.boolean(),
    totalRp: rupiah,
    components: z.array(BenefitComponent),
    reasons: z.array(Coded),
    explanation: RuleExplanation,
  })
  .meta({ id: 'BenefitResult' });

export const calculationRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app) => {
  app.post(
    '/api/v1/calculations/contribution',
    {
      schema: {
        tags: ['calculator'],
        summary:
          'Iuran for one month: PU, BPU, Jasa Konstruksi or PMI, with lines, due date and legal basis; with paidOn (PU) also the months late and the late fee',
        security: [],
        body: contributionInputSchema,
        response: { 200: ContributionResult, ...errors(400, 422) },
      },
    },
    async (req) => calculateContribution(req.body),
  );
  app.post(
    '/api/v1/calculations/benefit',
    {
      schema: {
        tags: ['calculator'],
        summary: 'Manfaat JKK, JKM, JHT, JP or JKP: eligibility, components, reasons and legal basis',
        security: [],
        body: benefitInputSchema,
        response: { 200: BenefitResult, ...errors(400, 422) },
      },
    },
    async (req) => calculateBenefit(req.body),
  );
};
