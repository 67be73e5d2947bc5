import { invoiceSummary, listInvoicesInScope, listPayersInScope } from '../db/invoices.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';

function requireRead(actor: Actor): void {
  requirePermission(actor, 'billing.read');
}

export async function listInvoices(
  deps: Deps,
  actor: Actor,
  f: {
    payerId?: number | null;
    period?: string | null;
    status?: 'open' | 'paid' | null;
    limit?: number;
    offset?: number;
  },
) {
  requireRead(actor);
  const invoices = await listInvoicesInScope(deps.db, {
    scopes: actor.regionScopes,
    ...f,
    limit: Math.min(f.limit ?? 100, 500),
    offset: f.offset ?? 0,
  });
  return { invoices };
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
