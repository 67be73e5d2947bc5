import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CATALOG, type ErrorCode, formatMessage, isAppError } from '../errors.ts';
import { requestLang } from './lang.ts';

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = requestLang(req);
  const body: { error: { code: ErrorCode; message: string; details?: unknown } } = {
    error: { code: err.code, message: err.localized(lang) },
  };
  if (err.details !== undefined) body.error.details = err.details;
  return reply.status(ERROR_CATALOG[err.code].status).send(body);
}

function validationDetail(err: FastifyError): string {
  const issues = (err.validation ?? []) as { instancePath?: string; message?: string; params?: unknown }[];
  return issues
    .map((i) => {
      const path = (i.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      return `${path || err.validationContext || 'input'}: ${i.message ?? 'invalid'}`;
    })
    .join('; ');
}

/** Every failure leaves as { error: { code, message } } with a catalog code. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) return sendError(req, reply, err);
  if (hasZodFastifySchemaValidationErrors(err) || err.validation) {
    return sendError(req, reply, new AppError('VALIDATION_FAILED', { detail: validationDetail(err) }));
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(req, reply, new AppError('BODY_TOO_LARGE'));
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return sendError(req, reply, new AppError('VALIDATION_FAILED', { detail: err.message }));
  }
  if (err.statusCode === 400) {
    return sendError(req, reply, new AppError('VALIDATION_FAILED', { detail: 'malformed request body' }));
  }
  req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'unhandled error');
  const lang = requestLang(req);
  return reply.status(500).send({ error: { code: 'INTERNAL', message: formatMessage('INTERNAL', lang) } });
}

/** Fastify's own refusals before a route is found (a URL that does not decode): the catalog format. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  return sendError(req, reply, new AppError('VALIDATION_FAILED', { detail: err.message }));
}

/**
 * A request Node's parser refuses (headers too large, a broken request line) never reaches
 * Fastify: answer on the socket itself, still as { error: { code, message } } (in Indonesian, the
 * default, as there are no request headers to read a language from).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const error =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE')
      : new AppError('VALIDATION_FAILED', { detail: 'malformed HTTP request' });
  const status = ERROR_CATALOG[error.code].status;
  const body = JSON.stringify({ error: { code: error.code, message: error.localized('id') } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
