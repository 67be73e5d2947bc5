import {
  countInvoicesInScope,
  invoiceSummary,
  listInvoicesInScope,
  listPayersInScope,
} from '../db/invoices.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { keysetPage } from './keyset-page.ts';

function requireRead(actor: Actor): void {
  requirePermission(actor, 'billing.read');
}

/**
 * A page of the invoices in the caller's scope, newest due date first; `nextCursor` asks for the
 * page after (null on the last), and `total` counts every page, so a list is never cut silently.
 */
export async function listInvoices(
  deps: Deps,
  actor: Actor,
  f: {
    payerId?: number | null;
    period?: string | null;
    status?: 'open' | 'paid' | null;
    limit?: number;
    /** `nextCursor` of the previous page. */
    cursor?: string | null;
  },
) {
  requireRead(actor);
  const filter = {
    scopes: actor.regionScopes,
    payerId: f.payerId ?? null,
    period: f.period ?? null,
    status: f.status ?? null,
  };
  const { rows, nextCursor } = await keysetPage(
    Math.min(f.limit ?? 100, 500),
    f.cursor,
    (limit, afterId) => listInvoicesInScope(deps.db, { ...filter, limit, afterId }),
    (r) => r.id,
  );
  return { invoices: rows, nextCursor, total: await countInvoicesInScope(deps.db, filter) };
}

export async function showInvoice(deps: Deps, actor: Actor, id: number) {
  requireRead(actor);
  const invoice = await requireInScope(deps.db, actor, 'invoice', id);
  return { invoice, summary: await invoiceSummary(deps.db, id) };
}

export async function listPayers(deps: Deps, actor: Actor) {
  requireRead(actor);
  return { payers: await listPayersInScope(deps.db, actor.regionScopes) };
}
