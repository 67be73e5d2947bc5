// The shape of a parameter file: `<name>: { description, unit, last_value_still_valid_on, values }`,
// values keyed by effective date, each with its legal reference (openfisca style).
import { z } from 'zod';
import { isValidDate } from '../calendar.ts';

const safeInt = z.number().int().nonnegative().refine(Number.isSafeInteger, 'bukan bilangan bulat aman');

const tiers = z
  .array(z.strictObject({ up_to_rp: safeInt.nullable(), rate_bp: safeInt }))
  .min(1)
  .refine((t) => t.at(-1)?.up_to_rp === null, 'lapisan terakhir harus up_to_rp: null')
  .refine(
    (t) =>
      t
        .slice(0, -1)
        .every((x, i) => x.up_to_rp !== null && (i === 0 || x.up_to_rp > (t[i - 1]?.up_to_rp ?? 0))),
    'batas lapisan harus naik',
  );

const isoDate = z.string().refine(isValidDate, 'harus tanggal YYYY-MM-DD');

/** Kinds of a day off in the yearly joint decree (SKB 3 Menteri). */
export const HOLIDAY_KINDS = ['libur_nasional', 'cuti_bersama'] as const;

export const BEASISWA_LEVELS = ['TK', 'SD', 'SMP', 'SMA', 'PT'] as const;
export type BeasiswaLevel = (typeof BEASISWA_LEVELS)[number];

/** Each unit names what the number means; the value must have that unit's shape. */
export const UNIT_SHAPES = {
  rupiah: safeInt,
  basis_points: safeInt,
  /** 1/100 000 = basis points × 10, for rates such as 0.445 % = 445. */
  per_100000: safeInt,
  months: safeInt,
  years: safeInt,
  days: safeInt,
  /** Working days of the calendar in ../calendar.ts (weekends and hari_libur.yaml skipped). */
  working_days: safeInt,
  count: safeInt,
  boolean: z.boolean(),
  /** Marginal tiers: each rate (bp) applies to the slice of the base up to `up_to_rp`. */
  marginal_tiers_basis_points: tiers,
  /** Consecutive blocks of months, each paid at `rate_bp` of the wage. */
  benefit_schedule_basis_points: z.array(z.strictObject({ months: safeInt, rate_bp: safeInt })).min(1),
  /** Beasiswa per level: rupiah per child per year, and the number of years. */
  beasiswa_table_rupiah: z.record(
    z.enum(BEASISWA_LEVELS),
    z.strictObject({ per_year_rp: safeInt, max_years: safeInt }),
  ),
  /** A year's days off (national holidays and cuti bersama), each dated and named. */
  holiday_list: z.array(
    z.strictObject({ date: isoDate, kind: z.enum(HOLIDAY_KINDS), name: z.string().trim().min(1) }),
  ),
  /** A table of basis points by key (e.g. the disability percentage per body part). */
  basis_points_by_key: z.record(z.string(), safeInt),
} as const;

export type Unit = keyof typeof UNIT_SHAPES;
export const UNITS = Object.keys(UNIT_SHAPES) as Unit[];

export const VALUE_STATUSES = ['single_source', 'unconfirmed', 'derived'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

export const valueEntrySchema = z.strictObject({
  value: z.unknown(),
  reference: z.string().trim().min(1, 'reference wajib diisi'),
  status: z.enum(VALUE_STATUSES).optional(),
  note: z.string().optional(),
  until: isoDate.optional(),
});

export const parameterSchema = z.strictObject({
  description: z.string().trim().min(1),
  unit: z.enum(UNITS as [Unit, ...Unit[]]),
  last_value_still_valid_on: isoDate,
  values: z.record(z.string(), valueEntrySchema),
});

export interface ParameterValue {
  /** Effective date (inclusive). */
  readonly date: string;
  /** Optional last day in force (inclusive); otherwise until the next value. */
  readonly until?: string;
  /** null = declared unknown (only with status unconfirmed). */
  readonly value: unknown;
  readonly reference: string;
  readonly status?: ValueStatus;
  readonly note?: string;
}

export interface Parameter {
  /** `<file>.<name>`, e.g. `iuran_pu.jp_batas_upah`. */
  readonly id: string;
  readonly file: string;
  readonly description: string;
  readonly unit: Unit;
  readonly lastValueStillValidOn: string;
  readonly values: readonly ParameterValue[];
}
