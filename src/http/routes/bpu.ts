import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listBpu, showBpuWithPayments } from '../../services/bpu/list-bpu.ts';
import { BpuPaymentInput, payBpu } from '../../services/bpu/pay-bpu.ts';
import { BpuInput, registerBpu } from '../../services/bpu/register-bpu.ts';
import { registerBpuFile } from '../../services/bpu/register-bpu-file.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';

const TAGS = ['bpu'];

export const BpuRegistration = z
  .object({
    id: z.number().int(),
    kpj: z.string(),
    nik: z.string(),
    fullName: z.string(),
    regionCode: z.string(),
    status: z.string(),
    statusSince: z.string(),
    declaredIncomeRp: z.number().int(),
    programs: z.array(z.string()),
    payerId: z.number().int(),
    paymentCode: z.string(),
    frequencyMonths: z.number().int(),
    collection: z.enum(['personal', 'agent']),
    agentName: z.string().nullable(),
    registeredOn: z.string(),
    paidMonths: z.array(z.string()),
  })
  .meta({ id: 'BpuRegistration' });

export const BpuListItem = BpuRegistration.omit({ payerId: true, paidMonths: true })
  .extend({
    villageName: z.string(),
    paidThrough: z.string().nullable().describe('The last iuran month paid in full (YYYY-MM)'),
  })
  .meta({ id: 'BpuListItem' });

const BpuPayment = z
  .object({
    id: z.number().int(),
    receivedOn: z.string(),
    amountRp: z.number().int(),
    reference: z.string(),
    fromMonth: z.string().nullable(),
    toMonth: z.string().nullable(),
    reversed: z.boolean(),
  })
  .meta({ id: 'BpuPayment' });

const MonthLine = z.object({
  period: z.string().optional(),
  program: z.string(),
  amountRp: z.number().int(),
  basis: z.string(),
});
const Months = z.object({ from: z.string(), to: z.string() });

export const bpuRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/bpu',
    {
      schema: {
        tags: TAGS,
        summary:
          'Register a self-paying informal worker (BPU mandiri): declared income, JKK + JKM (JHT optional), 1, 3, 6 or 12 months a payment, a personal payment code — or collection by an agent',
        body: BpuInput,
        response: {
          201: z.object({
            registration: BpuRegistration,
            firstPayment: Months.extend({ totalRp: z.number().int(), lines: z.array(MonthLine) }),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await registerBpu(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/bpu',
    {
      schema: {
        tags: TAGS,
        summary:
          'BPU mandiri registrations in the caller’s scope, newest first, a page at a time; q: an exact KPJ, NIK or payment code, or part of a name (NIK and names masked unless the role needs them; a view in full is audited)',
        querystring: z.object({ q: z.string().max(100).optional(), ...PageQuery }),
        response: {
          200: z.object({
            total: z.number().int(),
            registrations: z.array(BpuListItem),
            nextCursor: NextCursor,
            personalDataInFull: z
              .boolean()
              .describe('NIK and names are shown in full, and this view was written to the audit log'),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) =>
      listBpu(deps, requireActor(req), {
        search: req.query.q ?? null,
        limit: req.query.limit,
        cursor: req.query.cursor ?? null,
      }),
  );

  app.post(
    '/api/v1/bpu/files',
    {
      schema: {
        tags: TAGS,
        summary:
          'Register many BPU mandiri workers from a CSV file (nik, nama, tanggal_lahir, jenis_kelamin, pekerjaan, alamat, kode_desa, penghasilan, jht, frekuensi, mulai): all rows or none, problems per row',
        body: z.strictObject({
          regionCode: z.string(),
          csv: z.string().min(1),
          agentName: z.string().trim().min(3).max(120).optional(),
        }),
        response: {
          201: z.object({
            registered: z.number().int(),
            agentName: z.string().nullable(),
            participants: z.array(z.object({ kpj: z.string(), paymentCode: z.string() })),
          }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await registerBpuFile(deps, requireActor(req), req.body)),
  );

  app.post(
    '/api/v1/bpu/payments',
    {
      schema: {
        tags: TAGS,
        summary:
          'Pay BPU mandiri contributions by payment code: the next unpaid months (a lapsed member restarts from the month of payment), with their own invoice; once per idempotency key',
        body: BpuPaymentInput,
        response: {
          200: z.object({
            paymentId: z.number().int(),
            replayed: z.boolean(),
            months: Months.optional(),
            invoice: z
              .object({ id: z.number().int(), number: z.string(), totalRp: z.number().int() })
              .optional(),
            registration: BpuRegistration,
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => payBpu(deps, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/bpu/:key',
    {
      schema: {
        tags: TAGS,
        summary:
          'One BPU mandiri registration by KPJ or payment code: months paid, the next payment and the payments made',
        params: z.object({ key: z.string().regex(/^(\d{11}|88\d{11})$/) }),
        response: {
          200: z.object({
            registration: BpuRegistration,
            nextPayment: Months.extend({ amountRp: z.number().int() }),
            villageName: z.string(),
            payments: z.array(BpuPayment).describe('Newest first, at most 60'),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showBpuWithPayments(deps, requireActor(req), req.params.key),
  );
};
