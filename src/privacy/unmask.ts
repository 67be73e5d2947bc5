// Who sees a person's NIK, name, birth date and sex in full (issue 15, point 3). Everyone else sees
// them masked (mask.ts). Services ask through access.ts (seesInFull), never this file directly.
//
// The rule, per role and per record:
//   - the record must lie in the caller's scope (its region at or below one of the caller's
//     region scopes); the queries already filter by scope, this is the second line;
//   - village operator: their own village's people, in every view: they entered them;
//   - branch officer and supervisor: the records of the regencies their branch serves, in every
//     view: they activate, correct and pay them;
//   - district officer: the records it must check: the rows of a batch under verification
//     (status 'submitted') and the participants of its regency (search and detail). A batch still
//     in draft, or already verified, activated or rejected, stays masked: there is nothing to check;
//   - everyone else (admin, auditor, employer, participant lists of others): masked, as before.
// Every response that carries a record in full is audited (services/personal-data-views.ts).

import type { Role } from '../services/actor.ts';

/** A record about to be shown, as the rule needs it: what it is and where it lies. */
export type PersonalRecord =
  | { kind: 'enrolment_batch'; regionCode: string; status: string }
  | { kind: 'participant'; regionCode: string };

/** Roles that see every record in their scope in full: those who enter or pay for the person. */
const ALWAYS_IN_SCOPE: readonly Role[] = ['village_operator', 'branch_officer', 'branch_supervisor'];

/** Kemendagri codes nest by prefix (53 > 53.04 > 53.04.01 > …); '*' is everywhere (SQL region_in_scope). */
export function regionInScope(code: string, scopes: readonly string[]): boolean {
  return scopes.some((s) => s === '*' || code === s || code.startsWith(`${s}.`));
}

export function unmaskedFor(role: Role, scopes: readonly string[], record: PersonalRecord): boolean {
  if (!regionInScope(record.regionCode, scopes)) return false;
  if (ALWAYS_IN_SCOPE.includes(role)) return true;
  if (role !== 'district_officer') return false;
  return record.kind === 'participant' || record.status === 'submitted';
}
