// The checks a person's data passes after a correction: the same as at enrolment (name, date,
// sex, the NIK's structure and its consistency with birth date and sex: nik_problems), NIK
// uniqueness, and the possible-duplicate review on the recomputed name key. Run at the proposal
// and again at the decision (facts may have changed in between).
import { type CorrectionField, correctionFacts, type PersonData } from '../../db/person-corrections.ts';
import type { Queryable } from '../../db/types.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { isPersonName } from '../../hygiene.ts';
import { isValidDate } from '../../rules/calendar.ts';

export interface CorrectionCheck {
  personId: number;
  /** The person's data as it would be after the correction. */
  after: PersonData;
  changed: readonly CorrectionField[];
  scopes: readonly string[];
  today: string;
  /** When deciding: the correction itself (its own pending NIK is no conflict). */
  correctionId?: number | null;
}

/** Throws the first refusal; returns the warnings as 'field:CODE' (review, not refusal). */
export async function checkCorrection(tx: Queryable, c: CorrectionCheck): Promise<string[]> {
  const a = c.after;
  const changed = (f: CorrectionField) => c.changed.includes(f);
  if (changed('fullName') && !isPersonName(a.fullName)) throw new AppError('NAME_INVALID');
  if (changed('birthDate') && (!isValidDate(a.birthDate) || a.birthDate > c.today))
    throw new AppError('DATE_INVALID');
  if (changed('sex') && a.sex !== 'L' && a.sex !== 'P') throw new AppError('SEX_INVALID');
  const facts = await correctionFacts(tx, {
    personId: c.personId,
    data: a,
    scopes: c.scopes,
    correctionId: c.correctionId ?? null,
  });
  // The NIK carries birth date and sex: a change of any of the three re-runs every NIK check.
  if ((changed('nik') || changed('birthDate') || changed('sex')) && facts.nikProblems.length > 0)
    throw new AppError(facts.nikProblems[0] as ErrorCode, {}, { problems: facts.nikProblems });
  const warnings: string[] = [];
  if (changed('nik')) {
    // Someone outside the caller's scope is not named, not even as existing (issue 14, L3).
    if (facts.nikHolderInScope === true || facts.nikPendingElsewhere) throw new AppError('NIK_TAKEN');
    if (facts.nikHolderInScope === false) throw new AppError('NEEDS_BRANCH_REVIEW');
    if (facts.nikInOpenBatch) throw new AppError('IN_OTHER_BATCH');
    if (!facts.nikRegionKnown) warnings.push('nik:NIK_REGION_UNKNOWN');
  }
  if (changed('fullName') || changed('birthDate')) {
    if (facts.twinsInScope > 0) warnings.push('fullName:POSSIBLE_DUPLICATE');
    else if (facts.twinsOutside > 0) warnings.push('fullName:NEEDS_BRANCH_REVIEW');
  }
  return warnings;
}
