import { type EnrolmentPolicy, findEnrolmentPolicy } from '../db/enrolment-policy.ts';
import type { Queryable } from '../db/types.ts';

export type { EnrolmentPolicy } from '../db/enrolment-policy.ts';

/**
 * Used until the district sets its own (enrolment_policy). Age ≤ 65: the village programmes'
 * limit (issue 4); ≥ 17: BPJS counts KTP holders from 17 (fact sheet §5, status S);
 * ≥ 10 workers per village batch: the district rule named in issue 4. All configurable.
 */
export const DEFAULT_ENROLMENT_POLICY: EnrolmentPolicy = {
  ageMinYears: 17,
  ageMaxYears: 65,
  villageWorkersMin: 10,
  villageWorkersMax: null,
};

export async function enrolmentPolicy(q: Queryable, regencyCode: string): Promise<EnrolmentPolicy> {
  return (await findEnrolmentPolicy(q, regencyCode)) ?? DEFAULT_ENROLMENT_POLICY;
}
