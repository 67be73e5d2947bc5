// One membership card, ID-1 size (ISO/IEC 7810: 85.6 × 54 mm), drawn at (x, y) in points.
import type { CardRow } from '../../db/cards.ts';
import {
  formatKpj,
  fundingText,
  PROGRAM_NAMES,
  regencyTitle,
  SEGMENT_NAMES,
  tanggal,
  verificationUrl,
} from './card-text.ts';
import { drawQr, MM, type Pdf } from './document.ts';

export const CARD_W = 85.6 * MM;
export const CARD_H = 54 * MM;

const GREEN = '#0b6e4f';
const INK = '#1a1a1a';
const GREY = '#5f6b66';
const PAD = 9;
const HEADER_H = 33;
const QR_PT = 66;

export interface CardInput {
  card: CardRow;
  publicBaseUrl: string;
}

export function drawCard(doc: Pdf, x: number, y: number, { card, publicBaseUrl }: CardInput): void {
  doc.save();
  doc.roundedRect(x, y, CARD_W, CARD_H, 7).fill('#ffffff');
  drawHeader(doc, x, y, regencyTitle(card.regencyName));
  drawBody(doc, x, y, card);
  const qrX = x + CARD_W - PAD - QR_PT;
  const qrY = y + HEADER_H + 9;
  drawQr(doc, verificationUrl(publicBaseUrl, card.kpj), qrX, qrY, QR_PT);
  doc
    .font('Helvetica')
    .fontSize(4.6)
    .fillColor(GREY)
    .text('Pindai untuk cek status', qrX - 4, qrY + QR_PT + 3, {
      width: QR_PT + 8,
      align: 'center',
      lineBreak: false,
    });
  drawFooter(doc, x, y, card.programs);
  doc
    .roundedRect(x + 0.25, y + 0.25, CARD_W - 0.5, CARD_H - 0.5, 7)
    .lineWidth(0.5)
    .stroke('#b8c4bf');
  doc.restore();
}

function drawHeader(doc: Pdf, x: number, y: number, regency: string): void {
  doc.save();
  doc.roundedRect(x, y, CARD_W, CARD_H, 7).clip();
  doc.rect(x, y, CARD_W, HEADER_H).fill(GREEN);
  doc.restore();
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#ffffff');
  doc.text('BPJS KETENAGAKERJAAN', x + PAD, y + 7, { lineBreak: false });
  doc.font('Helvetica').fontSize(5.6);
  doc.text('Kartu Peserta Jaminan Sosial Ketenagakerjaan', x + PAD, y + 21, { lineBreak: false });
  doc.text(regency, x + PAD, y + 9, { width: CARD_W - 2 * PAD, align: 'right', lineBreak: false });
}

function drawBody(doc: Pdf, x: number, y: number, card: CardRow): void {
  const left = x + PAD;
  const width = CARD_W - 2 * PAD - QR_PT - 8;
  let top = y + HEADER_H + 7;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
  doc.text(card.fullName, left, top, { width, lineBreak: false, ellipsis: true });
  top += 14;
  label(doc, 'NOMOR KPJ', left, top);
  doc.font('Courier-Bold').fontSize(11.5).fillColor(INK);
  doc.text(formatKpj(card.kpj), left, top + 7, { lineBreak: false });
  top += 22;
  const rows: [string, string][] = [
    ['Segmen', SEGMENT_NAMES[card.segment] ?? card.segment],
    ['Program', card.programs.join(', ')],
    ['Berlaku sejak', tanggal(card.statusSince)],
  ];
  for (const [name, value] of rows) {
    label(doc, name.toUpperCase(), left, top + 1);
    doc.font('Helvetica-Bold').fontSize(6.4).fillColor(INK);
    doc.text(value, left + 44, top, { width: width - 44, lineBreak: false, ellipsis: true });
    top += 9;
  }
  doc.font('Helvetica-Oblique').fontSize(6).fillColor(GREEN);
  doc.text(fundingText(card), left, top + 2, { width, lineBreak: false, ellipsis: true });
}

function drawFooter(doc: Pdf, x: number, y: number, programs: string[]): void {
  const legend = programs.map((p) => `${p}: ${PROGRAM_NAMES[p] ?? p}`).join('  ·  ');
  doc.font('Helvetica').fontSize(4.6).fillColor(GREY);
  doc.text(legend, x + PAD, y + CARD_H - 11, {
    width: CARD_W - 2 * PAD,
    lineBreak: false,
    ellipsis: true,
  });
}

function label(doc: Pdf, text: string, x: number, y: number): void {
  doc.font('Helvetica').fontSize(4.8).fillColor(GREY).text(text, x, y, { lineBreak: false });
}
