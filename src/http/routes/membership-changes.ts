// Membership changes: the village operator proposes exits (keluar) and moves (pindah desa), the
// district verifies, the branch applies; anyone who reads participants sees the changes in scope.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALASAN_PERUBAHAN, JENIS_PERUBAHAN } from '../../rules/keanggotaan/akhir.ts';
import type { Deps } from '../../services/actor.ts';
import {
  applyMembershipChange,
  listMembershipChanges,
  proposeMembershipChange,
  rejectMembershipChange,
  verifyMembershipChange,
} from '../../services/membership/index.ts';
import { ProposeChangeInput, RejectChangeInput } from '../../services/membership/schemas.ts';
import { requireActor } from '../auth.ts';
import { errors } from '../schemas.ts';

const STATES = ['proposed', 'verified', 'applied', 'rejected'] as const;

const MembershipChange = z
  .object({
    id: z.number().int(),
    participantId: z.number().int(),
    kpj: z.string(),
    regencyCode: z.string(),
    kind: z.enum(JENIS_PERUBAHAN),
    reason: z.string().describe(ALASAN_PERUBAHAN.join(' | ')),
    effectiveDate: z.string(),
    note: z.string(),
    state: z.enum(STATES),
    statusBefore: z.string(),
    statusAfter: z.string(),
    regionBefore: z.string(),
    regionAfter: z.string(),
    claimId: z.number().int().nullable(),
    proposedBy: z.string(),
    proposedAt: z.string(),
    verifiedBy: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
  })
  .meta({ id: 'MembershipChange' });

const ChangeId = z.object({ id: z.coerce.number().int().positive() });
const TAGS = ['membership'];

export const membershipChangeRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/membership-changes',
    {
      schema: {
        tags: TAGS,
        summary:
          'Exits and moves of memberships in the caller’s scope (sending or receiving village), newest first',
        querystring: z.object({
          state: z.enum(STATES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ changes: z.array(MembershipChange) }), ...errors(400, 401, 403) },
      },
    },
    async (req) => ({
      changes: await listMembershipChanges(deps, requireActor(req), {
        state: req.query.state,
        limit: req.query.limit,
      }),
    }),
  );

  app.post(
    '/api/v1/membership-changes',
    {
      schema: {
        tags: TAGS,
        summary:
          'Village operator proposes an exit or a move of one of the village’s workers, with reason and effective date',
        body: ProposeChangeInput,
        response: {
          201: z.object({ id: z.number().int(), state: z.literal('proposed') }),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await proposeMembershipChange(deps, requireActor(req), req.body)),
  );

  const stepSchema = (summary: string) => ({
    tags: TAGS,
    summary,
    params: ChangeId,
    response: { 200: MembershipChange, ...errors(400, 401, 403, 404, 409, 422) },
  });

  app.post(
    '/api/v1/membership-changes/:id/verify',
    { schema: stepSchema('District officer verifies a proposed exit or move') },
    async (req) => verifyMembershipChange(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/membership-changes/:id/apply',
    {
      schema: stepSchema(
        'Branch officer applies a verified change: an exit ends the membership, a move carries it to the receiving village',
      ),
    },
    async (req) => applyMembershipChange(deps, requireActor(req), req.params.id),
  );

  app.post(
    '/api/v1/membership-changes/:id/reject',
    {
      schema: {
        ...stepSchema('District (proposed) or branch (verified) turns a change down with a reason'),
        body: RejectChangeInput,
      },
    },
    async (req) => rejectMembershipChange(deps, requireActor(req), req.params.id, req.body.reason),
  );
};
