import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../services/actor.ts';
import { showRegion } from '../../services/show-region.ts';
import { requirePermission } from '../auth.ts';
import { errors } from '../schemas.ts';

const Level = z.enum(['province', 'regency', 'district', 'village']);
const Counts = z.object({ districts: z.number().int(), desa: z.number().int(), kelurahan: z.number().int() });
const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    level: Level,
    kind: z.enum(['desa', 'kelurahan']).nullable(),
    parentCode: z.string().nullable(),
    counts: Counts,
  })
  .meta({ id: 'Region' });

export const regionRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'A region (Kemendagri code) with its children and counts of kecamatan, desa, kelurahan',
        params: z.object({
          code: z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'a code like 53.04'),
        }),
        response: {
          200: z.object({
            region: Region,
            children: z.array(Region),
            ancestors: z.array(z.object({ code: z.string(), name: z.string(), level: Level })),
          }),
          ...errors(400, 401, 404),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'regions.read');
      const r = await showRegion(deps, actor, req.params.code);
      return { ...r, ancestors: r.ancestors.map(({ code, name, level }) => ({ code, name, level })) };
    },
  );
};
