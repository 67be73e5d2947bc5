import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { publicBaseUrl as defaultPublicBaseUrl } from '../../services/public-url.ts';
import { issueActivationCode } from '../../services/self-service/activation-code.ts';
import { activationLetterPdf } from '../../services/self-service/activation-letter.ts';
import { myClaim, myClaims } from '../../services/self-service/my-claims.ts';
import { myContributions } from '../../services/self-service/my-contributions.ts';
import { myCoverage } from '../../services/self-service/my-coverage.ts';
import { myJht } from '../../services/self-service/my-jht.ts';
import { myCardPdf, myMembership } from '../../services/self-service/my-membership.ts';
import { setPasswordWithCode } from '../../services/self-service/set-password-with-code.ts';
import { requireActor, setSessionCookie } from '../auth.ts';
import { Coded, errors } from '../schemas.ts';
import { UserBody } from './auth.ts';

const PDF = 'application/pdf';
const Id = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const Membership = z
  .object({
    kpj: z.string(),
    kpjFormatted: z.string(),
    fullName: z.string(),
    segment: z.string(),
    segmentName: z.string(),
    programs: z.array(z.object({ code: z.string(), name: z.string() })),
    fundingSource: z.string(),
    funding: z.string(),
    fundingEn: z.string(),
    status: z.string(),
    statusSince: z.string(),
    regionCode: z.string(),
    villageName: z.string(),
    regencyName: z.string(),
  })
  .meta({ id: 'MyMembership' });

/** Covered periods and the status history they come from (also on the staff's participant page). */
export const CoverageHistory = {
  periods: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  history: z.array(z.object({ status: z.string(), effectiveDate: z.string(), reason: z.string() })),
};

const Coverage = z
  .object({ status: z.string(), statusSince: z.string(), ...CoverageHistory })
  .meta({ id: 'MyCoverage' });

export const Contributions = z
  .object({
    totals: z.object({ billedRp: z.number().int(), paidRp: z.number().int(), unpaidRp: z.number().int() }),
    lines: z.array(
      z.object({
        period: z.string(),
        program: z.string(),
        payerRole: z.string(),
        kind: z.string(),
        amountRp: z.number().int(),
        invoiceNumber: z.string(),
        payerName: z.string(),
        dueDate: z.string(),
        invoiceState: z.enum(['paid', 'partial', 'unpaid']),
        paidOn: z.string().nullable(),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'MyContributions' });

const MyClaimFields = {
  id: z.number().int(),
  number: z.string(),
  program: z.string(),
  kind: z.string(),
  status: z.string(),
  eventDate: z.string(),
  filedAt: z.string(),
  updatedAt: z.string(),
  refusalCode: z.string().nullable(),
  refusal: Coded.nullable().describe('The refusal reason in words; null unless refused'),
  amountRp: z.number().int().nullable(),
  bankCode: z.string(),
  bankName: z.string().describe('The bank’s name, for the member (bankCode is the transfer code)'),
  bankAccountMasked: z.string(),
  channel: z.string(),
};
export const MyClaim = z.object(MyClaimFields).meta({ id: 'MyClaim' });
const MyClaimDetail = z
  .object({
    ...MyClaimFields,
    events: z.array(
      z.object({
        action: z.string(),
        toStatus: z.string(),
        reasonCode: z.string().nullable(),
        reason: Coded.nullable().describe('The reason of a refusing step in words'),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'MyClaimDetail' });

const Jht = z
  .object({
    available: z.boolean(),
    balanceRp: z.number().int().nullable(),
    notYetCreditedRp: z
      .number()
      .int()
      .optional()
      .describe('Part of balanceRp received but not yet credited to the JHT account by the branch'),
    asOf: z.string().nullable(),
    lastEntryOn: z.string().nullable(),
  })
  .meta({ id: 'MyJht' });

export interface MeRouteOptions {
  deps: Deps;
  secureCookies?: boolean;
  /** Base of the card's QR verification URL and of the activation page named on the letter. */
  publicBaseUrl?: string;
}

/** Participant self-service (/api/v1/me/…), account activation, and the branch's activation letters. */
export const meRoutes: FastifyPluginAsyncZod<MeRouteOptions> = async (app, opts) => {
  const { deps } = opts;
  const publicBaseUrl = opts.publicBaseUrl ?? defaultPublicBaseUrl();

  app.post(
    '/api/v1/auth/activate',
    {
      schema: {
        tags: ['auth'],
        summary: 'Participant sets a password with KPJ + the one-time code from the letter; logs in',
        body: z.object({
          kpj: z.string().max(20),
          code: z.string().max(40),
          password: z.string().max(256),
        }),
        response: { 200: z.object({ user: UserBody }), ...errors(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const s = await setPasswordWithCode(deps, req.body, req.ip);
      setSessionCookie(reply, s.token, s.expiresAt, opts.secureCookies ?? false);
      const a = s.actor;
      return {
        user: {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          scope: a.scope,
          homeRegion: a.homeRegion,
          permissions: [...a.permissions],
        },
      };
    },
  );

  app.post(
    '/api/v1/participants/:id/activation-code',
    {
      schema: {
        tags: ['participants'],
        summary: 'Issue a new one-time activation code (shown once; revokes the previous code)',
        params: Id,
        response: {
          201: z.object({
            participantId: z.number().int(),
            kpj: z.string(),
            code: z.string(),
            expiresAt: z.string(),
            accountCreated: z.boolean(),
          }),
          ...errors(401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const issued = await issueActivationCode(deps, requireActor(req), req.params.id);
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/api/v1/participants/:id/activation-letter',
    {
      schema: {
        tags: ['participants'],
        summary: 'Card letter (A4 PDF): the card and a new one-time activation code',
        params: Id,
      },
    },
    async (req, reply) => {
      const r = await activationLetterPdf(deps, requireActor(req), req.params.id, { publicBaseUrl });
      reply.header('content-type', PDF);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="surat-aktivasi-${r.kpj}.pdf"`);
      return reply.send(r.pdf);
    },
  );

  app.get(
    '/api/v1/me/membership',
    {
      schema: {
        tags: ['self-service'],
        summary: 'My membership: card data, programmes, status',
        response: { 200: Membership, ...errors(401, 403, 404) },
      },
    },
    async (req) => myMembership(deps, requireActor(req)),
  );

  app.get(
    '/api/v1/me/card.pdf',
    { schema: { tags: ['self-service'], summary: 'My membership card (PDF; active members)' } },
    async (req, reply) => {
      const r = await myCardPdf(deps, requireActor(req), { publicBaseUrl });
      reply.header('content-type', PDF);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="kartu-peserta-${r.kpj}.pdf"`);
      return reply.send(r.pdf);
    },
  );

  app.get(
    '/api/v1/me/coverage',
    {
      schema: {
        tags: ['self-service'],
        summary: 'My coverage periods and status history',
        response: { 200: Coverage, ...errors(401, 403, 404) },
      },
    },
    async (req) => myCoverage(deps, requireActor(req)),
  );

  app.get(
    '/api/v1/me/contributions',
    {
      schema: {
        tags: ['self-service'],
        summary: 'My contribution history: invoice lines with the state of their invoice',
        response: { 200: Contributions, ...errors(401, 403, 404) },
      },
    },
    async (req) => myContributions(deps, requireActor(req)),
  );

  app.get(
    '/api/v1/me/jht',
    {
      schema: {
        tags: ['self-service'],
        summary: 'My JHT balance today (WITA) from the JHT account entries',
        response: { 200: Jht, ...errors(401, 403, 404) },
      },
    },
    async (req) => myJht(deps, requireActor(req)),
  );

  app.get(
    '/api/v1/me/claims',
    {
      schema: {
        tags: ['self-service'],
        summary: 'My claims and their status (bank account masked)',
        response: { 200: z.object({ claims: z.array(MyClaim) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => myClaims(deps, requireActor(req)),
  );

  app.get(
    '/api/v1/me/claims/:id',
    {
      schema: {
        tags: ['self-service'],
        summary:
          'One of my claims with its steps (one per change of status); another participant’s claim is 404',
        params: Id,
        response: { 200: MyClaimDetail, ...errors(401, 403, 404) },
      },
    },
    async (req) => myClaim(deps, requireActor(req), req.params.id),
  );
};
