import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JHT_REASONS } from '../../rules/manfaat/jht/manfaat.ts';
import { JKP_REASONS } from '../../rules/manfaat/jkp/manfaat.ts';
import type { Deps } from '../../services/actor.ts';
import {
  BANKS,
  CLAIM_KINDS,
  CLAIM_PROGRAMS,
  CLAIMANT_RELATIONS,
  DOCUMENT_TYPES,
  HEIR_RANK,
} from '../../services/claims/catalog.ts';
import { CLAIM_STATUSES } from '../../services/claims/schemas.ts';
import { EmployerInput } from '../../services/register-employer.ts';
import { FUNDINGS, SEGMENTS, STATUSES } from '../../services/reports/areas.ts';
import { REPORT_PROGRAMS } from '../../services/reports/branch-report.ts';
import { requireActor } from '../auth.ts';
import { Bilingual, errors } from '../schemas.ts';

// Domain lists the web shows and checks against, served from the one place that defines them
// so that the client never keeps a copy (GET /api/v1/catalogs/…).

const Program = z.enum(CLAIM_PROGRAMS);
type JhtFullReason = Exclude<(typeof JHT_REASONS)[number], `partial_${string}`>;
/** The triggers of a full JHT claim (the partial ones are claim kinds of their own). */
const JHT_FULL_REASONS = JHT_REASONS.filter((r): r is JhtFullReason => !r.startsWith('partial_'));
const Relation = z.enum(CLAIMANT_RELATIONS);

const ClaimCatalog = z
  .object({
    programs: z.array(Program),
    statuses: z.array(z.enum(CLAIM_STATUSES)),
    relations: z.array(Relation),
    /** Heirs order (fact sheet §3.1): lower ranks come first. */
    heirRanks: z.array(z.object({ relation: Relation, rank: z.number().int() })),
    banks: z.array(z.object({ code: z.string(), name: z.string() })),
    kinds: z.array(
      z.object({
        program: Program,
        kind: z.string(),
        label: Bilingual,
        death: z.boolean(),
        documents: z.array(z.string()),
      }),
    ),
    documentTypes: z.array(z.object({ docType: z.string(), label: Bilingual })),
    jhtFullReasons: z.array(z.enum(JHT_FULL_REASONS)),
    jkpReasons: z.array(z.enum(JKP_REASONS)),
  })
  .meta({ id: 'ClaimCatalog' });

/** The lists of the participant and employer screens and dashboards, in their display order. */
const MembershipCatalog = z
  .object({
    segments: z.array(z.enum(SEGMENTS)),
    statuses: z.array(z.enum(STATUSES)),
    fundings: z.array(z.enum(FUNDINGS)),
    /** The programmes of the reports and dashboards, in their column order. */
    programs: z.array(z.enum(REPORT_PROGRAMS)),
    employerScales: z.array(z.enum(EmployerInput.shape.scale.options)),
  })
  .meta({ id: 'MembershipCatalog' });

function claimCatalog(): z.infer<typeof ClaimCatalog> {
  return {
    programs: [...CLAIM_PROGRAMS],
    statuses: [...CLAIM_STATUSES],
    relations: [...CLAIMANT_RELATIONS],
    heirRanks: Object.entries(HEIR_RANK).map(([relation, rank]) => ({
      relation: relation as keyof typeof HEIR_RANK,
      rank,
    })),
    // Sorted by code: object keys such as '130' would otherwise come first.
    banks: Object.entries(BANKS)
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    kinds: CLAIM_PROGRAMS.flatMap((program) =>
      CLAIM_KINDS[program].map((k) => ({ program, ...k, documents: [...k.documents] })),
    ),
    documentTypes: Object.entries(DOCUMENT_TYPES).map(([docType, label]) => ({ docType, label })),
    jhtFullReasons: JHT_FULL_REASONS,
    jkpReasons: [...JKP_REASONS],
  };
}

export const catalogRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app) => {
  app.get(
    '/api/v1/catalogs/claims',
    {
      schema: {
        tags: ['catalogs'],
        summary:
          'Claim programmes, kinds and their documents, statuses, claimant relations with the heirs order, banks, JHT/JKP reasons',
        response: { 200: ClaimCatalog, ...errors(401) },
      },
    },
    async (req) => {
      requireActor(req);
      return claimCatalog();
    },
  );

  app.get(
    '/api/v1/catalogs/membership',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Participant segments, statuses and funding sources, report programmes, employer scales',
        response: { 200: MembershipCatalog, ...errors(401) },
      },
    },
    async (req) => {
      requireActor(req);
      return {
        segments: [...SEGMENTS],
        statuses: [...STATUSES],
        fundings: [...FUNDINGS],
        programs: [...REPORT_PROGRAMS],
        employerScales: [...EmployerInput.shape.scale.options],
      };
    },
  );
};
