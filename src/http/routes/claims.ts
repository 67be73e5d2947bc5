import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { Deps } from '../../services/actor.ts';
import {
  addClaimDocument,
  appealClaim,
  CLAIM_KINDS,
  claimReasons,
  DOCUMENT_LIMIT_BYTES,
  DOCUMENT_TYPES,
  decideClaim,
  fileClaim,
  findForIntake,
  getClaim,
  getClaimDocument,
  listClaims,
  submitClaim,
} from '../../services/claims/index.ts';
import { DecisionInput, FileClaimInput } from '../../services/claims/schemas.ts';
import { requireActor } from '../auth.ts';
import { errorHandler, sendError } from '../errors.ts';
import { ErrorBody, errors, NextCursor, PageQuery } from '../schemas.ts';
import { ClaimDetail, ClaimKinds, ClaimStep, ClaimView, IntakeMatches } from './claims-schemas.ts';

const ClaimId = z.object({ id: z.coerce.number().int().positive() });
const RAW_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'];
/** Room for the 10 MB file as base64 JSON; anything larger is refused before it is read. */
const UPLOAD_BODY_LIMIT = Math.ceil((DOCUMENT_LIMIT_BYTES * 4) / 3) + 4096;

/** An upload over the body limit is the document limit to the caller, not a generic error. */
function uploadErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return sendError(
      req,
      reply,
      new AppError('DOCUMENT_TOO_LARGE', { limitMb: DOCUMENT_LIMIT_BYTES / 1024 / 1024 }),
    );
  }
  return errorHandler(err, req, reply);
}

const Base64Upload = z.object({
  docType: z.string().min(1).max(40),
  fileName: z.string().max(200).default(''),
  contentBase64: z.string().min(1),
});

export const claimRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // Documents arrive as the raw file bytes (a browser sends the File object as the body).
  app.addContentTypeParser(
    RAW_TYPES,
    { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/claim-reasons',
    {
      schema: {
        tags: ['claims'],
        summary: 'The catalog of coded claim refusal reasons (rules and checker), in id and en',
        response: {
          200: z.object({
            reasons: z.array(
              z.object({ code: z.string(), source: z.string(), id: z.string(), en: z.string() }),
            ),
          }),
          ...errors(401),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return { reasons: claimReasons() };
    },
  );

  app.get(
    '/api/v1/claim-kinds',
    {
      schema: {
        tags: ['claims'],
        summary: 'Claim kinds per programme with their required documents',
        response: { 200: ClaimKinds, ...errors(401) },
      },
    },
    async (req) => {
      requireActor(req);
      return { kinds: CLAIM_KINDS, documentTypes: DOCUMENT_TYPES };
    },
  );

  app.get(
    '/api/v1/claim-intake',
    {
      schema: {
        tags: ['claims'],
        summary:
          'Claim intake: participants in scope by NIK, KPJ (digits: exact) or name, each with the person’s earlier claims and standing refusals (masked as the participant list)',
        querystring: z.strictObject({ q: z.string().trim().min(3).max(100) }),
        response: { 200: IntakeMatches, ...errors(400, 401, 403) },
      },
    },
    async (req) => findForIntake(deps, requireActor(req), req.query.q),
  );

  app.post(
    '/api/v1/claims',
    {
      schema: {
        tags: ['claims'],
        summary:
          'File a claim (branch officer, or a participant for themself); refused claims are stored as rejected',
        body: FileClaimInput,
        response: { 201: ClaimStep, ...errors(400, 401, 403, 404, 409, 422) },
        description:
          'A claim the rules refused before for the same participant, programme and reason that still holds is not filed again: 409 CLAIM_ALREADY_REFUSED names it.',
      },
    },
    async (req, reply) => reply.status(201).send(await fileClaim(deps, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/claims',
    {
      schema: {
        tags: ['claims'],
        summary: 'The claim queue in scope, oldest SLA due first; overdue = open past the due date (WITA)',
        querystring: z.object({
          status: z
            .enum(['filed', 'submitted', 'approved', 'rejected', 'appealed', 'batched', 'paid'])
            .optional(),
          program: z.enum(['JKM', 'JKK', 'JHT', 'JP', 'JKP']).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          ...PageQuery,
        }),
        response: {
          200: z.object({
            total: z.number().int().describe('Claims the filter finds, all pages together'),
            nextCursor: NextCursor,
            claims: z.array(ClaimView),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const q = req.query;
      return listClaims(deps, requireActor(req), {
        ...(q.status ? { status: q.status } : {}),
        ...(q.program ? { program: q.program } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
        limit: q.limit,
        cursor: q.cursor ?? null,
      });
    },
  );

  app.get(
    '/api/v1/claims/:id',
    {
      schema: {
        tags: ['claims'],
        summary: 'One claim with its checklist, documents, events and explanation',
        params: ClaimId,
        response: { 200: ClaimDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => getClaim(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/claims/:id/documents',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      errorHandler: uploadErrors,
      schema: {
        tags: ['claims'],
        summary:
          'Upload a document: raw PDF/JPEG/PNG bytes with ?docType= and X-File-Name, or JSON { docType, fileName, contentBase64 }; max 10 MB',
        params: ClaimId,
        querystring: z.object({ docType: z.string().max(40).optional() }),
        headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
        response: {
          201: z.object({
            id: z.number().int(),
            sha256: z.string(),
            mediaType: z.string(),
            missing: z.array(z.string()),
            slaDueAt: z.string().nullable(),
          }),
          ...errors(400, 401, 403, 404, 409, 413, 422),
          415: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      let input: { docType: string; fileName: string; bytes: Buffer };
      if (Buffer.isBuffer(req.body)) {
        if (!req.query.docType) throw new AppError('VALIDATION_FAILED', { detail: 'docType: required' });
        input = { docType: req.query.docType, fileName: req.headers['x-file-name'] ?? '', bytes: req.body };
      } else {
        const b = Base64Upload.safeParse(req.body);
        if (!b.success)
          throw new AppError('VALIDATION_FAILED', { detail: 'docType, fileName, contentBase64' });
        input = {
          docType: b.data.docType,
          fileName: b.data.fileName,
          bytes: Buffer.from(b.data.contentBase64, 'base64'),
        };
      }
      return reply.status(201).send(await addClaimDocument(deps, actor, req.params.id, input));
    },
  );

  app.get(
    '/api/v1/claims/:id/documents/:docId',
    {
      schema: {
        tags: ['claims'],
        summary: 'Download a claim document (within the claim’s scope only)',
        params: z.object({
          id: z.coerce.number().int().positive(),
          docId: z.coerce.number().int().positive(),
        }),
      },
    },
    async (req, reply) => {
      const doc = await getClaimDocument(deps, requireActor(req), req.params.id, req.params.docId);
      reply.header('content-type', doc.mediaType);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', `attachment; filename="${doc.fileName.replace(/[^\w.-]/g, '_')}"`);
      return reply.send(doc.bytes);
    },
  );

  app.post(
    '/api/v1/claims/:id/submit',
    {
      schema: {
        tags: ['claims'],
        summary: 'Maker submits: documents complete, the rules compute the benefit',
        params: ClaimId,
        response: { 200: ClaimStep, ...errors(401, 403, 404, 409, 422) },
      },
    },
    async (req) => submitClaim(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/claims/:id/decision',
    {
      schema: {
        tags: ['claims'],
        summary: 'Checker approves or rejects with a reason code from /claim-reasons (not the maker)',
        params: ClaimId,
        body: DecisionInput,
        response: { 200: ClaimStep, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => decideClaim(deps, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/claims/:id/appeal',
    {
      schema: {
        tags: ['claims'],
        summary: 'Appeal a rejected claim; a second checker (not the first) decides',
        params: ClaimId,
        body: z.object({ note: z.string().trim().min(1).max(1000) }),
        response: { 200: ClaimStep, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => appealClaim(deps, requireActor(req), req.params.id, req.body),
  );
};
