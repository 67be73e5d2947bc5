import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listPmi, showPmi } from '../../services/list-pmi.ts';
import { PmiInput, registerPmi } from '../../services/register-pmi.ts';
import { requireActor } from '../auth.ts';
import { ContributionLine, errors, NextCursor, PageQuery } from '../schemas.ts';

const TAGS = ['pmi'];

export const PmiPlacement = z
  .object({
    id: z.number().int(),
    kpj: z.string(),
    nik: z.string(),
    fullName: z.string(),
    regionCode: z.string(),
    status: z.string(),
    kind: z.enum(['agency', 'perseorangan']),
    agencyLicense: z.string().nullable(),
    agencyName: z.string().nullable(),
    countryCode: z.string(),
    contractStart: z.string(),
    contractMonths: z.number().int(),
    departureDate: z.string(),
    registeredOn: z.string(),
    placementEnd: z.string(),
    postPlacementEnd: z.string(),
    premiumRp: z.number().int(),
    invoiceNumber: z.string(),
    invoiceId: z.number().int(),
    payerId: z.number().int(),
  })
  .meta({ id: 'PmiPlacement' });

const Masa = z.object({ from: z.string(), to: z.string() });

const PmiPeriods = z
  .object({ sebelum: Masa.nullable(), selama: Masa, setelah: Masa, cover: Masa })
  .meta({ id: 'PmiPeriods' });

export const pmiRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/pmi',
    {
      schema: {
        tags: TAGS,
        summary:
          'Register a migrant worker (PMI): cover before, during and after placement (Permenaker 4/2023), premium per Pasal 18 invoiced to the agency (P3MI) or to a PMI perseorangan',
        body: PmiInput,
        response: {
          201: z.object({ placement: PmiPlacement, periods: PmiPeriods, lines: z.array(ContributionLine) }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await registerPmi(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/pmi',
    {
      schema: {
        tags: TAGS,
        summary: 'Migrant workers (PMI) in the caller’s scope, newest registration first',
        querystring: z.object(PageQuery),
        response: {
          200: z.object({
            total: z.number().int(),
            placements: z.array(PmiPlacement),
            nextCursor: NextCursor,
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => listPmi(deps, requireActor(req), req.query),
  );

  app.get(
    '/api/v1/pmi/:kpj',
    {
      schema: {
        tags: TAGS,
        summary: 'One migrant worker (PMI) with the placement, the periods of cover and the premium invoice',
        params: z.object({ kpj: z.string().regex(/^\d{11}$/) }),
        response: { 200: z.object({ placement: PmiPlacement }), ...errors(401, 403, 404) },
      },
    },
    async (req) => showPmi(deps, requireActor(req), req.params.kpj),
  );
};
