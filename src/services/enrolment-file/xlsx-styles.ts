// Which cell styles of an XLSX format numbers as dates, as exceljs decided it: the style's number
// format (built in or the workbook's own), with quoted and bracketed parts removed, has a date or
// time letter.
import type yauzl from 'yauzl';
import { readXml, type Zip } from './xlsx-limits.ts';

// The built-in formats exceljs knows (ECMA-376 §18.8.30) that are dates or times.
const BUILT_IN: Record<number, string> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Indexes (the cells' `s`) of the cell formats whose number format `isDate` accepts. */
export async function readStyles(zip: Zip, entry: yauzl.Entry): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  await readXml(zip, entry, {
    open(tag) {
      const a = tag.attributes;
      if (tag.name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) formatIds.push(Number.parseInt(a.numFmtId ?? '0', 10));
    },
    text() {},
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  formatIds.forEach((id, index) => {
    if (isDateFormat(custom.get(id) ?? BUILT_IN[id])) dates.add(index);
  });
  return dates;
}
