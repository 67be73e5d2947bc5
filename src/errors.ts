// The one catalog of error codes. Every code has an HTTP status and a message in Bahasa
// Indonesia and English; docs/errors.md documents each (a test checks both).

import { AUTH_ERRORS } from './errors/catalog/auth.ts';
import { BANK_ERRORS } from './errors/catalog/bank.ts';
import { BILLING_ERRORS } from './errors/catalog/billing.ts';
import { BUDGET_ERRORS } from './errors/catalog/budget.ts';
import { CLAIM_ERRORS } from './errors/catalog/claims.ts';
import { CORRECTION_ERRORS } from './errors/catalog/corrections.ts';
import { DATABASE_ERRORS } from './errors/catalog/database.ts';
import { EMPLOYER_ERRORS } from './errors/catalog/employers.ts';
import { ENROLMENT_ERRORS } from './errors/catalog/enrolment.ts';
import { FILE_ERRORS } from './errors/catalog/files.ts';
import { INPUT_ERRORS } from './errors/catalog/input.ts';
import { JHT_ERRORS } from './errors/catalog/jht.ts';
import { MEMBERSHIP_ERRORS } from './errors/catalog/membership.ts';
import { NIK_ERRORS } from './errors/catalog/nik.ts';
import { PAYOUT_ERRORS } from './errors/catalog/payouts.ts';
import { RECORD_ERRORS } from './errors/catalog/records.ts';
import { RULE_ERRORS } from './errors/catalog/rules.ts';
import { SERVER_ERRORS } from './errors/catalog/server.ts';
import type { CatalogEntry } from './errors/entry.ts';

export type Lang = 'id' | 'en';

/** The areas of the catalog, in the order docs/errors.md lists them; no code is in two (a test checks). */
export const ERROR_AREAS = {
  input: INPUT_ERRORS,
  auth: AUTH_ERRORS,
  records: RECORD_ERRORS,
  rules: RULE_ERRORS,
  database: DATABASE_ERRORS,
  files: FILE_ERRORS,
  enrolment: ENROLMENT_ERRORS,
  nik: NIK_ERRORS,
  billing: BILLING_ERRORS,
  server: SERVER_ERRORS,
  membership: MEMBERSHIP_ERRORS,
  employers: EMPLOYER_ERRORS,
  budget: BUDGET_ERRORS,
  payouts: PAYOUT_ERRORS,
  jht: JHT_ERRORS,
  claims: CLAIM_ERRORS,
  corrections: CORRECTION_ERRORS,
  bank: BANK_ERRORS,
} as const;

export const ERROR_CATALOG = {
  ...INPUT_ERRORS,
  ...AUTH_ERRORS,
  ...RECORD_ERRORS,
  ...RULE_ERRORS,
  ...DATABASE_ERRORS,
  ...FILE_ERRORS,
  ...ENROLMENT_ERRORS,
  ...NIK_ERRORS,
  ...BILLING_ERRORS,
  ...SERVER_ERRORS,
  ...MEMBERSHIP_ERRORS,
  ...EMPLOYER_ERRORS,
  ...BUDGET_ERRORS,
  ...PAYOUT_ERRORS,
  ...JHT_ERRORS,
  ...CLAIM_ERRORS,
  ...CORRECTION_ERRORS,
  ...BANK_ERRORS,
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type ErrorParams = Record<string, string | number>;

/**
 * Fills a message's placeholders from params. Text that differs per language travels as two
 * params: `{reason}` takes `reason` in Bahasa Indonesia and `reasonEn`, when given, in English.
 */
export function formatMessage(code: ErrorCode, lang: Lang, params: ErrorParams = {}): string {
  const template = ERROR_CATALOG[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    String((lang === 'en' ? params[`${key}En`] : undefined) ?? params[key] ?? `{${key}}`),
  );
}

/** A failure the caller can act on; adapters turn it into HTTP status / exit code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Per-field or per-row details (validation, imports). */
  readonly details: unknown;

  constructor(code: ErrorCode, params: ErrorParams = {}, details?: unknown) {
    super(formatMessage(code, 'en', params));
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.details = details;
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }

  localized(lang: Lang): string {
    return formatMessage(this.code, lang, this.params);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
