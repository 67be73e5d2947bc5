// A report on A4 for printing: the issuer band, the district's name, the period and the date it
// was generated (WITA), any notes, then each table with its header repeated on every page and a
// totals row. Landscape when a table is too wide for portrait. Built-in Helvetica only.
import { newPdf, type Pdf, pdfBytes } from '../card-pdf/document.ts';
import { A4 } from '../card-pdf/sheet-layout.ts';
import { columnTotal, type ExportColumn, type ExportTable } from '../exports/table.ts';
import { ISSUER, ribuan } from '../invoice-pdf/labels.ts';
import { formatWita, tanggal } from '../tanggal-id.ts';
import type { ReportDocument, ReportTable } from './report-table.ts';

const GREEN = '#0b6e4f';
const PALE = '#e7f1ed';
const INK = '#1a1a1a';
const GREY = '#5f6b66';
const MARGIN = 40;
const ROW_H = 15;
/** Character widths above this print in landscape. */
const PORTRAIT_CHARS_MAX = 110;

interface Page {
  doc: Pdf;
  size: [number, number];
  number: number;
  y: number;
  report: ReportDocument;
}

function fitWidth(doc: Pdf, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let cut = s;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function text(doc: Pdf, s: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left') {
  doc.text(fitWidth(doc, s, width), x, y, { lineBreak: false, width, align });
}

function cellText(c: ExportColumn<unknown>, v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return ribuan(v);
  return c.kind === 'date' ? tanggal(v) : v;
}

function footer(p: Page): void {
  const [w, h] = p.size;
  const y = h - 32;
  p.doc
    .moveTo(MARGIN, y)
    .lineTo(w - MARGIN, y)
    .lineWidth(0.4)
    .stroke('#c9d3cf');
  p.doc.font('Helvetica').fontSize(7).fillColor(GREY);
  const line = `${p.report.title} · ${p.report.regencyName} · ${p.report.periodLine}`;
  text(p.doc, line, MARGIN, y + 6, w - 2 * MARGIN - 60);
  text(p.doc, `Halaman ${p.number}`, MARGIN, y + 6, w - 2 * MARGIN, 'right');
  text(
    p.doc,
    `Dibuat oleh lindung pada ${formatWita(p.report.generatedAt)}.${p.report.dataNote ? ` ${p.report.dataNote}` : ''}`,
    MARGIN,
    y + 15,
    w - 2 * MARGIN,
  );
}

function newPage(p: Page): void {
  if (p.number > 0) footer(p);
  p.doc.addPage({ size: p.size, margin: 0 });
  p.number++;
  p.y = MARGIN;
}

function heading(p: Page): void {
  const [w] = p.size;
  const inner = w - 2 * MARGIN;
  p.doc.rect(0, 0, w, 70).fill(GREEN);
  p.doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(15);
  text(p.doc, ISSUER.name.toUpperCase(), MARGIN, 20, inner / 2);
  p.doc.font('Helvetica').fontSize(9);
  text(p.doc, ISSUER.office, MARGIN, 42, inner / 2);
  p.doc.font('Helvetica-Bold').fontSize(13);
  text(p.doc, p.report.title.toUpperCase(), MARGIN + inner / 2, 22, inner / 2, 'right');
  p.doc.fillColor(INK).font('Helvetica-Bold').fontSize(12);
  text(p.doc, p.report.regencyName, MARGIN, 86, inner);
  p.doc.font('Helvetica').fontSize(9.5);
  text(p.doc, `Periode: ${p.report.periodLine}`, MARGIN, 104, inner);
  text(p.doc, `Dibuat: ${formatWita(p.report.generatedAt)}`, MARGIN, 118, inner);
  p.y = 140;
  p.doc.fontSize(8.5).fillColor(GREY);
  for (const note of p.report.notes) {
    text(p.doc, note, MARGIN, p.y, inner);
    p.y += 13;
  }
  p.y += 6;
}

function layout(p: Page, table: ExportTable<unknown>) {
  const inner = p.size[0] - 2 * MARGIN;
  const chars = table.columns.reduce((s, c) => s + c.width, 0);
  let x = MARGIN;
  return table.columns.map((c) => {
    const w = (c.width / chars) * inner;
    const col = {
      c,
      x,
      w,
      align: (c.kind === 'text' || c.kind === 'date' ? 'left' : 'right') as 'left' | 'right',
    };
    x += w;
    return col;
  });
}

function row(p: Page, cols: ReturnType<typeof layout>, cells: string[], style: 'head' | 'body' | 'total') {
  const inner = p.size[0] - 2 * MARGIN;
  if (style === 'head') p.doc.rect(MARGIN, p.y, inner, ROW_H + 2).fill(PALE);
  p.doc
    .font(style === 'body' ? 'Helvetica' : 'Helvetica-Bold')
    .fontSize(7.5)
    .fillColor(INK);
  cols.forEach((col, i) => {
    text(p.doc, cells[i] ?? '', col.x + 2, p.y + 4, col.w - 4, col.align);
  });
  p.y += ROW_H + (style === 'head' ? 2 : 0);
  p.doc
    .moveTo(MARGIN, p.y)
    .lineTo(MARGIN + inner, p.y)
    .lineWidth(0.3)
    .stroke('#c9d3cf');
}

function drawTable(p: Page, t: ReportTable): void {
  const bottom = p.size[1] - 45;
  if (p.y + 3 * ROW_H + 20 > bottom) newPage(p);
  p.doc.font('Helvetica-Bold').fontSize(10).fillColor(GREEN);
  text(p.doc, t.title, MARGIN, p.y, p.size[0] - 2 * MARGIN);
  p.y += 16;
  const cols = layout(p, t.table);
  const head = cols.map((c) => c.c.header);
  row(p, cols, head, 'head');
  for (const r of t.table.rows) {
    if (p.y + ROW_H > bottom) {
      newPage(p);
      row(p, cols, head, 'head');
    }
    row(
      p,
      cols,
      cols.map((c) => cellText(c.c, c.c.value(r))),
      'body',
    );
  }
  if (t.table.columns.some((c) => c.total)) {
    if (p.y + ROW_H > bottom) newPage(p);
    const cells = cols.map((c, i) => {
      if (c.c.total) return ribuan(columnTotal(c.c, t.table.rows));
      return i === 0 ? (t.table.totalLabel ?? 'Jumlah') : '';
    });
    row(p, cols, cells, 'total');
  }
  p.y += 14;
}

export async function reportPdf(report: ReportDocument, tables: readonly ReportTable[]): Promise<Buffer> {
  const wide = tables.some((t) => t.table.columns.reduce((s, c) => s + c.width, 0) > PORTRAIT_CHARS_MAX);
  const size: [number, number] = wide ? [A4[1], A4[0]] : A4;
  const doc = newPdf({
    createdAt: report.generatedAt,
    title: `${report.title} · ${report.regencyName} · ${report.periodLine}`,
    size,
  });
  const p: Page = { doc, size, number: 0, y: 0, report };
  newPage(p);
  heading(p);
  for (const t of tables) drawTable(p, t);
  footer(p);
  return pdfBytes(doc);
}
