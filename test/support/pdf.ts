import { inflateSync } from 'node:zlib';

/** Every stream of the PDF, inflated when deflated (pdfkit deflates page contents). */
export function pdfStreams(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of s.matchAll(/<<([^<>]*?)>>\s*stream\r?\n/g)) {
    const len = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const raw = pdf.subarray(m.index + m[0].length, m.index + m[0].length + len);
    out.push((m[1]!.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('latin1'));
  }
  return out;
}

/** The text of every TJ operator (one per line drawn), decoded from pdfkit's hex strings. */
export function pdfText(pdf: Buffer): string[] {
  return pdfStreams(pdf).flatMap((c) =>
    [...c.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
      [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
    ),
  );
}

/** Number of pages (one /Type /Page object each). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
