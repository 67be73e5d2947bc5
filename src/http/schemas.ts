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

/** Keyset paging: a page size, the previous page's cursor, and the next page's cursor. */
export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'nextCursor of the previous page')
    .optional()
    .describe('nextCursor of the previous page (keyset paging)'),
};
export const NextCursor = z
  .string()
  .nullable()
  .describe('Ask for the next page with it; null on the last page');

/** A text in both languages, Bahasa Indonesia first. */
export const Bilingual = z.object({ id: z.string(), en: z.string() });
/** A reason or refusal: its code and its words. */
export const Coded = Bilingual.extend({ code: z.string() });

/**
 * A benefit component (src/rules/manfaat/types.ts): its code, label and basis in both languages.
 * Claims explained before the label and English basis existed have neither (the web falls back).
 */
export const BenefitComponent = z
  .object({
    name: z.string(),
    label: Bilingual.optional(),
    amountRp: z.number().int(),
    basis: z.string(),
    basisEn: z.string().optional(),
  })
  .meta({ id: 'BenefitComponent' });

/** What a rule result says about itself (src/rules/explanation.ts): rules applied, values used. */
export const RuleExplanation = z
  .object({
    rules: z.array(z.object({ rule: z.string(), text: Bilingual, basis: z.string() })),
    parameters: z.array(
      z.object({
        id: z.string(),
        effectiveFrom: z.string(),
        value: z.unknown(),
        unit: z.string(),
        reference: z.string(),
        status: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'RuleExplanation' });

/** One line of a contribution (src/rules/iuran/types.ts IuranLine). */
export const ContributionLine = z.object({
  program: z.string(),
  payer: z.enum(['employer', 'worker', 'participant']),
  amountRp: z.number().int(),
  basis: z.string(),
});

/** Where a dashboard, report or export was read (docs/replicas.md): a replica, and how stale it may be. */
export const Freshness = z
  .object({
    replica: z.boolean().describe('true: read on the streaming replica of DATABASE_READ_URL'),
    staleSeconds: z
      .number()
      .int()
      .nullable()
      .describe(
        'At most this many seconds of the primary’s commits may be missing: 0 on the primary or a caught-up replica; null: unknown',
      ),
  })
  .meta({ id: 'Freshness' });
