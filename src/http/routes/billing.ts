import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Period } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { listInvoices, listPayers, showInvoice } from '../../services/list-invoices.ts';
import { postPayment } from '../../services/post-payment.ts';
import { reversePayment } from '../../services/reverse-payment.ts';
import { runBilling } from '../../services/run-billing.ts';
import { requireActor } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';
import { BudgetWarning } from './agreement-schemas.ts';

const Invoice = z
  .object({
    id: z.number().int(),
    number: z.string(),
    payerId: z.number().int(),
    payerName: z.string(),
    payerKind: z.string(),
    payerRegion: z.string().nullable(),
    period: z.string(),
    kind: z.string(),
    issuedAt: z.string(),
    dueDate: z.string(),
    totalRp: z.number().int(),
    paidRp: z.number().int(),
    lines: z.number().int(),
  })
  .meta({ id: 'Invoice' });
const Balances = z.object({
  receivableRp: z.number().int(),
  invoicedRp: z.number().int(),
  paidRp: z.number().int(),
  allocatedRp: z.number().int(),
});

export const billingRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/billing/runs',
    {
      config: { longRunning: true },
      schema: {
        tags: ['billing'],
        summary: 'Run the monthly billing of a regency (idempotent: a re-run issues only adjustments)',
        body: z.object({ regencyCode: z.string(), period: Period }),
        response: {
          200: z.object({
            runId: z.number().int().nullable(),
            kind: z.enum(['regular', 'adjustment']).nullable(),
            participants: z.number().int(),
            lines: z.number().int(),
            totalRp: z.number().int(),
            invoices: z.array(Invoice),
            warnings: z.array(BudgetWarning),
            /** Budget-funded payers not billed: no allocation of their own in force for the period. */
            notBilled: z.array(
              z.object({
                payerId: z.number().int(),
                payerName: z.string(),
                payerKind: z.string(),
                period: z.string(),
                participants: z.number().int(),
                reason: z.enum(['NO_ALLOCATION']),
              }),
            ),
            /** Memberships whose budget year ended before the period without renewal, ended by this run. */
            membershipsEnded: z.number().int(),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => runBilling(deps, requireActor(req), req.body),
  );

  app.get(
    '/api/v1/invoices',
    {
      schema: {
        tags: ['billing'],
        summary: 'Invoices of the payers in the caller’s scope, newest due date first, a page at a time',
        querystring: z.object({
          payer: z.coerce.number().int().optional(),
          period: Period.optional(),
          status: z.enum(['open', 'paid']).optional(),
          ...PageQuery,
          limit: PageQuery.limit.unwrap().default(100),
        }),
        response: {
          200: z.object({
            invoices: z.array(Invoice),
            nextCursor: NextCursor,
            total: z.number().int().describe('Invoices the filter finds, all pages together'),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) =>
      listInvoices(deps, requireActor(req), {
        payerId: req.query.payer ?? null,
        period: req.query.period ?? null,
        status: req.query.status ?? null,
        limit: req.query.limit,
        cursor: req.query.cursor ?? null,
      }),
  );

  app.get(
    '/api/v1/invoices/:id',
    {
      schema: {
        tags: ['billing'],
        summary: 'An invoice with its lines summarised by programme',
        params: z.object({ id: z.coerce.number().int() }),
        response: {
          200: z.object({
            invoice: Invoice,
            summary: z.array(
              z.object({
                program: z.string(),
                payerRole: z.string(),
                kind: z.string(),
                participants: z.number().int(),
                amountRp: z.number().int(),
              }),
            ),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showInvoice(deps, requireActor(req), req.params.id),
  );

  app.get(
    '/api/v1/payers',
    {
      schema: {
        tags: ['billing'],
        summary: 'Payers in scope with invoiced, paid and balance (from the ledger)',
        response: {
          200: z.object({
            payers: z.array(
              z.object({
                id: z.number().int(),
                kind: z.string(),
                name: z.string(),
                regionCode: z.string(),
                invoicedRp: z.number().int(),
                paidRp: z.number().int(),
                balanceRp: z.number().int(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => listPayers(deps, requireActor(req)),
  );

  app.post(
    '/api/v1/payments',
    {
      schema: {
        tags: ['billing'],
        summary: 'Post a payment (Idempotency-Key header required; retries with the same key book once)',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100) }),
        body: z.object({
          payerId: z.number().int(),
          amountRp: z.number().int().positive(),
          receivedOn: z.string(),
          reference: z.string().min(1).max(200),
        }),
        response: {
          200: z.object({ paymentId: z.number().int(), replayed: z.boolean(), balances: Balances }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) =>
      postPayment(deps, requireActor(req), { ...req.body, idempotencyKey: req.headers['idempotency-key'] }),
  );

  app.post(
    '/api/v1/payments/:id/reverse',
    {
      schema: {
        tags: ['billing'],
        summary: 'Reverse a payment with a new opposite entry (branch supervisor)',
        params: z.object({ id: z.coerce.number().int() }),
        body: z.object({ reason: z.string().max(300) }),
        response: {
          200: z.object({ reversalId: z.number().int(), balances: Balances }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => reversePayment(deps, requireActor(req), req.params.id, req.body.reason),
  );
};
