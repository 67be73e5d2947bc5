import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { listAudit } from '../../services/list-audit.ts';
import { requirePermission } from '../auth.ts';
import { errors, NextCursor, PageQuery } from '../schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries in the caller’s scope, newest first, a page at a time (admin, auditor)',
        querystring: z.object(PageQuery),
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
            nextCursor: NextCursor,
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'audit.read');
      return listAudit(deps, actor, { limit: req.query.limit, cursor: req.query.cursor ?? null });
    },
  );
};
