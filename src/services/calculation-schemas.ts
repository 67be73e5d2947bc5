// Input schemas of the public calculator (contribution and benefit). Field names are part of the
// public API: users script against them.

import { z } from 'zod';
import { Period } from '../contracts/fields.ts';
import { isValidDate } from '../rules/calendar.ts';
import { JHT_REASONS } from '../rules/manfaat/jht/manfaat.ts';
import { JKP_REASONS } from '../rules/manfaat/jkp/manfaat.ts';
import { PENERIMA_AHLI_WARIS } from '../rules/manfaat/jp/ahli-waris.ts';
import { ALASAN_JP } from '../rules/manfaat/jp/manfaat.ts';
import { BEASISWA_LEVELS } from '../rules/params/schema.ts';

const rupiah = z
  .number()
  .int('harus bilangan bulat rupiah')
  .nonnegative()
  .refine(Number.isSafeInteger, 'terlalu besar');
const isoDate = z.string().refine(isValidDate, 'harus tanggal YYYY-MM-DD');
const months = z.number().int().nonnegative();
const percentBp = z.number().int().min(0).max(10_000);

export const SEGMENTS = ['PU', 'BPU', 'JAKON', 'PMI'] as const;
export const CONTRIBUTION_PROGRAMS = ['JKK', 'JKM', 'JHT', 'JP'] as const;
export const FUNDING_SOURCES = ['SELF', 'EMPLOYER', 'APBN', 'APBD', 'APBDES', 'CSR'] as const;

export const contributionInputSchema = z.strictObject({
  segment: z.enum(SEGMENTS),
  period: Period,
  /** PU monthly wage / BPU declared income / Jakon wages if known. */
  wageRp: rupiah.optional(),
  riskGroup: z.number().int().min(1).max(5).optional(),
  programs: z.array(z.enum(CONTRIBUTION_PROGRAMS)).min(1).optional(),
  fundingSource: z.enum(FUNDING_SOURCES).optional(),
  /** e.g. `transport` (BPU, PP 50/2025) or `padat_karya` (PU, opt-in JKK relief). */
  sector: z.string().min(1).max(50).optional(),
  contractValueRp: rupiah.optional(),
  contractMonths: z.number().int().positive().optional(),
  extraMonths: months.optional(),
  /** PU: the date the iuran is (to be) paid — the answer then gives the months late and the late fee. */
  paidOn: isoDate.optional(),
});
export type ContributionInput = z.infer<typeof contributionInputSchema>;

const child = z.strictObject({ birthDate: isoDate, level: z.enum(BEASISWA_LEVELS).optional() });

const jkm = z.strictObject({
  program: z.literal('JKM'),
  eventDate: isoDate,
  contributionMonths: months.optional(),
  children: z.array(child).optional(),
});

const jkk = z.strictObject({
  program: z.literal('JKK'),
  eventDate: isoDate,
  case: z.enum([
    'death',
    'total_permanent_disability',
    'partial_disability',
    'temporary_disability',
    'medical_care',
  ]),
  wageRp: rupiah,
  claimDate: isoDate.optional(),
  children: z.array(child).optional(),
  bodyPart: z.string().min(1).optional(),
  disabilityPercentBp: percentBp.optional(),
  functionLossPercentBp: percentBp.optional(),
  temporaryDisabilityMonths: z.number().int().positive().optional(),
  medicalCostRp: rupiah.optional(),
  homeCareRp: rupiah.optional(),
  homeCareMonths: z.number().int().positive().optional(),
  transportRp: z
    .strictObject({ land: rupiah.optional(), sea: rupiah.optional(), air: rupiah.optional() })
    .optional(),
});

const jht = z.strictObject({
  program: z.literal('JHT'),
  eventDate: isoDate,
  reason: z.enum(JHT_REASONS),
  balanceRp: rupiah,
  birthDate: isoDate.optional(),
  terminationDate: isoDate.optional(),
  membershipMonths: months.optional(),
  partialAlreadyTaken: z.boolean().optional(),
});

const jp = z.strictObject({
  program: z.literal('JP'),
  eventDate: isoDate,
  /** retirement (default), death (survivors) or disability (PP 45/2015 Pasal 16). */
  reason: z.enum(ALASAN_JP).optional(),
  birthDate: isoDate.optional(),
  contributionMonths: months,
  averageIndexedWageRp: rupiah.optional(),
  balanceRp: rupiah.optional(),
  membershipMonths: months.optional(),
  paymentDensityBp: percentBp.optional(),
  /** Death: the survivor whose pension is asked for (PP 45/2015 Pasal 16). */
  survivor: z.enum(PENERIMA_AHLI_WARIS).optional(),
});

const jkp = z.strictObject({
  program: z.literal('JKP'),
  eventDate: isoDate,
  reason: z.enum(JKP_REASONS),
  wageRp: rupiah,
  contributionMonths: months,
  consecutiveMonths: months.optional(),
  claimDate: isoDate.optional(),
  birthDate: isoDate.optional(),
  registrationDate: isoDate.optional(),
});

export const benefitInputSchema = z.discriminatedUnion('program', [jkm, jkk, jht, jp, jkp]);
export type BenefitInput = z.infer<typeof benefitInputSchema>;
