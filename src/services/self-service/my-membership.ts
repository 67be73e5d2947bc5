// The participant's own membership: what the card says, and the card itself as a PDF.
import type { CardRow } from '../../db/cards.ts';
import type { Queryable } from '../../db/types.ts';
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

/** Card data of one participant by id (the caller has already decided it may see it). */
export async function cardRowById(q: Queryable, participantId: number): Promise<CardRow | null> {
  const r = await q.query<CardRow>(
    `SELECT pa.kpj, p.full_name AS "fullName", pa.segment, pa.programs, pa.funding_source AS "fundingSource",
            pa.status, pa.status_since AS "statusSince", pa.region_code AS "regionCode",
            v.name AS "villageName", v.kind AS "villageKind", g.name AS "regencyName", pay.name AS "payerName"
     FROM participant pa
     JOIN person p ON p.id = pa.person_id
     JOIN region v ON v.code = pa.region_code
     JOIN region g ON g.code = pa.regency_code
     JOIN payer pay ON pay.id = pa.payer_id
     WHERE pa.id = $1`,
    [participantId],
  );
  return r.rows[0] ?? null;
}

export async function myMembership(deps: Deps, actor: Actor) {
  const card = await cardRowById(deps.db, selfParticipantId(actor));
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
    status: card.status,
    statusSince: card.statusSince,
    regionCode: card.regionCode,
    villageName: card.villageName,
    regencyName: regencyTitle(card.regencyName),
  };
}

/** The participant's own card (active members only, like the card the branch prints). */
export async function myCardPdf(deps: Deps, actor: Actor, opts: { publicBaseUrl?: string } = {}) {
  const card = await cardRowById(deps.db, selfParticipantId(actor));
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
