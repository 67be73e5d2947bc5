// Input shapes of the person-correction services (also the HTTP bodies). Names, dates and NIKs
// are checked by the services (check-correction.ts) so that each refusal has its own code.
import { z } from 'zod';

export const CorrectionChanges = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    birthDate: z.string().trim().min(1).max(20).optional(),
    sex: z.enum(['L', 'P']).optional(),
    nik: z.string().trim().min(1).max(32).optional(),
  })
  .strict();

export const ProposeCorrectionInput = z
  .object({
    /** The member whose person data is corrected: by id (web) or by KPJ (CLI). */
    participantId: z.number().int().positive().optional(),
    kpj: z
      .string()
      .trim()
      .regex(/^\d{11}$/, 'KPJ: 11 digits')
      .optional(),
    changes: CorrectionChanges,
    reason: z.string().max(500),
    evidenceNote: z.string().max(500),
  })
  .refine((v) => v.participantId !== undefined || v.kpj !== undefined, {
    message: 'participantId or kpj is required',
    path: ['participantId'],
  });
export type ProposeCorrectionInput = z.input<typeof ProposeCorrectionInput>;

export const CorrectionDecisionInput = z.object({
  approve: z.boolean(),
  note: z.string().max(500).optional(),
});
export type CorrectionDecisionInput = z.input<typeof CorrectionDecisionInput>;
