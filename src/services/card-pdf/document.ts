// A pdfkit document whose bytes depend only on what is drawn and the clock passed in: the
// creation date (and the file ID pdfkit derives from the info dictionary) come from the
// caller's clock, never from the wall clock.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  /** ISO instant recorded as the creation date. */
  createdAt: string;
  title: string;
  size: [number, number];
}

export const MM = 72 / 25.4;

export function newPdf(o: PdfOptions): Pdf {
  return new PDFDocument({
    size: o.size,
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: o.title,
      Author: 'lindung',
      Creator: 'lindung',
      Producer: 'lindung (PDFKit)',
      CreationDate: new Date(o.createdAt),
    },
  });
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Draws the QR code of `text` as vector squares (sharp at any print resolution): each run of
 * dark modules in a row is one `col row length 1 re` in module units, scaled to `sizePt`.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, sizePt: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  doc.save();
  doc.translate(x, y).scale(sizePt / n);
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(start, row, col - start, 1);
    }
  }
  doc.fill('#000000');
  doc.restore();
}
