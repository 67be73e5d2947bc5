// Membership cards as PDF: one card on a card-sized page for a participant, or the cards of a
// village's active participants on A4 sheets with cut marks for the village operator to print.
//
// The single card is a card-sized page (85.6 × 54 mm, ISO ID-1) rather than an A4 letter: it
// prints at true size on a card printer or on any printer at 100 %, and it is drawn by the very
// function that draws each card of the village sheets, so both always look the same.
import { type CardRow, listActiveVillageCards } from '../db/cards.ts';
import { AppError } from '../errors.ts';
import { can, requireInScope } from './access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from './actor.ts';
import { CARD_H, CARD_W, drawCard } from './card-pdf/card-layout.ts';
import { DEFAULT_PUBLIC_BASE_URL, formatKpj } from './card-pdf/card-text.ts';
import { newPdf, pdfBytes } from './card-pdf/document.ts';
import { A4, drawSheets } from './card-pdf/sheet-layout.ts';

export { formatKpj, verificationUrl } from './card-pdf/card-text.ts';

export interface CardPdfOptions {
  /** Where the QR code's verification page lives; the adapter passes it in. */
  publicBaseUrl?: string;
}

/**
 * Cards carry the real name (the card belongs to the participant), so only roles that see
 * personal data may print them; everyone else with read access gets 403.
 */
export function mayPrintCards(actor: Actor): boolean {
  return can(actor, 'participants.read') && SEES_PERSONAL_DATA.includes(actor.role);
}

function requireCardPrinter(actor: Actor): void {
  if (!mayPrintCards(actor)) throw new AppError('FORBIDDEN');
}

/** The card of one participant in the caller's scope (404 outside it). */
export async function participantCardPdf(
  deps: Deps,
  actor: Actor,
  kpj: string,
  opts: CardPdfOptions = {},
): Promise<Buffer> {
  requireCardPrinter(actor);
  const wanted = kpj.replace(/\s+/g, '');
  if (!/^\d{11}$/.test(wanted)) throw new AppError('NOT_FOUND');
  const card = await requireInScope(deps.db, actor, 'card', wanted);
  if (card.status !== 'active') {
    throw new AppError('PARTICIPANT_NOT_ACTIVE', { kpj: card.kpj, status: card.status });
  }
  const doc = newPdf({
    createdAt: deps.clock.now(),
    title: `Kartu Peserta BPJS Ketenagakerjaan ${formatKpj(card.kpj)}`,
    size: [CARD_W, CARD_H],
  });
  doc.addPage({ size: [CARD_W, CARD_H], margin: 0 });
  drawCard(doc, 0, 0, { card, publicBaseUrl: opts.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL });
  return pdfBytes(doc);
}

/** The cards of every active participant of a village in the caller's scope (404 outside it). */
export async function villageCardsPdf(
  deps: Deps,
  actor: Actor,
  villageCode: string,
  opts: CardPdfOptions = {},
): Promise<{ pdf: Buffer; cards: number }> {
  requireCardPrinter(actor);
  const village = await requireInScope(deps.db, actor, 'village', villageCode);
  const cards: CardRow[] = await listActiveVillageCards(deps.db, villageCode);
  const placeName = `${village.kind === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${village.name}`;
  const doc = newPdf({
    createdAt: deps.clock.now(),
    title: `Kartu Peserta BPJS Ketenagakerjaan ${placeName}`,
    size: A4,
  });
  drawSheets(doc, { cards, publicBaseUrl: opts.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL, placeName });
  return { pdf: await pdfBytes(doc), cards: cards.length };
}
