import { z } from 'zod';

export const Batch = z
  .object({
    id: z.number().int(),
    villageCode: z.string(),
    villageName: z.string(),
    regencyCode: z.string(),
    fundingSource: z.string(),
    status: z.enum(['draft', 'submitted', 'verified', 'activated', 'rejected']),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    activatedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
    valid: z.number().int(),
    invalid: z.number().int(),
  })
  .meta({ id: 'EnrolmentBatch' });

const Issue = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const RowReport = z
  .object({
    rowNumber: z.number().int(),
    nik: z.string(),
    fullName: z.string(),
    birthDate: z.string(),
    sex: z.string(),
    occupation: z.string(),
    state: z.enum(['new', 'valid', 'invalid', 'kept', 'superseded']),
    errors: z.array(Issue),
    warnings: z.array(Issue),
  })
  .meta({ id: 'EnrolmentRow' });
