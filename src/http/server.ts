import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import type { Deps } from '../services/actor.ts';
import { runInRequestScope } from '../services/request-scope.ts';
import { identify } from './auth.ts';
import { allowedOriginsFromEnv, csrfGuard } from './csrf.ts';
import { clientErrorHandler, errorHandler, frameworkErrors, sendError } from './errors.ts';
import { inputGuard } from './input-guard.ts';
import { DEFAULT_RATE_PER_MINUTE, registerRateLimits } from './rate-limits.ts';
import { agreementRoutes } from './routes/agreements.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { billingRoutes } from './routes/billing.ts';
import { billingExportRoutes } from './routes/billing-exports.ts';
import { bpuRoutes } from './routes/bpu.ts';
import { budgetRenewalRoutes } from './routes/budget-renewals.ts';
import { calculationRoutes } from './routes/calculations.ts';
import { cardRoutes } from './routes/cards.ts';
import { catalogRoutes } from './routes/catalogs.ts';
import { claimRoutes } from './routes/claims.ts';
import { employerRoutes } from './routes/employers.ts';
import { enrolmentRoutes } from './routes/enrolment.ts';
import { enrolmentPolicyRoutes } from './routes/enrolment-policy.ts';
import { enrolmentRowRoutes } from './routes/enrolment-rows.ts';
import { healthRoutes } from './routes/health.ts';
import { homeRoutes } from './routes/home.ts';
import { jhtRoutes } from './routes/jht.ts';
import { meRoutes } from './routes/me.ts';
import { membershipChangeRoutes } from './routes/membership-changes.ts';
import { membershipRoutes } from './routes/memberships.ts';
import { nationalRoutes } from './routes/national.ts';
import { participantRoutes } from './routes/participants.ts';
import { payoutRoutes } from './routes/payouts.ts';
import { periodRoutes } from './routes/periods.ts';
import { personCorrectionRoutes } from './routes/person-corrections.ts';
import { pmiRoutes } from './routes/pmi.ts';
import { projectRoutes } from './routes/projects.ts';
import { publicVerifyRoutes } from './routes/public-verify.ts';
import { regionRoutes } from './routes/regions.ts';
import { reportRoutes } from './routes/reports.ts';
import { systemRoutes } from './routes/system.ts';
import { userRoutes } from './routes/users.ts';
import { hstsFromEnv, registerSecurityHeaders } from './security-headers.ts';
import { sendWebPage } from './web-page.ts';

export interface ServerOptions {
  deps: Deps;
  /** Built web UI (web/dist); served at / when present. */
  webDir?: string;
  bodyLimitBytes?: number;
  secureCookies?: boolean;
  logLevel?: string;
  /**
   * Proxies whose X-Forwarded-For is believed for the client address (login throttle, rate
   * limits): addresses or CIDRs. Default: env LINDUNG_TRUSTED_PROXIES (comma-separated), else none.
   */
  trustedProxies?: string[];
  /** Public card verification: requests per client address per minute (default 30), kept in the database. */
  verifyRatePerMinute?: number;
  /** Requests per client address per minute on any route (default 3000; LINDUNG_RATE_LIMIT_PER_MINUTE). */
  ratePerMinute?: number;
  /** Strict-Transport-Security (serve behind HTTPS only); default LINDUNG_HSTS=1. */
  hsts?: boolean;
  /** statement_timeout of an API request's statements on PostgreSQL, ms (default 30 s; 0 = none). */
  statementTimeoutMs?: number;
  /** The same for the bulk routes marked `longRunning` (uploads, imports, billing runs; default 10 min). */
  longStatementTimeoutMs?: number;
  /** The host `serve` listens on: the admin screen warns when cards would print a loopback address. */
  listenHost?: string;
}

function rateFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LINDUNG_RATE_LIMIT_PER_MINUTE);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_RATE_PER_MINUTE;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A bulk route (a file import, a billing run): the long statement timeout applies. */
    longRunning?: boolean;
  }
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
export const DEFAULT_LONG_STATEMENT_TIMEOUT_MS = 600_000;

/**
 * Every request runs in a scope the database layer reads: its statement timeout, and a signal
 * that fires when the client leaves before the answer is sent, which cancels the running
 * statement on PostgreSQL and keeps queued ones from starting (issue 14, B3).
 */
function addRequestScope(app: FastifyInstance, opts: ServerOptions): void {
  const short = opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const long = opts.longStatementTimeoutMs ?? DEFAULT_LONG_STATEMENT_TIMEOUT_MS;
  app.addHook('onRequest', (req, reply, done) => {
    const controller = new AbortController();
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) controller.abort();
    });
    const statementTimeoutMs = req.routeOptions.config?.longRunning ? long : short;
    runInRequestScope({ signal: controller.signal, statementTimeoutMs }, done);
  });
}

export const DEFAULT_WEB_DIR = join(import.meta.dirname, '..', '..', 'web', 'dist');

/** LINDUNG_TRUSTED_PROXIES=10.0.0.1,192.168.0.0/16 → the list; unset or empty → none. */
export function trustedProxiesFromEnv(value = process.env.LINDUNG_TRUSTED_PROXIES): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { deps } = opts;
  const proxies = opts.trustedProxies ?? trustedProxiesFromEnv();
  const app = Fastify({
    // req.ip is the socket's address unless the request came through a listed proxy.
    trustProxy: proxies.length > 0 ? proxies : false,
    bodyLimit: opts.bodyLimitBytes ?? 1024 * 1024,
    // Request URLs may carry personal data (search terms); we log errors, not requests.
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: opts.logLevel ?? 'warn' },
    // Fastify's own refusals (a bad URL, headers too large, a broken request) in the catalog format.
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await registerSecurityHeaders(app, { hsts: opts.hsts ?? hstsFromEnv() });
  await app.register(fastifyCookie);
  app.addHook('onRequest', csrfGuard(allowedOriginsFromEnv()));
  await registerRateLimits(app, deps, opts.ratePerMinute ?? rateFromEnv());
  app.addHook('preValidation', inputGuard);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lindung API',
        description:
          'Jaminan Sosial Ketenagakerjaan for a district. Errors are { "error": { "code", "message" } } ' +
          'with codes from docs/errors.md; messages follow Accept-Language (id default, en).',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lindung_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  addRequestScope(app, opts);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/v1/')) req.actor = await identify(deps, req);
  });

  await app.register(healthRoutes, { deps });
  await app.register(homeRoutes, { deps });
  await app.register(systemRoutes, { deps, listenHost: opts.listenHost ?? null });
  await app.register(authRoutes, { deps, secureCookies: opts.secureCookies ?? false });
  await app.register(regionRoutes, { deps });
  await app.register(userRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(enrolmentRoutes, { deps });
  await app.register(enrolmentRowRoutes, { deps });
  await app.register(enrolmentPolicyRoutes, { deps });
  await app.register(participantRoutes, { deps });
  await app.register(personCorrectionRoutes, { deps });
  await app.register(membershipChangeRoutes, { deps });
  await app.register(membershipRoutes, { deps });
  await app.register(calculationRoutes, { deps });
  await app.register(employerRoutes, { deps });
  await app.register(projectRoutes, { deps });
  await app.register(pmiRoutes, { deps });
  await app.register(bpuRoutes, { deps });
  await app.register(billingRoutes, { deps });
  await app.register(periodRoutes, { deps });
  await app.register(agreementRoutes, { deps });
  await app.register(budgetRenewalRoutes, { deps });
  await app.register(billingExportRoutes, { deps });
  await app.register(cardRoutes, { deps });
  await app.register(claimRoutes, { deps });
  await app.register(catalogRoutes, { deps });
  await app.register(payoutRoutes, { deps });
  await app.register(jhtRoutes, { deps });
  await app.register(reportRoutes, { deps });
  await app.register(nationalRoutes, { deps });
  await app.register(meRoutes, { deps, secureCookies: opts.secureCookies ?? false });
  await app.register(publicVerifyRoutes, { deps, ratePerMinute: opts.verifyRatePerMinute });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // The build writes .br and .gz beside each asset (web/vite-compress.ts).
      preCompressed: true,
      // `/` is the app's page like every other app path (sendWebPage), not the file as built.
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', webCacheControl(path)),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // The web UI routes in the browser (/wilayah/53.04): every other GET gets its page.
    // A missing asset is a 404, not a page of the app (region codes in page paths have dots too).
    const path = req.url.split('?')[0] ?? '';
    const asset =
      path.startsWith('/assets/') ||
      /\.(js|mjs|css|map|png|svg|ico|json|txt|webmanifest|woff2?)$/i.test(path);
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !asset) {
      return sendWebPage(webDir, req, reply);
    }
    return sendError(req, reply, new AppError('NOT_FOUND'));
  });
  return app;
}

/**
 * Files under /assets carry a content hash in their name (Vite): a phone keeps them for a year
 * and never asks again. Everything else (index.html, which names the current hashes) is checked
 * on every load, so a new release is seen at once.
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
