import { z } from 'zod';
import { IsoDate } from '../../contracts/fields.ts';
import { PersonName } from '../../hygiene.ts';
import { Freshness } from '../schemas.ts';

const Rupiah = z.number().int();

export const IdParam = z.object({ id: z.coerce.number().int() });

export const Signatory = z.object({
  name: PersonName,
  position: z.string().min(1).max(200),
  office: z.string().min(1).max(200),
  party: z.enum(['regency', 'branch']),
});

export const AgreementBody = z.object({
  number: z.string().min(1).max(100),
  title: z.string().min(1).max(300),
  regencyCode: z.string(),
  officeCode: z.string().nullish(),
  signedOn: IsoDate,
  validFrom: IsoDate,
  validTo: IsoDate,
  signatories: z.array(Signatory).min(2).max(10),
  legalBasis: z.array(z.string().min(1).max(200)).min(1).max(20),
});

export const Agreement = z
  .object({
    id: z.number().int(),
    number: z.string(),
    title: z.string(),
    regencyCode: z.string(),
    regencyName: z.string(),
    officeCode: z.string(),
    signedOn: z.string(),
    validFrom: z.string(),
    validTo: z.string(),
    signatories: z.array(Signatory),
    legalBasis: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'Agreement' });

export const AllocationBody = z.object({
  fundingSource: z.enum(['APBD', 'APBDES', 'CSR']),
  fiscalYear: z.number().int().min(2015).max(2100),
  amountRp: Rupiah.nonnegative(),
  quotaWorkers: z.number().int().nonnegative().nullish(),
  villageCode: z.string().nullish(),
  csrName: z.string().max(200).nullish(),
});

export const Allocation = z
  .object({
    id: z.number().int(),
    agreementId: z.number().int(),
    payerId: z.number().int(),
    payerName: z.string(),
    payerKind: z.string(),
    payerRegion: z.string(),
    fundingSource: z.string(),
    fiscalYear: z.number().int(),
    amountRp: Rupiah,
    quotaWorkers: z.number().int().nullable(),
  })
  .meta({ id: 'BudgetAllocation' });

export const BudgetLine = z
  .object({
    payerId: z.number().int(),
    payerName: z.string(),
    payerKind: z.string(),
    payerRegion: z.string(),
    agreementIds: z.array(z.number().int()),
    allocatedRp: Rupiah,
    quotaWorkers: z.number().int().nullable(),
    workers: z.number().int(),
    invoicedRp: Rupiah,
    projectedRp: Rupiah,
    committedRp: Rupiah,
    usedRp: Rupiah,
    remainingRp: Rupiah,
  })
  .meta({ id: 'BudgetLine' });

export const BudgetWarning = z
  .object({
    fiscalYear: z.number().int(),
    payerId: z.number().int().nullable(),
    payerKind: z.string(),
    payerRegion: z.string(),
    payerName: z.string().nullable(),
    allocatedRp: Rupiah,
    committedRp: Rupiah,
    overRp: Rupiah,
    quotaWorkers: z.number().int().nullable(),
    workers: z.number().int(),
    reasons: z.array(z.enum(['OVER_BUDGET', 'NO_BUDGET', 'OVER_QUOTA'])),
  })
  .meta({ id: 'BudgetWarning' });

export const BudgetUse = z
  .object({
    regencyCode: z.string(),
    fiscalYear: z.number().int(),
    projectedFrom: z.string().nullable(),
    years: z.array(z.number().int()),
    payers: z.array(BudgetLine),
    totals: z.object({ allocatedRp: Rupiah, committedRp: Rupiah, usedRp: Rupiah, remainingRp: Rupiah }),
    warnings: z.array(BudgetWarning),
    freshness: Freshness,
  })
  .meta({ id: 'BudgetUse' });

const ArrearsAmounts = {
  notDueRp: Rupiah,
  days1To30Rp: Rupiah,
  days31To60Rp: Rupiah,
  days61To90Rp: Rupiah,
  over90Rp: Rupiah,
  totalRp: Rupiah,
};

export const Arrears = z
  .object({
    asOf: z.string(),
    payers: z.array(
      z.object({
        payerId: z.number().int(),
        payerName: z.string(),
        payerKind: z.string(),
        payerRegion: z.string(),
        invoices: z.number().int(),
        ...ArrearsAmounts,
      }),
    ),
    totals: z.object(ArrearsAmounts),
    freshness: Freshness,
  })
  .meta({ id: 'Arrears' });

export const CoverageBody = z.object({ regencyCode: z.string(), asOf: IsoDate });

export const CoverageResult = z.object({
  regencyCode: z.string(),
  asOf: z.string(),
  lapsed: z.number().int(),
  resumed: z.number().int(),
  arrearsMonthsMax: z.number().int(),
  basis: z.string(),
});
