// A small zip writer for hostile files: an entry's content is a piece repeated many times (a bomb
// of hundreds of megabytes costs a few hundred kilobytes to build), and its declared size may lie.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Content: head, then `body` repeated `times`, then tail. */
  head?: string;
  body?: string;
  times?: number;
  tail?: string;
  /** Size to declare instead of the true one. */
  declaredSize?: number;
}

/**
 * Raw deflate of head + body×times + tail: each piece is flushed with Z_FULL_FLUSH, which resets
 * the dictionary, so the body's compressed bytes can be repeated as they are.
 */
function deflateRepeated(p: ZipPart): { data: Buffer; size: number; crc: number } {
  const full = (s: string) =>
    deflateRawSync(Buffer.from(s), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = Buffer.from(p.head ?? '');
  const body = Buffer.from(p.body ?? '');
  const tail = Buffer.from(p.tail ?? '');
  const times = p.times ?? 0;
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(body, crc);
  crc = crc32(tail, crc);
  const bodyBlock = full(body.toString());
  const data = Buffer.concat([
    full(head.toString()),
    ...Array.from({ length: times }, () => bodyBlock),
    deflateRawSync(tail, { level: 9 }),
  ]);
  return { data, size: head.length + body.length * times + tail.length, crc };
}

/** A zip of the parts, deflated, with a central directory. */
export function buildZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const { data, size, crc } = deflateRepeated(p);
    const declared = p.declaredSize ?? size;
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** An XLSX workbook of one sheet `Peserta`, with the sheet's rows and the shared strings given. */
export function bombWorkbook(
  sheet: Omit<ZipPart, 'name'>,
  strings: Omit<ZipPart, 'name'> = { head: '<sst/>' },
): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', head: TYPES },
    { name: '_rels/.rels', head: ROOT_RELS },
    { name: 'xl/workbook.xml', head: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', head: RELS },
    { name: 'xl/sharedStrings.xml', ...strings },
    {
      name: 'xl/worksheets/sheet1.xml',
      ...sheet,
      head: SHEET_HEAD + (sheet.head ?? ''),
      tail: (sheet.tail ?? '') + SHEET_TAIL,
    },
  ]);
}
