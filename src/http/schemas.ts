import { z } from 'zod';
import { ERROR_CATALOG } from '../errors.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CATALOG) as [keyof typeof ERROR_CATALOG]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Standard error responses to attach to a route's schema. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}
