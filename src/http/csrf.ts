// Cross-site request forgery: a request that changes data must come from our own pages.
//  1. A browser tells where a request comes from (Sec-Fetch-Site, Origin): anything but our own
//     origin is refused, logged in or not (so no login either from another site).
//  2. A request carrying the session cookie must also carry X-Lindung-Client, a header no HTML form
//     can send and no other site may add without a CORS preflight, which we never grant.
// Bearer-token clients (scripts, integrations) hold no cookie a third party could ride on: exempt.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './auth.ts';

export const CLIENT_HEADER = 'x-lindung-client';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(req: FastifyRequest, origin: string, allowedOrigins: readonly string[]): boolean {
  if (allowedOrigins.includes(origin)) return true;
  try {
    // The host only (behind a TLS-terminating proxy the scheme we see is not the browser's),
    // read with the origin's scheme so that a default port written out (:80, :443) is the same.
    const from = new URL(origin);
    return from.host === new URL(`${from.protocol}//${req.host}`).host;
  } catch {
    return false;
  }
}

/** An onRequest hook refusing cross-site state changes (CROSS_SITE_REFUSED, 403). */
export function csrfGuard(allowedOrigins: readonly string[]) {
  return async (req: FastifyRequest): Promise<void> => {
    if (SAFE_METHODS.has(req.method)) return;
    if (req.headers.authorization?.startsWith('Bearer ')) return;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new AppError('CROSS_SITE_REFUSED');
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(req, origin, allowedOrigins))
      throw new AppError('CROSS_SITE_REFUSED');
    if (req.cookies[SESSION_COOKIE] !== undefined && !req.headers[CLIENT_HEADER]) {
      throw new AppError('CROSS_SITE_REFUSED');
    }
  };
}

/** The origins besides the server's own host that may send requests (LINDUNG_PUBLIC_URL's). */
export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    return env.LINDUNG_PUBLIC_URL ? [new URL(env.LINDUNG_PUBLIC_URL).origin] : [];
  } catch {
    return [];
  }
}
