// The invoice on A4: issuer band, payer and dates, the lines table, totals with the amount in
// words, and how to pay. Built-in Helvetica only, so the bytes depend on nothing but the data.
import type { Pdf } from '../card-pdf/document.ts';
import { A4 } from '../card-pdf/sheet-layout.ts';
import { ISSUER, ribuan, rupiah } from './labels.ts';
import type { InvoiceLineView, InvoiceView } from './model.ts';

const GREEN = '#0b6e4f';
const PALE = '#e7f1ed';
const INK = '#1a1a1a';
const GREY = '#5f6b66';
const LEFT = 50;
const WIDTH = A4[0] - 2 * LEFT;
const RIGHT = LEFT + WIDTH;
const PAGE_BOTTOM = A4[1] - 70;
const ROW_H = 20;
/** Room the totals and the payment box need below the table. */
const CLOSING_H = 250;
/** Left edge of the invoice facts (number, period, dates) and of the totals. */
const FACTS_X = 305;
const TOTALS_X = 290;

/** Columns of the lines table: x, width, alignment, Indonesian and English heading. */
const COLS = [
  { x: LEFT, w: 254, align: 'left', id: 'Uraian', en: 'Description' },
  { x: LEFT + 254, w: 80, align: 'left', id: 'Penanggung', en: 'Borne by' },
  { x: LEFT + 334, w: 56, align: 'right', id: 'Peserta', en: 'Participants' },
  { x: LEFT + 390, w: WIDTH - 390, align: 'right', id: 'Jumlah', en: 'Amount' },
] as const;

/** The text cut to fit `width` with an ellipsis (pdfkit would wrap it onto the next row). */
function fitWidth(doc: Pdf, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let cut = s;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** One line of text at (x, y), never wrapped; with `ellipsis` it is cut to fit `width`. */
function text(doc: Pdf, s: string, x: number, y: number, o: PDFKit.Mixins.TextOptions = {}): void {
  const { ellipsis, ...rest } = o;
  const shown = ellipsis && o.width ? fitWidth(doc, s, o.width) : s;
  doc.text(shown, x, y, { lineBreak: false, ...rest });
}

export function drawInvoice(doc: Pdf, v: InvoiceView): void {
  let page = 1;
  doc.addPage({ size: A4, margin: 0 });
  drawBand(doc);
  drawParties(doc, v);
  let y = drawTableHead(doc, 222);
  for (const line of v.lines) {
    if (y + ROW_H > PAGE_BOTTOM) {
      drawFooter(doc, v, page++);
      doc.addPage({ size: A4, margin: 0 });
      y = drawTableHead(doc, 50);
    }
    y = drawLine(doc, line, y);
  }
  if (y + CLOSING_H > PAGE_BOTTOM) {
    drawFooter(doc, v, page++);
    doc.addPage({ size: A4, margin: 0 });
    y = 50;
  }
  y = drawTotals(doc, v, y + 8);
  drawPayment(doc, v, y + 18);
  drawFooter(doc, v, page);
}

function drawBand(doc: Pdf): void {
  doc.rect(0, 0, A4[0], 86).fill(GREEN);
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(18);
  text(doc, ISSUER.name.toUpperCase(), LEFT, 26);
  doc.font('Helvetica').fontSize(10);
  text(doc, ISSUER.office, LEFT, 50);
  doc.font('Helvetica-Bold').fontSize(16);
  text(doc, 'TAGIHAN IURAN', LEFT, 26, { width: WIDTH, align: 'right' });
  doc.font('Helvetica').fontSize(9);
  text(doc, 'Contribution invoice', LEFT, 50, { width: WIDTH, align: 'right' });
}

function caption(doc: Pdf, s: string, x: number, y: number, o: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica').fontSize(7.5).fillColor(GREY);
  text(doc, s, x, y, o);
}

function drawParties(doc: Pdf, v: InvoiceView): void {
  caption(doc, 'DITAGIHKAN KEPADA / BILLED TO', LEFT, 110);
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK);
  text(doc, v.payerName, LEFT, 124, { width: 260, ellipsis: true });
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  text(doc, v.payerKind, LEFT, 142, { width: 240, ellipsis: true });
  doc.text(v.regionLine, LEFT, 155, { width: 240 });
  const facts: [string, string, boolean][] = [
    ['Nomor tagihan / Invoice no.', v.number, false],
    ['Periode / Period', v.period, false],
    ['Tanggal terbit / Issued', v.issueDate, false],
    ['Jatuh tempo / Due date', v.dueDate, true],
  ];
  let y = 110;
  for (const [name, value, strong] of facts) {
    caption(doc, name, FACTS_X, y + 2);
    doc
      .font(strong ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .fillColor(INK);
    text(doc, value, FACTS_X, y, { width: RIGHT - FACTS_X, align: 'right' });
    y += 20;
  }
}

function drawTableHead(doc: Pdf, y: number): number {
  doc.rect(LEFT, y, WIDTH, 30).fill(PALE);
  for (const c of COLS) {
    const o = { width: c.w - 8, align: c.align };
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(INK);
    text(doc, c.id, c.x + 4, y + 6, o);
    doc.font('Helvetica').fontSize(7).fillColor(GREY);
    text(doc, c.en, c.x + 4, y + 17, o);
  }
  return y + 30;
}

function drawLine(doc: Pdf, line: InvoiceLineView, y: number): number {
  const count = line.participants === null ? '-' : ribuan(line.participants);
  const cells = [line.description, line.role, count, rupiah(line.amountRp)];
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  COLS.forEach((c, i) => {
    text(doc, cells[i]!, c.x + 4, y + 6, { width: c.w - 8, align: c.align, ellipsis: true });
  });
  doc
    .moveTo(LEFT, y + ROW_H)
    .lineTo(RIGHT, y + ROW_H)
    .lineWidth(0.4)
    .stroke('#c9d3cf');
  return y + ROW_H;
}

function drawTotals(doc: Pdf, v: InvoiceView, y: number): number {
  const labelX = TOTALS_X;
  const rows: [string, string, boolean][] = [
    ['Total tagihan / Total', rupiah(v.totalRp), true],
    ['Sudah dibayar / Paid', rupiah(v.paidRp), false],
  ];
  for (const [name, value, strong] of rows) {
    doc
      .font(strong ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .fillColor(INK);
    text(doc, name, labelX, y);
    text(doc, value, labelX, y, { width: RIGHT - 4 - labelX, align: 'right' });
    y += 18;
  }
  doc.rect(labelX - 6, y - 4, RIGHT - labelX + 6, 24).fill(GREEN);
  doc.font('Helvetica-Bold').fontSize(10.5).fillColor('#ffffff');
  text(doc, 'Sisa tagihan / Balance due', labelX, y + 3);
  text(doc, rupiah(v.balanceRp), labelX, y + 3, { width: RIGHT - 4 - labelX, align: 'right' });
  const wordsY = y - 36;
  caption(doc, 'TERBILANG / IN WORDS', LEFT, wordsY);
  doc.font('Helvetica-Oblique').fontSize(9.5).fillColor(INK);
  doc.text(v.totalWords, LEFT, wordsY + 12, { width: TOTALS_X - LEFT - 24 });
  return Math.max(y + 24, doc.y);
}

function drawPayment(doc: Pdf, v: InvoiceView, y: number): void {
  doc.roundedRect(LEFT, y, WIDTH, 132, 6).lineWidth(0.8).stroke(GREEN);
  doc.font('Helvetica-Bold').fontSize(10).fillColor(GREEN);
  text(doc, 'CARA PEMBAYARAN / HOW TO PAY', LEFT + 14, y + 12);
  const rows: [string, string][] = [
    ['Bank', v.bank.bankName],
    ['Nomor rekening', v.bank.accountNumber],
    ['Atas nama', v.bank.accountName],
    ['Berita transfer (wajib)', v.number],
  ];
  let rowY = y + 32;
  for (const [name, value] of rows) {
    doc.font('Helvetica').fontSize(9).fillColor(GREY);
    text(doc, name, LEFT + 14, rowY);
    doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
    text(doc, value, LEFT + 140, rowY, { width: WIDTH - 154, ellipsis: true });
    rowY += 15;
  }
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
  text(doc, `Mohon bayar sebelum tanggal jatuh tempo, ${v.dueDate}.`, LEFT + 14, rowY + 6);
  doc.font('Helvetica').fontSize(7.5).fillColor(GREY);
  text(
    doc,
    'Please pay by bank transfer before the due date and quote the invoice number as the transfer reference.',
    LEFT + 14,
    rowY + 20,
    { width: WIDTH - 28, ellipsis: true },
  );
}

function drawFooter(doc: Pdf, v: InvoiceView, page: number): void {
  const y = A4[1] - 56;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(0.4).stroke('#c9d3cf');
  caption(doc, `${ISSUER.name} ${ISSUER.office} · ${v.number}`, LEFT, y + 8);
  caption(doc, `Halaman ${page}`, LEFT, y + 8, { width: WIDTH, align: 'right' });
  caption(doc, `Dibuat oleh lindung pada ${v.generatedAt}.`, LEFT, y + 19);
  caption(
    doc,
    'Tagihan ini hanya memuat jumlah peserta dan nilai iuran, tanpa data pribadi peserta.',
    LEFT,
    y + 30,
  );
}
