import { participantInScope as participantInScopeQuery } from '../../db/scope.ts';
import type { Queryable } from '../../db/types.ts';

/** The participant if it lies in the caller's regions (else null: the caller answers 404). */
export async function participantInScope(q: Queryable, id: number, scopes: readonly string[]) {
  return participantInScopeQuery(q, id, scopes);
}
