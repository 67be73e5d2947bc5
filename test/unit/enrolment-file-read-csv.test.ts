import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_PARSE_OPTIONS, unquotedRecords } from '../../src/services/enrolment-file/read-csv.ts';

// Text without quotes, rich in what splitting can get wrong: both delimiters, every line break,
// empty lines and fields, a trailing break, spaces, comment marks and non-ASCII letters.
const unquotedText = fc
  .array(fc.constantFrom('a', 'Ö', '1', ',', ';', '\n', '\r', '\r\n', ' ', '#', '\t', ''), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('unquotedRecords (the CSV fast path)', () => {
  it('gives exactly the records csv-parse gives for text without quotes', () => {
    fc.assert(
      fc.property(unquotedText, fc.constantFrom(',', ';'), (text, delimiter) => {
        expect(unquotedRecords(text, delimiter)).toEqual(parse(text, { ...CSV_PARSE_OPTIONS, delimiter }));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps empty lines as one empty field and drops only the final line break', () => {
    expect(unquotedRecords('a,b\r\n\r\nc;d\r', ',')).toEqual([['a', 'b'], [''], ['c;d']]);
    expect(unquotedRecords('', ',')).toEqual([]);
    expect(unquotedRecords('\n\n', ',')).toEqual([[''], ['']]);
  });
});
