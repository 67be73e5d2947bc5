// The invoice of one payer for one period as an A4 PDF in Bahasa Indonesia (English subtitles):
// issuer, payer and region, period, issue and due dates, the lines summarised by programme and
// payer role, total in figures and in words, paid so far, balance, and how to pay. Counts and
// totals only: no participant's name or number appears on it.

import { invoiceSummary } from '../db/invoices.ts';
import { findAncestors, findRegionInScope, type RegionRow } from '../db/regions.ts';
import { requireInScope, requirePermission } from './access.ts';
import type { Actor, Deps } from './actor.ts';
import { newPdf, pdfBytes } from './card-pdf/document.ts';
import { A4 } from './card-pdf/sheet-layout.ts';
import { ISSUER } from './invoice-pdf/labels.ts';
import { drawInvoice } from './invoice-pdf/layout.ts';
import { type BankAccount, invoiceView, PLACEHOLDER_BANK } from './invoice-pdf/model.ts';

export type { BankAccount } from './invoice-pdf/model.ts';
export { PLACEHOLDER_BANK } from './invoice-pdf/model.ts';

export interface InvoicePdfOptions {
  /** The account payers transfer to; the adapter passes it in from configuration. */
  bank?: BankAccount;
}

/** The payer's region and the regions above it (province first). */
async function regionChain(deps: Deps, code: string | null, scopes: readonly string[]) {
  if (!code) return [];
  const region = await findRegionInScope(deps.db, code, scopes);
  const chain: RegionRow[] = await findAncestors(deps.db, code);
  return region ? [...chain, region] : chain;
}

/** "INV/5304/2026-12/0000001" → "INV-5304-2026-12-0000001" (safe in a file name). */
export function invoiceFileStem(number: string): string {
  return number.replace(/[^A-Za-z0-9-]+/g, '-');
}

/** The invoice PDF, for anyone with billing.read whose scope holds the payer (404 outside it). */
export async function invoicePdf(
  deps: Deps,
  actor: Actor,
  id: number,
  opts: InvoicePdfOptions = {},
): Promise<{ pdf: Buffer; number: string }> {
  requirePermission(actor, 'billing.read');
  const invoice = await requireInScope(deps.db, actor, 'invoice', id);
  const now = deps.clock.now();
  const view = invoiceView({
    invoice,
    summary: await invoiceSummary(deps.db, id),
    regionChain: await regionChain(deps, invoice.payerRegion, actor.regionScopes),
    bank: opts.bank ?? PLACEHOLDER_BANK,
    now,
  });
  const doc = newPdf({
    createdAt: now,
    title: `Tagihan iuran ${invoice.number} · ${ISSUER.name} ${ISSUER.office}`,
    size: A4,
  });
  drawInvoice(doc, view);
  return { pdf: await pdfBytes(doc), number: invoice.number };
}
