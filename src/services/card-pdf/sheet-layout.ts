// Cards for printing on A4: 2 × 5 cards edge to edge (like business-card sheets), with cut
// marks in the margins on every cut line, so one straight cut separates two cards.
import type { CardRow } from '../../db/cards.ts';
import { CARD_H, CARD_W, drawCard } from './card-layout.ts';
import type { Pdf } from './document.ts';

export const A4: [number, number] = [595.28, 841.89];
export const SHEET_COLS = 2;
export const SHEET_ROWS = 5;
export const CARDS_PER_SHEET = SHEET_COLS * SHEET_ROWS;

const LEFT = (A4[0] - SHEET_COLS * CARD_W) / 2;
const TOP = (A4[1] - SHEET_ROWS * CARD_H) / 2;
const MARK_GAP = 3;
const MARK_LEN = 8;

export interface SheetInput {
  cards: CardRow[];
  publicBaseUrl: string;
  /** Printed under each page: "Desa Kewar". */
  placeName: string;
}

export function drawSheets(doc: Pdf, { cards, publicBaseUrl, placeName }: SheetInput): void {
  const pages = Math.max(1, Math.ceil(cards.length / CARDS_PER_SHEET));
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: A4, margin: 0 });
    const onPage = cards.slice(page * CARDS_PER_SHEET, (page + 1) * CARDS_PER_SHEET);
    onPage.forEach((card, i) => {
      const col = i % SHEET_COLS;
      const row = Math.floor(i / SHEET_COLS);
      drawCard(doc, LEFT + col * CARD_W, TOP + row * CARD_H, { card, publicBaseUrl });
    });
    if (onPage.length > 0) drawCutMarks(doc, Math.ceil(onPage.length / SHEET_COLS));
    const note =
      cards.length === 0
        ? `${placeName}: belum ada peserta aktif.`
        : `Kartu peserta ${placeName} · halaman ${page + 1} dari ${pages} · ${cards.length} kartu · ` +
          'potong mengikuti tanda garis di tepi kertas';
    doc.font('Helvetica').fontSize(6.5).fillColor('#5f6b66');
    doc.text(note, LEFT, A4[1] - TOP + MARK_GAP + MARK_LEN + 4, {
      width: SHEET_COLS * CARD_W,
      align: 'center',
      lineBreak: false,
    });
  }
}

/** Short hairlines outside the card grid, in line with every cut. */
function drawCutMarks(doc: Pdf, rows: number): void {
  const right = LEFT + SHEET_COLS * CARD_W;
  const bottom = TOP + rows * CARD_H;
  doc.save().lineWidth(0.3).strokeColor('#000000');
  for (let c = 0; c <= SHEET_COLS; c++) {
    const x = LEFT + c * CARD_W;
    doc.moveTo(x, TOP - MARK_GAP).lineTo(x, TOP - MARK_GAP - MARK_LEN);
    doc.moveTo(x, bottom + MARK_GAP).lineTo(x, bottom + MARK_GAP + MARK_LEN);
  }
  for (let r = 0; r <= rows; r++) {
    const y = TOP + r * CARD_H;
    doc.moveTo(LEFT - MARK_GAP, y).lineTo(LEFT - MARK_GAP - MARK_LEN, y);
    doc.moveTo(right + MARK_GAP, y).lineTo(right + MARK_GAP + MARK_LEN, y);
  }
  doc.stroke();
  doc.restore();
}
