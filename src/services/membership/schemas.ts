// Input shapes of the membership-change services (also the HTTP bodies).
import { z } from 'zod';
import { ALASAN_PERUBAHAN, JENIS_PERUBAHAN } from '../../rules/keanggotaan/akhir.ts';

export const ProposeChangeInput = z
  .object({
    kpj: z
      .string()
      .trim()
      .regex(/^\d{11}$/, 'KPJ: 11 digits'),
    kind: z.enum(JENIS_PERUBAHAN),
    reason: z.enum(ALASAN_PERUBAHAN),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
    /** A move: the receiving village (same regency). */
    toVillageCode: z.string().trim().max(20).optional(),
    note: z.string().trim().min(1).max(500),
  })
  .refine((v) => v.kind !== 'move' || v.toVillageCode !== undefined, {
    message: 'toVillageCode is required for a move',
    path: ['toVillageCode'],
  });
export type ProposeChangeInput = z.input<typeof ProposeChangeInput>;

export const RejectChangeInput = z.object({ reason: z.string().trim().min(1).max(500) });
export type RejectChangeInput = z.input<typeof RejectChangeInput>;
