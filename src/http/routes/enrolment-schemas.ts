import { z } from 'zod';
import { BudgetWarning } from './agreement-schemas.ts';

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
    rowId: z.number().int().describe('The row’s id, for correcting or removing it in a draft batch'),
    rowNumber: z.number().int().describe('The row number in its file (header = 1)'),
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

const Rp = z.number().int();

export const BatchBudgetCheck = z
  .object({
    batchId: z.number().int(),
    fiscalYear: z.number().int(),
    projectedFrom: z.string().nullable(),
    budgetRecorded: z.boolean(),
    payer: z.object({
      payerId: z.number().int().nullable(),
      payerName: z.string().nullable(),
      payerKind: z.string(),
      payerRegion: z.string(),
      allocatedRp: Rp,
      quotaWorkers: z.number().int().nullable(),
      workersBefore: z.number().int(),
      workers: z.number().int(),
      committedBeforeRp: Rp,
      committedRp: Rp,
      usedRp: Rp,
      remainingRp: Rp,
      batchRp: Rp,
    }),
    warnings: z.array(BudgetWarning),
  })
  .meta({ id: 'BatchBudgetCheck' });
