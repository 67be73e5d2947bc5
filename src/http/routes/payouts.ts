import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import {
  approvePayoutBatch,
  BANK_FILE_FORMATS,
  createPayoutBatch,
  exportPayoutBatch,
  getPayoutBatch,
  importBankResult,
  listPayoutBatches,
  markPayoutBatchSent,
} from '../../services/payouts/index.ts';
import { requireActor } from '../auth.ts';
import { uploadFileName } from '../input-guard.ts';
import { errors } from '../schemas.ts';

const RESULT_LIMIT_BYTES = 5 * 1024 * 1024;
const BatchId = z.object({ id: z.coerce.number().int().positive() });
const BatchStatus = z.enum(['draft', 'approved', 'exported', 'reconciled']);
const BatchSummary = z
  .object({
    id: z.number().int(),
    number: z.string(),
    regencyCode: z.string(),
    status: BatchStatus,
    count: z.number().int(),
    totalRp: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    exportedAt: z.string().nullable(),
    reconciledAt: z.string().nullable(),
  })
  .meta({ id: 'PayoutBatch' });
const Payout = z
  .object({
    id: z.number().int(),
    claimId: z.number().int(),
    claimNumber: z.string(),
    program: z.string(),
    amountRp: z.number().int(),
    bankCode: z.string(),
    bankAccount: z.string().describe('masked for roles that do not pay people'),
    accountHolder: z.string(),
    status: z.enum(['pending', 'exported', 'paid', 'failed', 'returned']),
    paidOn: z.string().nullable(),
    failedOn: z.string().nullable(),
    returnedOn: z.string().nullable(),
    bankReference: z.string().nullable(),
  })
  .meta({ id: 'Payout' });
const BankFileParams = {
  format: z
    .enum(BANK_FILE_FORMATS)
    .default('csv')
    .describe('csv: the generic layout; mandiri-mcm: Bank Mandiri MCM bulk transfer (docs/payouts.md)'),
  debitAccount: z.string().max(40).optional().describe('mandiri-mcm: the fund account to debit, digits'),
  date: z.string().optional().describe('mandiri-mcm: transfer instruction date YYYY-MM-DD, today by default'),
};
const Created = z.object({
  id: z.number().int(),
  number: z.string(),
  count: z.number().int(),
  totalRp: z.number().int(),
});

function sendCsv(
  reply: FastifyReply,
  file: { fileName: string; body: Buffer; sha256: string; instructionDate?: string | null },
) {
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('cache-control', 'no-store');
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  reply.header('x-content-sha256', file.sha256);
  // The date a Mandiri MCM header carries, to name the same file in the "sent" step another day.
  if (file.instructionDate) reply.header('x-instruction-date', file.instructionDate);
  return reply.send(file.body);
}

export const payoutRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // The bank's result file arrives as the raw CSV bytes (layout in docs/payouts.md).
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: RESULT_LIMIT_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/payout-batches',
    {
      schema: {
        tags: ['payouts'],
        summary: 'Make a draft payout batch of approved claims (all of the regency’s, or the ones listed)',
        body: z.object({
          regencyCode: z.string(),
          claimIds: z.array(z.number().int().positive()).min(1).max(5000).optional(),
        }),
        response: {
          201: Created.extend({
            /** Approved claims of Rp 0 that no batch carries (each approved with a stated reason). */
            approvedWithoutAmount: z.array(z.string()),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await createPayoutBatch(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/payout-batches',
    {
      schema: {
        tags: ['payouts'],
        summary: 'Payout batches in the caller’s regions, newest first',
        querystring: z.object({
          regency: z.string().optional(),
          status: BatchStatus.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ batches: z.array(BatchSummary) }), ...errors(401, 403) },
      },
    },
    async (req) =>
      listPayoutBatches(deps, requireActor(req), {
        regencyCode: req.query.regency ?? null,
        status: req.query.status ?? null,
        limit: req.query.limit,
      }),
  );

  app.get(
    '/api/v1/payout-batches/:id',
    {
      schema: {
        tags: ['payouts'],
        summary: 'A payout batch with its payouts',
        params: BatchId,
        response: {
          200: z.object({
            batch: BatchSummary.extend({
              declaredCount: z.number().int().nullable(),
              declaredTotalRp: z.number().int().nullable(),
              exportFileName: z.string().nullable(),
              exportedBy: z.string().nullable(),
            }),
            payouts: z.array(Payout),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => getPayoutBatch(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/payout-batches/:id/approve',
    {
      schema: {
        tags: ['payouts'],
        summary:
          'Approve a draft batch (branch supervisor, not its maker) declaring the count and total checked',
        params: BatchId,
        body: z.object({ declaredCount: z.number().int().min(0), declaredTotalRp: z.number().int().min(0) }),
        response: {
          200: Created.extend({ status: z.literal('approved') }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => approvePayoutBatch(deps, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/payout-batches/:id/export',
    {
      schema: {
        tags: ['payouts'],
        summary:
          'Download the bank transfer file of an approved batch (audited); it does not mark the batch sent. After sending, the file sent',
        params: BatchId,
        querystring: z.strictObject(BankFileParams),
        response: errors(400, 401, 403, 404, 409, 422),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const file = await exportPayoutBatch(deps, requireActor(req), req.params.id, {
        format: q.format,
        ...(q.debitAccount === undefined ? {} : { debitAccount: q.debitAccount }),
        ...(q.date === undefined ? {} : { instructionDate: q.date }),
      });
      return sendCsv(reply, file);
    },
  );

  app.post(
    '/api/v1/payout-batches/:id/sent',
    {
      schema: {
        tags: ['payouts'],
        summary:
          'Mark an approved batch sent to the bank, naming the downloaded file by its SHA-256 and the same format and parameters (audited)',
        params: BatchId,
        body: z.strictObject({
          ...BankFileParams,
          sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
        }),
        response: {
          200: z.object({
            id: z.number().int(),
            number: z.string(),
            status: z.literal('exported'),
            fileName: z.string(),
            sha256: z.string(),
          }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => {
      const b = req.body;
      return markPayoutBatchSent(deps, requireActor(req), req.params.id, {
        format: b.format,
        sha256: b.sha256,
        ...(b.debitAccount === undefined ? {} : { debitAccount: b.debitAccount }),
        ...(b.date === undefined ? {} : { instructionDate: b.date }),
      });
    },
  );

  app.post(
    '/api/v1/payout-batches/:id/result',
    {
      bodyLimit: RESULT_LIMIT_BYTES,
      schema: {
        tags: ['payouts'],
        summary:
          'Upload the bank’s result CSV (raw bytes, Content-Type text/csv): paid, failed, returned; a bad file is refused whole',
        params: BatchId,
        headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
        response: {
          200: z.object({
            paid: z.number().int(),
            failed: z.number().int(),
            returned: z.number().int(),
            unchanged: z.number().int(),
            batchStatus: BatchStatus,
            replayed: z.boolean(),
          }),
          ...errors(400, 401, 403, 404, 409, 413, 422),
        },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      return importBankResult(deps, requireActor(req), req.params.id, {
        fileName: uploadFileName(req, 'result.csv'),
        bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
      });
    },
  );
};
