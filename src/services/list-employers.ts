import type { z } from 'zod';
import { listEmployers as listEmployerRows } from '../db/employers.ts';
import { AppError, ERROR_CATALOG, type ErrorCode, formatMessage } from '../errors.ts';
import { employerAccess, requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { countedKeysetPage } from './keyset-page.ts';

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

export interface EmployerQuery {
  search?: string | null;
  limit?: number;
  /** nextCursor of the previous page (keyset paging). */
  cursor?: string | null;
}

export async function listEmployers(deps: Deps, actor: Actor, q: EmployerQuery = {}) {
  requirePermission(actor, 'employers.read');
  const page = await countedKeysetPage(
    Math.min(q.limit ?? 50, 500),
    q.cursor,
    (limit, afterId) =>
      listEmployerRows(deps.db, employerAccess(actor), { search: q.search?.trim() || null, limit, afterId }),
    (e) => e.id,
  );
  return { total: page.total, employers: page.rows, nextCursor: page.nextCursor };
}

export async function showEmployer(deps: Deps, actor: Actor, npp: string) {
  requirePermission(actor, 'employers.read');
  return { employer: await requireInScope(deps.db, actor, 'employer', npp) };
}
