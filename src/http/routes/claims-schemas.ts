// Response shapes of the claim routes (loose: the views carry more than the queue needs).
import { z } from 'zod';

const Bilingual = z.object({ id: z.string(), en: z.string() });

export const ClaimView = z
  .looseObject({
    id: z.number().int(),
    number: z.string(),
    participantId: z.number().int(),
    kpj: z.string(),
    participantName: z.string(),
    program: z.string(),
    kind: z.string(),
    kindLabel: Bilingual,
    eventDate: z.string(),
    claimant: z.object({ relation: z.string(), name: z.string(), nik: z.string() }),
    bank: z.object({ code: z.string(), name: z.string(), account: z.string(), holder: z.string() }),
    channel: z.string(),
    status: z.string(),
    refusal: z.object({ code: z.string(), id: z.string(), en: z.string() }).nullable(),
    amountRp: z.number().int().nullable(),
    slaDueAt: z.string().nullable(),
    slaDueDate: z.string().nullable(),
    overdue: z.boolean(),
  })
  .meta({ id: 'Claim' });

export const ClaimDetail = ClaimView.extend({
  explanation: z.unknown(),
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
  events: z.array(
    z.looseObject({ action: z.string(), toStatus: z.string(), actor: z.string(), at: z.string() }),
  ),
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
