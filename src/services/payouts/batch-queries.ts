import { regencyInScope as regencyInScopeQuery } from '../../db/scope.ts';
import type { Queryable } from '../../db/types.ts';

/** A regency the caller may act in (not a village or district within it). */
export async function regencyInScope(q: Queryable, code: string, scopes: readonly string[]) {
  return regencyInScopeQuery(q, code, scopes);
}
