// Input shapes of the claim services (also the HTTP bodies).
import { z } from 'zod';
import { PersonName } from '../../hygiene.ts';
import { JHT_REASONS } from '../../rules/manfaat/jht/manfaat.ts';
import { JKP_REASONS } from '../../rules/manfaat/jkp/manfaat.ts';
import { BEASISWA_LEVELS } from '../../rules/params/schema.ts';
import { CLAIM_PROGRAMS, CLAIMANT_RELATIONS } from './catalog.ts';

/** The kinds of PHK evidence (bukti PHK) a JKP claim names. */
export const PHK_EVIDENCE = [
  'laporan_disnaker',
  'surat_phk',
  'perjanjian_bersama',
  'putusan_pengadilan',
] as const;

const Rupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const EventDetail = z
  .object({
    cause: z.string().trim().max(500).optional(),
    /** JKK: when the accident happened and when the stage-I report was made (ISO 8601 with offset). */
    accidentAt: z.iso.datetime({ offset: true }).optional(),
    reportedAt: z.iso.datetime({ offset: true }).optional(),
    reportedBy: z.string().trim().min(1).max(200).optional(),
    /** JHT full: the trigger; JKP: the reason for the loss of work. */
    reason: z.enum([...JHT_REASONS, ...JKP_REASONS]).optional(),
    /**
     * JKP: the PHK evidence presented (fact sheet §3.5 docs — PHK: the Disnaker report receipt, the
     * PHK notice with the worker's non-objection, the perjanjian bersama, or the court's extract).
     */
    phkEvidence: z.enum(PHK_EVIDENCE).optional(),
    /** JHT: date of the resignation letter or of the PHK (default: the event date). */
    terminationDate: IsoDate.optional(),
    children: z
      .array(z.object({ birthDate: IsoDate, level: z.enum(BEASISWA_LEVELS).optional() }))
      .max(10)
      .optional(),
    disabilityPercentBp: z.number().int().min(0).max(10_000).optional(),
    temporaryDisabilityMonths: z.number().int().min(1).max(120).optional(),
    /** JKK medical care: treatment costs (no ceiling), home care and its months, transport by mode. */
    medicalCostRp: Rupiah.optional(),
    homeCareRp: Rupiah.optional(),
    homeCareMonths: z.number().int().min(1).max(120).optional(),
    transportRp: z
      .strictObject({ land: Rupiah.optional(), sea: Rupiah.optional(), air: Rupiah.optional() })
      .optional(),
  })
  .strict();

export const FileClaimInput = z
  .object({
    kpj: z.string().trim().min(1).max(20).optional(),
    participantId: z.number().int().positive().optional(),
    program: z.enum(CLAIM_PROGRAMS),
    kind: z.string().trim().min(1).max(40),
    eventDate: IsoDate,
    eventDetail: EventDetail.default({}),
    claimant: z.object({
      relation: z.enum(CLAIMANT_RELATIONS),
      name: PersonName,
      nik: z.string().regex(/^\d{16}$/, 'NIK: 16 digits'),
    }),
    /** Heirs the family declares exist (optional): a claimant of a later rank is then refused. */
    heirs: z.array(z.enum(CLAIMANT_RELATIONS)).max(20).optional(),
    bank: z.object({
      code: z.string().trim().min(1).max(10),
      account: z.string().trim().max(40),
      holder: PersonName,
    }),
  })
  .refine((v) => v.kpj !== undefined || v.participantId !== undefined, {
    message: 'kpj or participantId is required',
    path: ['kpj'],
  });
export type FileClaimInput = z.input<typeof FileClaimInput>;

export const DecisionInput = z.object({
  approve: z.boolean(),
  reasonCode: z.string().trim().max(40).optional(),
  note: z.string().trim().max(1000).optional(),
  /** Required to approve a claim whose decided amount is Rp 0: why nothing is paid (kept with the decision). */
  zeroAmountReason: z.string().trim().min(1).max(1000).optional(),
});
export type DecisionInput = z.input<typeof DecisionInput>;

/** A claim's statuses, in the order of its life (src/db/claims.ts writes them). */
export const CLAIM_STATUSES = [
  'filed',
  'submitted',
  'approved',
  'rejected',
  'appealed',
  'batched',
  'paid',
] as const;

export const ClaimListFilter = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  program: z.enum(CLAIM_PROGRAMS).optional(),
  overdue: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().nullable().optional(),
});
export type ClaimListFilter = z.input<typeof ClaimListFilter>;
