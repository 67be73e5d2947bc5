import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VillageCode } from '../../contracts/fields.ts';
import type { Deps } from '../../services/actor.ts';
import { participantCardPdf, villageCardsPdf } from '../../services/membership-card.ts';
import { publicBaseUrl as defaultPublicBaseUrl } from '../../services/public-url.ts';
import { requireActor } from '../auth.ts';

const PDF = 'application/pdf';

export interface CardRouteOptions {
  deps: Deps;
  /** Base of the verification URL in the QR code; default LINDUNG_PUBLIC_URL or localhost. */
  publicBaseUrl?: string;
}

export const cardRoutes: FastifyPluginAsyncZod<CardRouteOptions> = async (app, opts) => {
  const { deps } = opts;
  const publicBaseUrl = opts.publicBaseUrl ?? defaultPublicBaseUrl();

  app.get(
    '/api/v1/participants/:kpj/card.pdf',
    {
      schema: {
        tags: ['participants'],
        summary: 'Membership card of one active participant (PDF, 85.6 × 54 mm); roles that see names only',
        params: z.object({ kpj: z.string().max(20) }),
      },
    },
    async (req, reply) => {
      const pdf = await participantCardPdf(deps, requireActor(req), req.params.kpj, { publicBaseUrl });
      reply.header('content-type', PDF);
      reply.header('cache-control', 'no-store');
      reply.header(
        'content-disposition',
        `attachment; filename="kartu-peserta-${req.params.kpj.replace(/\D/g, '')}.pdf"`,
      );
      return reply.send(pdf);
    },
  );

  app.get(
    '/api/v1/villages/:code/cards.pdf',
    {
      schema: {
        tags: ['participants'],
        summary: 'Cards of every active participant of a village on A4 sheets with cut marks (PDF)',
        params: z.object({
          code: VillageCode,
        }),
      },
    },
    async (req, reply) => {
      const { pdf } = await villageCardsPdf(deps, requireActor(req), req.params.code, { publicBaseUrl });
      reply.header('content-type', PDF);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="kartu-peserta-${req.params.code}.pdf"`);
      return reply.send(pdf);
    },
  );
};
