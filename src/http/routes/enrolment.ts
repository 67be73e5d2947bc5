import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VillageCode } from '../../contracts/fields.ts';
import { activateEnrolmentBatch } from '../../services/activate-enrolment-batch.ts';
import type { Deps } from '../../services/actor.ts';
import { batchBudgetCheck } from '../../services/budget-check.ts';
import { ENROLMENT_FILE_LIMIT_BYTES, enrolmentTemplate } from '../../services/enrolment-file.ts';
import { rejectEnrolmentBatch } from '../../services/reject-enrolment-batch.ts';
import {
  enrolmentBatchReport,
  listEnrolmentBatches,
  showEnrolmentBatch,
} from '../../services/show-enrolment-batch.ts';
import { submitEnrolmentBatch } from '../../services/submit-enrolment-batch.ts';
import { uploadEnrolment } from '../../services/upload-enrolment.ts';
import { verifyEnrolmentBatch } from '../../services/verify-enrolment-batch.ts';
import { requireActor } from '../auth.ts';
import { uploadFileName } from '../input-guard.ts';
import { requestLang } from '../lang.ts';
import { errors } from '../schemas.ts';
import { BudgetWarning } from './agreement-schemas.ts';
import { Batch, BatchBudgetCheck, RowReport } from './enrolment-schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BatchId = z.object({ id: z.coerce.number().int().positive() });

export const enrolmentRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Uploads arrive as the raw file bytes; a browser sends the File object as the body.
  app.addContentTypeParser(
    ['application/octet-stream', XLSX, 'text/csv', 'application/vnd.ms-excel'],
    { parseAs: 'buffer', bodyLimit: ENROLMENT_FILE_LIMIT_BYTES + 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/enrolment/template.:format',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'The enrolment spreadsheet template (xlsx or csv)',
        params: z.object({ format: z.enum(['xlsx', 'csv']) }),
      },
    },
    async (req, reply) => {
      requireActor(req);
      const { format } = req.params;
      reply.header('content-type', format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8');
      reply.header(
        'content-disposition',
        `attachment; filename="templat-pendaftaran-pekerja-rentan.${format}"`,
      );
      return reply.send(await enrolmentTemplate(format));
    },
  );

  app.post(
    '/api/v1/enrolment/uploads',
    {
      config: { longRunning: true },
      bodyLimit: ENROLMENT_FILE_LIMIT_BYTES + 1024,
      schema: {
        tags: ['enrolment'],
        summary: 'Upload an enrolment file (raw XLSX or CSV bytes) for a village; validated row by row',
        querystring: z.object({
          village: VillageCode,
          dryRun: z.enum(['true', 'false']).default('false'),
          fundingSource: z.enum(['APBDES', 'APBD']).default('APBDES'),
        }),
        headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
        response: {
          201: z.object({
            batch: Batch,
            upload: z.object({
              id: z.number().int(),
              fileName: z.string(),
              rows: z.number().int(),
              valid: z.number().int(),
              invalid: z.number().int(),
              kept: z.number().int(),
              warnings: z.number().int(),
            }),
            problems: z.array(RowReport),
            dryRun: z.boolean(),
          }),
          ...errors(400, 401, 403, 404, 409, 413),
        },
      },
    },
    async (req, reply) => {
      const body = req.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const result = await uploadEnrolment(deps, requireActor(req), {
        villageCode: req.query.village,
        fileName: uploadFileName(req, 'upload'),
        bytes,
        dryRun: req.query.dryRun === 'true',
        fundingSource: req.query.fundingSource,
        lang: requestLang(req),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/enrolment/batches',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Enrolment batches in the caller’s scope',
        querystring: z.object({
          status: z.enum(['draft', 'submitted', 'verified', 'activated', 'rejected']).optional(),
        }),
        response: { 200: z.object({ batches: z.array(Batch) }), ...errors(401, 403) },
      },
    },
    async (req) => listEnrolmentBatches(deps, requireActor(req), req.query.status ?? null),
  );

  app.get(
    '/api/v1/enrolment/batches/:id',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'A batch with its rows, errors and warnings',
        params: BatchId,
        response: {
          200: z.object({
            batch: Batch,
            rows: z.array(RowReport),
            personalDataInFull: z
              .boolean()
              .describe('NIK and names are shown in full, and this view was written to the audit log'),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => showEnrolmentBatch(deps, requireActor(req), req.params.id, requestLang(req)),
  );

  app.get(
    '/api/v1/enrolment/batches/:id/report.xlsx',
    { schema: { tags: ['enrolment'], summary: 'The row-by-row report as XLSX', params: BatchId } },
    async (req, reply) => {
      const file = await enrolmentBatchReport(deps, requireActor(req), req.params.id);
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename="laporan-batch-${req.params.id}.xlsx"`);
      return reply.send(file);
    },
  );

  const step = (path: string, summary: string, run: typeof submitEnrolmentBatch) =>
    app.post(
      `/api/v1/enrolment/batches/:id/${path}`,
      {
        schema: {
          tags: ['enrolment'],
          summary,
          params: BatchId,
          response: { 200: z.object({ batch: Batch }), ...errors(401, 403, 404, 409, 422) },
        },
      },
      async (req) => run(deps, requireActor(req), req.params.id),
    );
  step('submit', 'Village operator submits the batch', submitEnrolmentBatch);

  app.get(
    '/api/v1/enrolment/batches/:id/budget-check',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'What verifying the batch does to its payer’s budget and quota this fiscal year (with warnings)',
        params: BatchId,
        response: { 200: BatchBudgetCheck, ...errors(401, 403, 404) },
      },
    },
    async (req) => batchBudgetCheck(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/enrolment/batches/:id/verify',
    {
      schema: {
        tags: ['enrolment'],
        summary:
          'District officer verifies the batch against the regency rules; budget/quota warnings must be acknowledged (409 BUDGET_WARNING_UNACKNOWLEDGED)',
        params: BatchId,
        body: z.object({ acknowledgeWarnings: z.boolean().optional() }).nullish(),
        response: {
          200: z.object({ batch: Batch, warnings: z.array(BudgetWarning) }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) =>
      verifyEnrolmentBatch(deps, requireActor(req), req.params.id, {
        acknowledgeWarnings: req.body?.acknowledgeWarnings === true,
      }),
  );

  app.post(
    '/api/v1/enrolment/batches/:id/activate',
    {
      config: { longRunning: true },
      schema: {
        tags: ['enrolment'],
        summary: 'Branch officer activates the batch: participants with KPJ numbers',
        params: BatchId,
        response: {
          200: z.object({ batch: Batch, participantsCreated: z.number().int() }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    async (req) => activateEnrolmentBatch(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/enrolment/batches/:id/reject',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'District (submitted) or branch (verified) refuses the batch with a reason',
        params: BatchId,
        body: z.object({ reason: z.string().max(500) }),
        response: { 200: z.object({ batch: Batch }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => rejectEnrolmentBatch(deps, requireActor(req), req.params.id, req.body.reason),
  );
};
