// A person entering a membership through a form (an employer's worker, a migrant worker): the
// registry's NIK rules, the person created when new, and the one-membership rule
// (src/rules/kepesertaan.ts) asked against what the person already holds.
import { insertPersonsIfNew, type PersonInput, personProblems } from '../db/employers.ts';
import { activeMembershipsOf, type HeldMembership } from '../db/memberships.ts';
import type { Queryable } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { decideMembership, type Membership } from '../rules/kepesertaan.ts';
import { fieldErrors } from './list-employers.ts';

/** VALIDATION_FAILED naming each field (NIK structure; name, birth date, sex of a new NIK), else the person exists. */
export async function admitPerson(q: Queryable, person: PersonInput, at: string): Promise<void> {
  const problems = (await personProblems(q, [person]))[0]!;
  if (problems.length > 0) {
    throw fieldErrors(problems.map((p) => ({ field: p.split(':')[0]!, code: p.split(':')[1]! })));
  }
  await insertPersonsIfNew(q, [person], at);
}

/**
 * The person's active memberships, once the candidate may stand beside each of them: a refusal
 * throws its code (ALREADY_PU, ALREADY_PMI, …); one the candidate takes over is returned with the rest.
 */
export async function heldAllowing(
  q: Queryable,
  nik: string,
  candidate: Membership,
): Promise<HeldMembership[]> {
  const held = await activeMembershipsOf(q, nik);
  for (const h of held) {
    const d = decideMembership(h, candidate);
    if (d.kind === 'refused') throw new AppError(d.code);
  }
  return held;
}
