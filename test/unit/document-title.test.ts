import { describe, expect, it } from 'vitest';
import { titleFor } from '../../web/src/document-title.ts';

describe('the browser title of a page', () => {
  it('is the page heading, then the app', () => {
    expect(titleFor('Tagihan\n   iuran ')).toBe('Tagihan iuran · lindung · BPJS Ketenagakerjaan');
  });
  it('is the app alone while a page has no heading yet', () => {
    expect(titleFor(undefined)).toBe('lindung · BPJS Ketenagakerjaan');
    expect(titleFor('  ')).toBe('lindung · BPJS Ketenagakerjaan');
  });
});
