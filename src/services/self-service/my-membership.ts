// The participant's own membership: what the card says, and the card itself as a PDF.
import { findCardById } from '../../db/cards.ts';
import { AppError } from '../../errors.ts';
import type { Actor, Deps } from '../actor.ts';
import { CARD_H, CARD_W, drawCard } from '../card-pdf/card-layout.ts';
import {
  DEFAULT_PUBLIC_BASE_URL,
  formatKpj,
  fundingText,
  PROGRAM_NAMES,
  regencyTitle,
  SEGMENT_NAMES,
} from '../card-pdf/card-text.ts';
import { newPdf, pdfBytes } from '../card-pdf/document.ts';
import { selfParticipantId } from './self.ts';

export async function myMembership(deps: Deps, actor: Actor) {
  const card = await findCardById(deps.db, selfParticipantId(actor));
  if (!card) throw new AppError('NOT_FOUND');
  return {
    kpj: card.kpj,
    kpjFormatted: formatKpj(card.kpj),
    fullName: card.fullName,
    segment: card.segment,
    segmentName: SEGMENT_NAMES[card.segment] ?? card.segment,
    programs: card.programs.map((code) => ({ code, name: PROGRAM_NAMES[code] ?? code })),
    fundingSource: card.fundingSource,
    funding: fundingText(card),
    fundingEn: fundingText(card, 'en'),
    status: card.status,
    statusSince: card.statusSince,
    regionCode: card.regionCode,
    villageName: card.villageName,
    regencyName: regencyTitle(card.regencyName),
  };
}

/** The participant's own card (active members only, like the card the branch prints). */
export async function myCardPdf(deps: Deps, actor: Actor, opts: { publicBaseUrl?: string } = {}) {
  const card = await findCardById(deps.db, selfParticipantId(actor));
  if (!card) throw new AppError('NOT_FOUND');
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
  return { kpj: card.kpj, pdf: await pdfBytes(doc) };
}
