// The public calculator: validate the input (naming the field), then call the rules with the
// parameter book. No database, no actor: the calculator is public.
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { hitungIuran, type IuranInput } from '../rules/iuran/hitung.ts';
import type { IuranResult } from '../rules/iuran/types.ts';
import { hitungManfaat, type ManfaatInput } from '../rules/manfaat/hitung.ts';
import type { ManfaatResult } from '../rules/manfaat/types.ts';
import type { ParameterBook } from '../rules/params/book.ts';
import { benefitInputSchema, contributionInputSchema } from './calculation-schemas.ts';
import { ruleBook } from './rule-book.ts';

export type ContributionResult = IuranResult;
export type BenefitResult = ManfaatResult;

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
    field:
      [...i.path.map(String), ...(i.code === 'unrecognized_keys' ? [i.keys.join(', ')] : [])].join('.') ||
      '(input)',
    message: i.message,
  }));
  throw new AppError(
    'VALIDATION_FAILED',
    { detail: issues.map((i) => `${i.field}: ${i.message}`).join('; ') },
    issues,
  );
}

export function calculateContribution(
  input: unknown,
  book: ParameterBook = ruleBook().book,
): ContributionResult {
  return hitungIuran(book, parseOrThrow(contributionInputSchema, input) as IuranInput);
}

export function calculateBenefit(input: unknown, book: ParameterBook = ruleBook().book): BenefitResult {
  return hitungManfaat(book, parseOrThrow(benefitInputSchema, input) as ManfaatInput);
}
