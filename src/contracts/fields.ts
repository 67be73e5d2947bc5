// The formats of the fields that the server's schemas and the web's forms both check, defined
// once: src/http and src/services build their zod schemas from these, and web/src checks a form
// with the same schemas before sending (the server checks again, with the real-day and range
// checks of src/rules/calendar.ts). Only zod here: the web bundles this file.
import { z } from 'zod';

/** A calendar date's shape, YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** A billing period, YYYY-MM with a month 01–12. */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** A regency (kabupaten/kota) code of Kemendagri, e.g. 53.04 for Belu. */
export const RegencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'a regency code like 53.04');
/** A village (desa/kelurahan) code, e.g. 53.04.01.2001. */
export const VillageCode = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'a village code like 53.04.01.2001');

/** Whether `value` passes `schema`: the forms' check before they send. */
export function passes(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}
