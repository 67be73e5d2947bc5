import type { FastifyRequest } from 'fastify';
import type { Lang } from '../errors.ts';

/** Bahasa Indonesia unless the client prefers English (Accept-Language). */
export function requestLang(req: FastifyRequest): Lang {
  const header = String(req.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
