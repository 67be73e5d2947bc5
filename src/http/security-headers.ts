// Security headers on every answer (@fastify/helmet) and no caching of API answers, which carry
// personal data. The Content-Security-Policy is what the built web app (web/, vite) needs: its own
// scripts and styles, inline style attributes (React and ECharts set them), data: images (the
// favicon, charts), fetch to itself; no frames, no plugins, no other origins.
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /** Send Strict-Transport-Security (only behind HTTPS): LINDUNG_HSTS=1. */
  hsts: boolean;
}

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

export async function registerSecurityHeaders(
  app: FastifyInstance,
  opts: SecurityHeaderOptions,
): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // upgrade-insecure-requests only where HTTPS is promised: a district LAN may serve plain HTTP.
      directives: opts.hsts ? { ...CSP_DIRECTIVES, upgradeInsecureRequests: [] } : CSP_DIRECTIVES,
    },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}

/** LINDUNG_HSTS=1 turns HSTS on. */
export function hstsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.LINDUNG_HSTS === '1';
}
