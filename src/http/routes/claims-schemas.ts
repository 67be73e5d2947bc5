// Response shapes of the claim routes: every field the services send is declared here, so the
// web's generated types (web/src/api/schema.d.ts) carry all of them.
import { z } from 'zod';
import { CLAIM_STATUSES } from '../../services/claims/schemas.ts';
import { BenefitComponent, Bilingual, Coded, RuleExplanation } from '../schemas.ts';
import { Participant } from './participants.ts';

const Status = z.enum(CLAIM_STATUSES);

export const ClaimView = z
  .object({
    id: z.number().int(),
    number: z.string(),
    participantId: z.number().int(),
    kpj: z.string(),
    participantName: z.string(),
    regencyCode: z.string(),
    officeCode: z.string(),
    program: z.string(),
    kind: z.string(),
    kindLabel: Bilingual,
    eventDate: z.string(),
    eventDetail: z.record(z.string(), z.unknown()),
    claimant: z.object({ relation: z.string(), name: z.string(), nik: z.string() }),
    bank: z.object({ code: z.string(), name: z.string(), account: z.string(), holder: z.string() }),
    channel: z.string(),
    status: Status,
    refusal: Coded.nullable(),
    amountRp: z.number().int().nullable(),
    rulesVersion: z.string().nullable(),
    documentsCompleteAt: z.string().nullable(),
    slaDueAt: z.string().nullable(),
    slaDueDate: z.string().nullable(),
    overdue: z.boolean(),
    filedBy: z.string(),
    filedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Claim' });

/** What the rules wrote down (src/services/claims/explain.ts): summary, notes, benefit workings. */
const ClaimExplanation = z
  .object({
    summary: Bilingual,
    refusal: Coded.extend({ detail: z.record(z.string(), z.unknown()).optional() }).optional(),
    notes: z.array(Coded),
    liability: z.enum(['employer', 'bpjs']).optional(),
    benefit: z
      .object({
        totalRp: z.number().int(),
        components: z.array(BenefitComponent),
        reasons: z.array(Coded),
        explanation: RuleExplanation,
      })
      .optional(),
  })
  .meta({ id: 'ClaimExplanation' });

/** A step of a claim's history (claim_event). */
const ClaimEvent = z
  .object({
    id: z.number().int(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    reasonCode: z.string().nullable(),
    note: z.string().nullable(),
    amountRp: z.number().int().nullable(),
    rulesVersion: z.string().nullable(),
    actor: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ClaimEvent' });

export const ClaimDetail = ClaimView.extend({
  explanation: ClaimExplanation.nullable(),
  checklist: z.array(z.object({ docType: z.string(), label: Bilingual, present: z.boolean() })),
  documents: z.array(
    z.object({
      id: z.number().int(),
      docType: z.string(),
      fileName: z.string(),
      sha256: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number().int(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  events: z.array(ClaimEvent),
}).meta({ id: 'ClaimDetail' });

export const ClaimStep = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.string(),
  refusalCode: z.string().nullable().optional(),
  amountRp: z.number().int().nullable().optional(),
  refusal: z
    .object({ code: z.string(), id: z.string(), en: z.string(), detail: z.unknown().optional() })
    .optional(),
});

/** Claim kinds per programme with the documents each needs (src/services/claims/catalog.ts). */
export const ClaimKinds = z
  .object({
    kinds: z.record(
      z.string(),
      z
        .array(
          z.object({
            kind: z.string(),
            label: Bilingual,
            death: z.boolean(),
            documents: z.array(z.string()).readonly(),
          }),
        )
        .readonly(),
    ),
    documentTypes: z.record(z.string(), Bilingual),
  })
  .meta({ id: 'ClaimKinds' });

/** A claim of the person shown at intake: what it asked, where it stands, and why it was refused. */
const EarlierClaim = z
  .object({
    id: z.number().int(),
    number: z.string(),
    kpj: z
      .string()
      .nullable()
      .describe('The KPJ when the claim is of this membership; null for another of the person'),
    program: z.string(),
    kind: z.string(),
    kindLabel: Bilingual,
    status: Status,
    eventDate: z.string(),
    filedAt: z.string(),
    refusal: Coded.nullable(),
    automatic: z.boolean().describe('Refused by the rules at intake or submission, not by a checker'),
  })
  .meta({ id: 'EarlierClaim' });

/** GET /claim-intake: the participants found, each with the person's earlier claims. */
export const IntakeMatches = z.object({
  participants: z.array(
    Participant.extend({
      earlierClaims: z.array(EarlierClaim),
      openRefusals: z.number().int().describe('Claims of the person that stand refused'),
    }).meta({ id: 'IntakeParticipant' }),
  ),
  personalDataInFull: z.boolean(),
});
