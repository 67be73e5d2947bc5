import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listAudit } from '../../services/list-audit.ts';
import { requirePermission } from '../auth.ts';
import { errors } from '../schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Latest audit entries in the caller’s scope (admin, auditor)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                id: z.number().int(),
                at: z.string(),
                actor: z.string(),
                action: z.string(),
                entity: z.string(),
                entityId: z.string().nullable(),
                regionCode: z.string().nullable(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'audit.read');
      return { entries: await listAudit(deps, actor, req.query.limit) };
    },
  );
};
