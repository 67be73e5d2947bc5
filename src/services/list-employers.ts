import type { z } from 'zod';
import {
  type EmployerAccess,
  type EmployerRow,
  findEmployer,
  listEmployers as listEmployerRows,
} from '../db/employers.ts';
import type { Queryable } from '../db/types.ts';
import { AppError, ERROR_CATALOG, type ErrorCode, formatMessage } from '../errors.ts';
import { requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';

export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

/** VALIDATION_FAILED naming each field and its catalog code (the employer and project services share it). */
export function fieldErrors(problems: readonly FieldProblem[]): AppError {
  const details = problems.map((p) => ({
    ...p,
    message:
      p.message ??
      (p.code in ERROR_CATALOG ? formatMessage(p.code as ErrorCode, 'en', { detail: p.field }) : p.code),
  }));
  return new AppError(
    'VALIDATION_FAILED',
    { detail: details.map((d) => `${d.field}: ${d.code}`).join('; ') },
    details,
  );
}

/** The input as the schema types it, or VALIDATION_FAILED naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw fieldErrors(
    r.error.issues.map((i) => {
      const field = i.path.map(String).join('.') || 'input';
      return i.message in ERROR_CATALOG
        ? { field, code: i.message }
        : { field, code: 'VALIDATION_FAILED', message: i.message };
    }),
  );
}

/** Branch, district and auditors see employers in their regions; an employer user sees its own NPP. */
export function employerAccess(actor: Actor): EmployerAccess {
  return {
    scopes: actor.regionScopes,
    npp: actor.scope.type === 'employer' ? actor.scope.code : null,
  };
}

/** The employer the caller may act on, or NOT_FOUND (404) when it is outside the caller's scope. */
export async function employerForActor(
  q: Queryable,
  actor: Actor,
  npp: string,
  lock = false,
): Promise<EmployerRow> {
  const e = await findEmployer(q, npp, employerAccess(actor), lock);
  if (!e) throw new AppError('NOT_FOUND');
  return e;
}

export interface EmployerQuery {
  search?: string | null;
  limit?: number;
  offset?: number;
}

export async function listEmployers(deps: Deps, actor: Actor, q: EmployerQuery = {}) {
  requirePermission(actor, 'employers.read');
  const { total, rows } = await listEmployerRows(deps.db, employerAccess(actor), {
    search: q.search?.trim() || null,
    limit: Math.min(q.limit ?? 50, 500),
    offset: q.offset ?? 0,
  });
  return { total, employers: rows };
}

export async function showEmployer(deps: Deps, actor: Actor, npp: string) {
  requirePermission(actor, 'employers.read');
  return { employer: await employerForActor(deps.db, actor, npp) };
}
