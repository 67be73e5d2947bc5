import { z } from 'zod';
import { ContributionLine, PageQuery, RuleExplanation } from '../schemas.ts';

export const NppParam = z.object({ npp: z.string().min(1).max(40) });
export const ProjectParam = z.object({ number: z.string().min(1).max(40) });

export const BusinessType = z
  .object({
    code: z.string(),
    name: z.string(),
    riskGroup: z.number().int(),
    source: z.string(),
    status: z.enum(['partial', 'confirmed']),
    updatedBy: z.string(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'BusinessType' });

export const Employer = z
  .object({
    id: z.number().int(),
    npp: z.string(),
    name: z.string(),
    businessTypeCode: z.string(),
    businessTypeName: z.string(),
    riskGroup: z.number().int(),
    riskGroupReason: z.string().nullable(),
    scale: z.enum(['micro', 'small', 'medium', 'large']),
    isGovernment: z.boolean(),
    regionCode: z.string(),
    regionName: z.string(),
    regencyCode: z.string(),
    payerId: z.number().int(),
    createdAt: z.string(),
    activeEmployees: z.number().int(),
  })
  .meta({ id: 'Employer' });

export const Employment = z
  .object({
    id: z.number().int(),
    kpj: z.string(),
    nik: z.string(),
    fullName: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    wageRp: z.number().int(),
    programs: z.array(z.string()),
    status: z.string(),
    workUnitCode: z.string().nullable(),
  })
  .meta({ id: 'Employment' });

export const WorkUnit = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    activeEmployees: z.number().int(),
  })
  .meta({ id: 'WorkUnit' });

const Issue = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const WageImportResult = z
  .object({
    employer: z.object({ npp: z.string(), name: z.string() }),
    period: z.string(),
    upload: z.object({
      id: z.number().int().nullable(),
      fileName: z.string(),
      rows: z.number().int(),
      valid: z.number().int(),
      invalid: z.number().int(),
      joined: z.number().int(),
      left: z.number().int(),
      wageChanged: z.number().int(),
      unchanged: z.number().int(),
    }),
    problems: z.array(
      z.object({
        rowNumber: z.number().int(),
        nik: z.string(),
        fullName: z.string(),
        errors: z.array(Issue),
      }),
    ),
    dryRun: z.boolean(),
    repeated: z.boolean(),
    /** Earlier BPU memberships (self-paid or village-funded) the PU joins ended. */
    endedMemberships: z.number().int().nonnegative(),
  })
  .meta({ id: 'WageImportResult' });

export const Project = z
  .object({
    id: z.number().int(),
    projectNumber: z.string(),
    name: z.string(),
    ownerName: z.string(),
    contractorNpp: z.string(),
    contractorName: z.string(),
    contractValueRp: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    regencyCode: z.string(),
    premiumRp: z.number().int(),
    premiumBasis: z.object({
      period: z.string(),
      contractValueRp: z.number().int(),
      lines: z.array(ContributionLine),
      ...RuleExplanation.shape,
    }),
    status: z.string(),
    createdAt: z.string(),
    workers: z.number().int(),
    /** The premium invoices' payer (the contractor). */
    contractorPayerId: z.number().int(),
    /** The registration premium invoice is paid in full: the workers are covered. */
    covered: z.boolean(),
  })
  .meta({ id: 'ConstructionProject' });

/** A premium invoice of a project: the registration's (regular) or a contract change's (adjustment). */
export const ProjectInvoice = z
  .object({
    id: z.number().int(),
    number: z.string(),
    kind: z.enum(['regular', 'adjustment']),
    issuedAt: z.string(),
    dueDate: z.string(),
    totalRp: z.number().int(),
    paidRp: z.number().int(),
  })
  .meta({ id: 'ProjectInvoice' });

/** A change of a project's contract value or end date; a lower premium is not refunded. */
export const ProjectChange = z
  .object({
    contractValueRp: z.number().int(),
    endDate: z.string(),
    oldContractValueRp: z.number().int(),
    oldEndDate: z.string(),
    oldPremiumRp: z.number().int(),
    premiumRp: z.number().int(),
    invoiceNumber: z.string().nullable(),
    notRefundedRp: z.number().int(),
    reason: z.string(),
    actor: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ProjectChange' });

export const ProjectWorker = z
  .object({
    kpj: z.string(),
    nik: z.string(),
    fullName: z.string(),
    joinedOn: z.string(),
    leftOn: z.string(),
    status: z.string(),
  })
  .meta({ id: 'ProjectWorker' });

export const Paging = z.object({
  search: z.string().max(100).optional(),
  ...PageQuery,
});
