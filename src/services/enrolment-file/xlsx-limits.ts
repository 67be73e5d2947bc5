// Caps on what an uploaded XLSX may unpack to, checked while it is read (issue 14, B2): a zip
// compresses a repeated text 1,000 to 1, so the file's size says nothing of what it holds.
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { AppError } from '../../errors.ts';

export interface XlsxLimits {
  /** Bytes all the parts read may unpack to, together. */
  maxUncompressedBytes: number;
  /** <c> elements in the sheet, empty ones included. */
  maxCells: number;
  /** <row> elements in the sheet, empty ones included. */
  maxRowElements: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
}

/**
 * Limits for a sheet of at most `maxRows` data rows: room for a title and a header, 16 cells a row
 * (the template has 9 columns, a returned row report 12) and 1 KiB of XML a row. A legitimate file
 * at the row limit stays within them; reading up to a limit takes about a second a million cells.
 */
export function xlsxLimitsFor(maxRows: number): XlsxLimits {
  const rows = maxRows + 20;
  return {
    maxUncompressedBytes: 16 * 1024 * 1024 + rows * 1024,
    maxCells: rows * 16,
    maxRowElements: rows * 2,
    maxSharedStrings: rows * 16,
  };
}

/** What a cap counts, named in each language of the refusal (`{detail}` / `detailEn`). */
const CAPPED = {
  'shared strings': 'teks bersama',
  cells: 'sel',
  rows: 'baris',
  columns: 'kolom',
  'zip entries': 'entri zip',
  'uncompressed bytes': 'byte setelah dibuka',
  'bytes in one cell': 'byte dalam satu sel',
  'nesting depth': 'kedalaman tag bersarang',
  'bytes past the declared size of a part': 'byte melewati ukuran bagian yang tercatat',
} as const;

export function tooMuch(what: keyof typeof CAPPED, limit: number): AppError {
  return new AppError('FILE_CONTENT_TOO_LARGE', {
    detail: CAPPED[what],
    detailEn: what,
    limit: limit.toLocaleString('en'),
  });
}

const notSpreadsheet = () => new AppError('FILE_NOT_SPREADSHEET');
const MAX_ENTRIES = 10_000;
// Excel's own limit is 32,767 characters a cell; escapes and UTF-8 may take four bytes each.
const MAX_BYTES_BETWEEN_TAGS = 256 * 1024;
const MAX_DEPTH = 64;

export interface Zip {
  file: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
  /** Bytes still allowed to unpack. */
  budget: number;
}

/** The zip's directory (no entry is unpacked yet). */
export async function openZip(bytes: Uint8Array, limits: XlsxLimits): Promise<Zip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(notSpreadsheet()) : resolve(zip),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= MAX_ENTRIES) return reject(tooMuch('zip entries', MAX_ENTRIES));
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      file.readEntry();
    });
    file.on('end', () => resolve());
    file.on('error', () => reject(notSpreadsheet()));
    file.readEntry();
  });
  return { file, entries, budget: limits.maxUncompressedBytes };
}

/**
 * Claims the declared sizes of the parts about to be read: a part that claims more than the
 * budget is refused before a byte is inflated, and yauzl stops one that unpacks past its claim.
 */
export function claim(zip: Zip, entries: readonly yauzl.Entry[], limit: number): void {
  for (const entry of entries) {
    zip.budget -= entry.uncompressedSize;
    if (zip.budget < 0) throw tooMuch('uncompressed bytes', limit);
  }
}

function openStream(zip: Zip, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.file.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(notSpreadsheet()) : resolve(stream),
    ),
  );
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(name: string): void;
}

/** Throws when any stretch between two '<' is longer than a cell may be (saxes holds it whole). */
function checkGaps(chunk: Buffer, sinceTag: number): number {
  let gap = sinceTag;
  let from = 0;
  for (let at = chunk.indexOf(0x3c, from); at !== -1; at = chunk.indexOf(0x3c, from)) {
    if (gap + at - from > MAX_BYTES_BETWEEN_TAGS) throw tooMuch('bytes in one cell', MAX_BYTES_BETWEEN_TAGS);
    gap = 0;
    from = at + 1;
  }
  gap += chunk.length - from;
  if (gap > MAX_BYTES_BETWEEN_TAGS) throw tooMuch('bytes in one cell', MAX_BYTES_BETWEEN_TAGS);
  return gap;
}

/** Streams one part through saxes; a handler that throws stops the reading at once. */
export async function readXml(zip: Zip, entry: yauzl.Entry, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_DEPTH) throw tooMuch('nesting depth', MAX_DEPTH);
    handlers.open(tag);
  });
  parser.on('text', handlers.text);
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(tag.name);
  });
  const stream = await openStream(zip, entry);
  const decoder = new TextDecoder('utf-8');
  let sinceTag = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      sinceTag = checkGaps(chunk, sinceTag);
      parser.write(decoder.decode(chunk, { stream: true }));
    }
    parser.close();
  } catch (e) {
    stream.destroy();
    if (e instanceof AppError) throw e;
    // yauzl stops a part that unpacks past the size it declared.
    if (e instanceof Error && /too many bytes/.test(e.message)) {
      throw tooMuch('bytes past the declared size of a part', entry.uncompressedSize);
    }
    throw notSpreadsheet(); // bad XML: saxes throws
  }
}
