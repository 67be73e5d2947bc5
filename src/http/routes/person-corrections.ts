import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { decideCorrection } from '../../services/person-corrections/decide-correction.ts';
import { listCorrections } from '../../services/person-corrections/list-corrections.ts';
import { proposeCorrection } from '../../services/person-corrections/propose-correction.ts';
import {
  CorrectionDecisionInput,
  ProposeCorrectionInput,
} from '../../services/person-corrections/schemas.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

// Corrections of a person's data by maker-checker (issue 12): propose, the queue, the decision.

const CorrectionId = z.object({ id: z.coerce.number().int().positive() });

const Values = z
  .object({
    fullName: z.string().optional(),
    birthDate: z.string().optional(),
    sex: z.string().optional(),
    nik: z.string().optional(),
  })
  .meta({ id: 'PersonCorrectionValues' });

const Correction = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    participantId: z.number().int(),
    kpj: z.string(),
    regionCode: z.string(),
    villageName: z.string(),
    regencyCode: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    old: Values.describe('The values before (masked unless the role proposes or decides)'),
    new: Values.describe('The proposed values (masked unless the role proposes or decides)'),
    reason: z.string(),
    evidenceNote: z.string(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'PersonCorrection' });

const CorrectionStep = z.object({
  correction: Correction,
  warnings: z.array(z.string()).describe("Review notes as 'field:CODE' (e.g. fullName:POSSIBLE_DUPLICATE)"),
});

export const personCorrectionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/person-corrections',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Corrections of persons’ data in the caller’s scope by status (pending: the approver’s queue)',
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z
            .string()
            .regex(/^[1-9]\d{0,14}$/, 'nextCursor of the previous page')
            .optional(),
        }),
        response: {
          200: z.object({
            corrections: z.array(Correction),
            nextCursor: z.string().nullable(),
            canDecide: z.boolean(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) =>
      listCorrections(deps, requireActor(req), {
        status: req.query.status,
        limit: req.query.limit,
        cursor: req.query.cursor ?? null,
      }),
  );

  app.post(
    '/api/v1/person-corrections',
    {
      schema: {
        tags: ['participants'],
        summary:
          'Maker: propose a correction of a member’s name, birth date, sex or NIK with a reason and an evidence note',
        body: ProposeCorrectionInput,
        response: { 201: CorrectionStep, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const r = await proposeCorrection(deps, requireActor(req), req.body);
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/api/v1/person-corrections/:id/decision',
    {
      schema: {
        tags: ['participants'],
        summary: 'Checker (not the maker): approve — the person’s data changes — or reject with a note',
        params: CorrectionId,
        body: CorrectionDecisionInput,
        response: { 200: CorrectionStep, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => decideCorrection(deps, requireActor(req), req.params.id, req.body),
  );
};
